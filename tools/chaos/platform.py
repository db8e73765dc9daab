"""The platform under test: one broker the harness controls, an SMTP sink, and the services as
processes on free loopback ports, with their state under the run's work directory."""

from __future__ import annotations

import os
import signal
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from haruul_common.local_kafka import LocalKafka
from haruul_intake.api_keys import new_key, write_key_file
from haruul_notify.gateway.dev_smtp_sink import start_dev_smtp_sink
from tests.support.net import free_port
from tests.support.routing import write_routing
from tools.chaos.services import Service, base_env

INTEGRATION_ID = "chaos-hotline"


@dataclass
class Platform:
    work: Path
    escalate_after_s: int
    publish_timeout_s: float
    kafka: LocalKafka = field(init=False)
    services: dict[str, Service] = field(default_factory=dict)
    api_key: str = field(default_factory=new_key)

    def __post_init__(self) -> None:
        self.kafka = LocalKafka(self.work / "kafka")
        self.logs = self.work / "logs"
        self.sms_dir = self.work / "outbox" / "sms"
        self.email_dir = self.work / "outbox" / "email"
        self.receipts_db = self.work / "gateway.db"
        self.routing = write_routing(self.work / "routing.yaml", f"{self.escalate_after_s}s")
        self._smtp = start_dev_smtp_sink(self.email_dir, port=free_port())
        self.smtp_port = int(self._smtp.port)

    @property
    def bootstrap(self) -> str:
        return self.kafka.bootstrap_servers

    def start_broker(self) -> None:
        self.kafka.start()

    def stop_broker(self, how: str) -> None:
        """`term`: a controlled shutdown; `kill`: SIGKILL the JVM (then clean up)."""
        pid = self.kafka.pid
        if how == "kill" and pid is not None:
            os.kill(pid, signal.SIGKILL)
        self.kafka.stop()

    def add(self, name: str, program: str, ready_port: int, env: dict[str, str]) -> Service:
        service = Service(name, program, {**base_env(self.bootstrap), **env}, ready_port, self.logs)
        self.services[name] = service
        return service

    def add_gateway(self) -> Service:
        port = free_port()
        return self.add("gateway", "haruul-gateway", port, {
            "HARUUL_GATEWAY_PORT": str(port),
            "HARUUL_GATEWAY_HTTP_PORT": str(free_port()),
            "HARUUL_GATEWAY_METRICS_PORT": str(free_port()),
            "HARUUL_GATEWAY_SMTP_PORT": str(self.smtp_port),
            "HARUUL_GATEWAY_RECEIPTS_DB": str(self.receipts_db),
            "HARUUL_GATEWAY_SMS_ADAPTER": "file",
            "HARUUL_GATEWAY_SMS_OUTBOX_DIR": str(self.sms_dir),
        })  # fmt: skip

    def add_intake(self) -> Service:
        keys = self.work / "intake-api-keys"
        keys.unlink(missing_ok=True)
        write_key_file(keys, INTEGRATION_ID, self.api_key)
        port = free_port()
        return self.add("intake", "haruul-intake", port, {
            "HARUUL_INTAKE_HOST": "127.0.0.1",
            "HARUUL_INTAKE_PORT": str(port),
            "HARUUL_INTAKE_API_KEYS_FILE": str(keys),
            "HARUUL_INTAKE_STATE_DB": str(self.work / "intake.db"),
            "HARUUL_INTAKE_PUBLISH_TIMEOUT_S": str(self.publish_timeout_s),
        })  # fmt: skip

    def add_scoring(self, name: str, group_id: str, case_db: str) -> Service:
        port = free_port()
        return self.add(name, "haruul-scoring", port, {
            "HARUUL_SCORING_GROUP_ID": group_id,
            "HARUUL_SCORING_METRICS_PORT": str(port),
            "HARUUL_SCORING_CASE_DB": case_db,
        })  # fmt: skip

    def add_notify(self, name: str, group_id: str, alert_db: str, ledger_db: str) -> Service:
        desk, http = free_port(), free_port()
        return self.add(name, "haruul-notify", desk, {
            "HARUUL_NOTIFY_GROUP_ID": group_id,
            "HARUUL_NOTIFY_INSTANCE_ID": name,
            "HARUUL_NOTIFY_ROUTING_FILE": str(self.routing),
            "HARUUL_NOTIFY_ALERT_DB": alert_db,
            "HARUUL_NOTIFY_LEDGER_DB": ledger_db,
            "HARUUL_NOTIFY_GATEWAY_TARGET": f"127.0.0.1:{self.services['gateway'].ready_port}",
            "HARUUL_NOTIFY_DESK_PORT": str(desk),
            "HARUUL_NOTIFY_HTTP_PORT": str(http),
            "HARUUL_NOTIFY_PUBLIC_URL": f"http://127.0.0.1:{http}",
            "HARUUL_NOTIFY_METRICS_PORT": str(free_port()),
            "HARUUL_NOTIFY_TICK_S": "0.5",
            # Every alert pages its own SMS: bundling is a feature for people, not under test.
            "HARUUL_NOTIFY_SMS_LIMIT": "1000000",
            # A step held by a killed instance is taken over after this lease.
            "HARUUL_NOTIFY_CLAIM_LEASE_S": "10",
        })  # fmt: skip

    @property
    def intake_url(self) -> str:
        return f"http://127.0.0.1:{self.services['intake'].ready_port}"

    def close(self) -> None:
        for service in reversed(list(self.services.values())):
            service.stop()
        self._smtp.stop()
        self.kafka.stop()


def group(service: str) -> str:
    return f"chaos-{service}-{uuid.uuid4().hex[:8]}"
