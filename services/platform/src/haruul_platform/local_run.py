"""`haruul run`: the whole platform on one machine, in the foreground, on loopback.

Starts (in order) the Kafka broker (or uses KAFKA_BOOTSTRAP_SERVERS), a development SMTP sink,
the delivery gateway, scoring, notify and intake; prints a ready-to-paste `curl`; and on
Ctrl-C stops them in reverse order. Development keys and sinks: refused in production.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from haruul_common.child_process import stop_process, terminate_with_parent
from haruul_common.local_kafka import LocalKafka, ensure_topics
from haruul_common.sealing import new_key_text
from haruul_common.settings import ServiceSettings, load_settings
from haruul_intake.api_keys import DEV_INTEGRATION_ID, new_key, write_key_file
from haruul_notify.gateway.dev_smtp_sink import start_dev_smtp_sink


class LocalRunError(RuntimeError):
    """The local platform could not start; the message says which part and why."""


@dataclass(frozen=True)
class LocalPorts:
    intake: int = 8080
    gateway: int = 50051
    smtp: int = 2525
    scoring_metrics: int = 9102
    notify_metrics: int = 9103
    gateway_metrics: int = 9104
    alert_desk: int = 50052
    notify_http: int = 8081
    gateway_http: int = 8082

    @classmethod
    def consecutive(cls, first: int) -> LocalPorts:
        """Nine ports from `first` on: for a second platform beside one on the defaults."""
        return cls(*range(first, first + 9))


def ensure_dev_key(var_dir: Path) -> str:
    """The local integration key: created once (mode 0600), its digest registered for intake."""
    key_file = var_dir / "dev-api-key"
    digests_file = var_dir / "intake-api-keys"
    if key_file.exists() and digests_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = new_key()
    descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(key + "\n")
    digests_file.unlink(missing_ok=True)
    write_key_file(digests_file, DEV_INTEGRATION_ID, key)
    return key


# The topic key rings each service holds: those of the topics it writes, or must read in the
# clear. The gateway reads no topic and holds none.
KEY_RINGS_BY_SERVICE: dict[str, tuple[str, ...]] = {
    "intake": ("HARUUL_REPORTS_KEYS",),
    "scoring": ("HARUUL_REPORTS_KEYS", "HARUUL_RISK_EVENTS_KEYS"),
    "notify": ("HARUUL_RISK_EVENTS_KEYS",),
    "gateway": (),
}
_ALL_RINGS = ("HARUUL_REPORTS_KEYS", "HARUUL_RISK_EVENTS_KEYS")


def ensure_dev_key_rings(var: Path) -> dict[str, str]:
    """The local run's sealing key rings: from the environment if set there, else made once
    and kept in var/sealing-keys (mode 0600), so messages of an earlier run still open."""
    stored = var / "sealing-keys"
    rings: dict[str, str] = {}
    if stored.is_file():
        for line in stored.read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition("=")
            rings[name] = value
    if any(name not in rings for name in _ALL_RINGS):
        rings = {name: new_key_text(f"dev-{name[7:9].lower()}1") for name in _ALL_RINGS}
        var.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(stored, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.writelines(f"{name}={value}\n" for name, value in rings.items())
    return {name: os.environ.get(name) or rings[name] for name in _ALL_RINGS}


def environment_for(service: str, base: dict[str, str], rings: dict[str, str]) -> dict[str, str]:
    return {**base, **{name: rings[name] for name in KEY_RINGS_BY_SERVICE[service]}}


def service_environment(bootstrap: str, root: Path, ports: LocalPorts) -> dict[str, str]:
    """What every service gets (no key rings: `environment_for` adds each one's own)."""
    var = root / "var"
    inherited = {name: value for name, value in os.environ.items() if name not in _ALL_RINGS}
    return {
        **inherited,
        "HARUUL_ENV": "development",
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "HARUUL_INTAKE_PORT": str(ports.intake),
        "HARUUL_INTAKE_API_KEYS_FILE": str(var / "intake-api-keys"),
        "HARUUL_INTAKE_STATE_DB": str(var / "intake.db"),
        "HARUUL_SCORING_METRICS_PORT": str(ports.scoring_metrics),
        "HARUUL_SCORING_CASE_DB": str(var / "scoring-cases.db"),
        "HARUUL_NOTIFY_METRICS_PORT": str(ports.notify_metrics),
        "HARUUL_NOTIFY_ROUTING_FILE": str(root / "infra" / "local" / "routing.yaml"),
        "HARUUL_NOTIFY_LEDGER_DB": str(var / "notify.db"),
        "HARUUL_NOTIFY_ALERT_DB": str(var / "notify-alerts.db"),
        "HARUUL_NOTIFY_DESK_PORT": str(ports.alert_desk),
        "HARUUL_NOTIFY_HTTP_PORT": str(ports.notify_http),
        "HARUUL_NOTIFY_PUBLIC_URL": f"http://127.0.0.1:{ports.notify_http}",
        "HARUUL_ALERT_DESK": f"127.0.0.1:{ports.alert_desk}",
        "HARUUL_NOTIFY_GATEWAY_TARGET": f"127.0.0.1:{ports.gateway}",
        "HARUUL_GATEWAY_PORT": str(ports.gateway),
        "HARUUL_GATEWAY_METRICS_PORT": str(ports.gateway_metrics),
        "HARUUL_GATEWAY_HTTP_PORT": str(ports.gateway_http),
        "HARUUL_GATEWAY_SMTP_PORT": str(ports.smtp),
        "HARUUL_GATEWAY_RECEIPTS_DB": str(var / "gateway.db"),
        "HARUUL_GATEWAY_SMS_OUTBOX_DIR": str(var / "outbox" / "sms"),
    }


@contextmanager
def _process(
    name: str, command: list[str], env: dict[str, str]
) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        command, env=env, start_new_session=True, preexec_fn=terminate_with_parent
    )
    try:
        yield process
    finally:
        stop_process(process, timeout_s=15)
        print(f"haruul: {name} stopped", file=sys.stderr)


def free_port_block(size: int) -> int:
    """The first of `size` consecutive free loopback ports (for `LocalPorts.consecutive`)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = int(probe.getsockname()[1])
        if first + size < 65000 and all(_is_free(first + i) for i in range(size)):
            return first
    raise LocalRunError(f"no block of {size} free ports")


def _is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def wait_until_healthy(
    port: int, processes: dict[str, subprocess.Popen[bytes]], timeout_s: float = 60.0
) -> None:
    """Until `GET /healthz` on `port` answers 200; fails at once if a process exits."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for name, process in processes.items():
            if process.poll() is not None:
                raise LocalRunError(f"{name} exited during start-up (exit {process.returncode})")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    raise LocalRunError(f"nothing became ready on port {port} within {timeout_s:.0f} s")


def _curl(port: int) -> str:
    return (
        f"curl -sS -X POST http://127.0.0.1:{port}/v1/reports \\\n"
        '  -H "Authorization: Bearer $(cat var/dev-api-key)" \\\n'
        "  -H 'Content-Type: application/json' \\\n"
        "  -d @infra/local/sample-report.json"
    )


def run_local(root: Path, ports: LocalPorts = LocalPorts()) -> int:
    if os.environ.get("HARUUL_ENV") == "production":
        raise LocalRunError(
            "`haruul run` uses development keys and sinks: refused with HARUUL_ENV=production"
        )
    var = root / "var"
    ensure_dev_key(var)
    stop_requested = False

    def request_stop(signum: int, _frame: object) -> None:
        nonlocal stop_requested
        stop_requested = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    with ExitStack() as stack:
        bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        if bootstrap:
            shared = load_settings(ServiceSettings)  # KAFKA_* and HARUUL_RETENTION_DAYS
            ensure_topics(bootstrap, retention=shared.retention, client=shared.kafka)
        else:
            print(
                "haruul: starting Kafka (first start downloads its jars with mvn)...",
                file=sys.stderr,
            )
            broker = stack.enter_context(LocalKafka())
            bootstrap = broker.bootstrap_servers
        print(f"haruul: Kafka at {bootstrap}", file=sys.stderr)
        smtp = start_dev_smtp_sink(var / "outbox" / "email", port=ports.smtp)
        stack.callback(smtp.stop)
        env = service_environment(bootstrap, root, ports)
        rings = ensure_dev_key_rings(var)
        processes: dict[str, subprocess.Popen[bytes]] = {}
        bin_dir = Path(sys.executable).parent
        for name in ("gateway", "scoring", "notify", "intake"):
            command = [str(bin_dir / f"haruul-{name}")]
            processes[name] = stack.enter_context(
                _process(name, command, environment_for(name, env, rings))
            )
        wait_until_healthy(ports.intake, processes)
        print(
            "\nHaruul is running. Post the sample report:\n\n"
            + _curl(ports.intake)
            + "\n\nThen look in var/outbox/sms/ and var/outbox/email/, and at "
            f"`haruul alerts list --desk 127.0.0.1:{ports.alert_desk}`. Metrics: "
            f"http://127.0.0.1:{ports.intake}/metrics, :{ports.scoring_metrics}, "
            f":{ports.notify_metrics}, :{ports.gateway_metrics}. Ctrl-C stops everything.\n",
            file=sys.stderr,
            flush=True,
        )
        while not stop_requested:
            for name, process in processes.items():
                if process.poll() is not None:
                    print(
                        f"haruul: {name} exited (exit {process.returncode}); stopping",
                        file=sys.stderr,
                    )
                    return 1
            time.sleep(0.5)
        print("haruul: stopping...", file=sys.stderr)
    return 0
