"""A real single-node Apache Kafka (KRaft, combined broker and controller) for dev and tests.

Why not Docker or a tarball: this project's machines have Java and Maven but no container
engine, and Maven Central is reachable while Apache's download mirrors may not be. So the
broker's runtime classpath comes from Maven Central (``infra/kafka/pom.xml``), is cached once
per POM, and ``kafka.Kafka`` is run straight from it. Tests then exercise the same broker code
as production instead of a fake.

Run ``python -m haruul_common.local_kafka`` for a broker in the foreground.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from types import TracebackType
from typing import IO

from kafka import KafkaAdminClient
from kafka.errors import (
    KafkaError,
    NoError,
    TopicAlreadyExistsError,
    for_code,
)

from haruul_common.child_process import stop_process, terminate_with_parent
from haruul_common.kafka_security import kafka_python_options
from haruul_common.settings import KafkaSettings
from haruul_common.topics import DEFAULT_RETENTION, topics_to_create

INSTALL_HINT = "apt-get install openjdk-17-jre-headless maven"
_POM_RELATIVE = Path("infra/kafka/pom.xml")
_MARKER = ".resolved"
_LOOPBACK = "127.0.0.1"
# A short-lived node on a small machine, sharing its cores with the services: C1 alone (no C2
# recompiles) and the serial collector. Against Kafka's scripts' G1 with C2, measured on this
# 2-core machine: start-up 8.1 -> 5.0 s of CPU, and 2.4 -> 1.3-1.4 ms of broker CPU an alert
# in `make bench`'s e2e phase (BENCHMARKS.md, "Fifth round"). A real cluster is tuned apart.
_JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


class LocalKafkaError(RuntimeError):
    """The local broker could not be prepared, started or reached."""


def default_cache_dir() -> Path:
    """Where jars are cached when the caller does not choose (settings decide overrides)."""
    return Path.home() / ".cache" / "haruul"


def find_pom() -> Path:
    """Find infra/kafka/pom.xml above this file; the package is installed editable from the repo."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent / _POM_RELATIVE
        if candidate.is_file():
            return candidate
    raise LocalKafkaError(f"{_POM_RELATIVE} not found above {Path(__file__).resolve()}")


def kafka_version(pom: Path) -> str:
    """The Kafka version pinned in the POM; it names the cache folder."""
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    root = ET.parse(pom).getroot()  # noqa: S314 - the repo's own POM, not untrusted input
    version = root.findtext("m:properties/m:kafka.version", namespaces=ns)
    if not version:
        raise LocalKafkaError(f"{pom} has no <kafka.version> property")
    return version.strip()


def _require(tool: str) -> str:
    """Path of a required executable, or an error that says what to install."""
    found = shutil.which(tool)
    if found is None:
        raise LocalKafkaError(f"`{tool}` is not on PATH; install it: {INSTALL_HINT}")
    return found


def resolve_classpath(cache_dir: Path | None = None) -> Path:
    """Copy the broker's runtime jars from Maven Central into a cache and return that folder.

    The folder is ``<cache_dir>/kafka/<version>/libs``. A marker holding the POM's hash is
    written only after Maven succeeds, so an interrupted download, or an edited POM, is redone.
    A file lock keeps parallel test processes from downloading into the same folder at once.
    """
    _require("java")  # checked here too: jars without a JVM are no use
    mvn = _require("mvn")
    pom = find_pom()
    version_dir = (cache_dir or default_cache_dir()) / "kafka" / kafka_version(pom)
    libs = version_dir / "libs"
    marker = version_dir / _MARKER
    pom_hash = hashlib.sha256(pom.read_bytes()).hexdigest()
    version_dir.mkdir(parents=True, exist_ok=True)
    with open(version_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if marker.is_file() and marker.read_text().strip() == pom_hash:
            return libs
        marker.unlink(missing_ok=True)
        shutil.rmtree(libs, ignore_errors=True)
        cmd = [
            mvn, "-B", "-q", "-f", str(pom),
            "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
            "-DincludeScope=runtime", f"-DoutputDirectory={libs}",
        ]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise LocalKafkaError(
                f"Maven could not resolve Kafka's jars (exit {done.returncode}):\n"
                + _tail(done.stdout + done.stderr)
            )
        marker.write_text(pom_hash + "\n")
    return libs


def random_cluster_id() -> str:
    """Same as `StorageTool random-uuid` (base64url of 16 random bytes), without a JVM start.

    Kafka 4.1's Uuid.randomUuid() refuses ids starting with '-' (later Kafka: containing '-',
    KAFKA-20072); we keep the stricter rule so the id suits any version.
    """
    while True:
        text = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
        if "-" not in text:
            return text


def ensure_topics(
    bootstrap_servers: str,
    timeout_s: float = 30.0,
    retention: timedelta = DEFAULT_RETENTION,
    client: KafkaSettings | None = None,
) -> None:
    """Create every registry topic on any cluster, leaving existing ones alone.

    Replication is left to the cluster's default.replication.factor so the same call suits a
    one-node dev broker and a real cluster; topics with personal data get `retention.ms`.
    Returns once every partition has a leader. `client` carries TLS/SASL settings for
    clusters that demand them.
    """
    wanted = {name: {"num_partitions": parts, "replication_factor": -1, "configs": configs}
              for name, parts, configs in topics_to_create(retention)}  # fmt: skip
    timeout_ms = int(timeout_s * 1000)
    admin = KafkaAdminClient(
        bootstrap_servers=bootstrap_servers,
        client_id="haruul-ensure-topics",
        bootstrap_timeout_ms=timeout_ms,
        request_timeout_ms=timeout_ms,
        **(kafka_python_options(client) if client else {}),
    )
    try:
        result = admin.create_topics(wanted, timeout_ms=timeout_ms, raise_errors=False)
        for topic in result["topics"]:
            error = for_code(topic["error_code"])
            if error not in (NoError, TopicAlreadyExistsError):
                raise LocalKafkaError(f"creating {topic['name']} failed: {error.__name__}")
        admin.wait_for_topics(list(wanted), timeout_ms=timeout_ms)
    finally:
        admin.close()


def _tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.splitlines()[-lines:])


def _tail_file(path: Path, lines: int = 40) -> str:
    try:
        return _tail(path.read_text(errors="replace"), lines)
    except OSError:
        return f"({path} not readable)"


def _free_ports(count: int) -> list[int]:
    """Ports the OS reports free on loopback; all held open together so they differ."""
    with contextlib.ExitStack() as stack:
        socks = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in socks:
            sock.bind((_LOOPBACK, 0))
        return [int(sock.getsockname()[1]) for sock in socks]


def _port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((_LOOPBACK, port), timeout=0.5):
        return True
    return False


class LocalKafka:
    """One Kafka 4.x node on loopback with the registry topics created.

    Use as a context manager, or call start()/stop() yourself. Ports and the data dir are fixed
    at the first start(), so restart() brings back the same broker, at the same address, with
    its data. A data dir this class created itself is removed on __exit__/close(); a given one
    is kept, and so is any dir after a failed start, for its logs.
    """

    def __init__(
        self,
        data_dir: Path | None = None,
        *,
        cache_dir: Path | None = None,
        heap_mb: int = 384,
        ready_timeout_s: float = 90.0,
        echo: bool = False,
        sasl_users: Mapping[str, str] | None = None,
    ) -> None:
        """`echo` sends the JVM's console (WARN and up) to our stderr instead of a log file.
        `sasl_users` (name -> password) adds a SASL_PLAINTEXT listener with the PLAIN
        mechanism beside the PLAINTEXT one: clusters that demand credentials are tested
        on it."""
        self._sasl_users = dict(sasl_users or {})
        self._sasl_port: int | None = None
        self._given_dir = data_dir
        self._cache_dir = cache_dir
        self._heap_mb = heap_mb
        self._ready_timeout_s = ready_timeout_s
        self._echo = echo
        self._dir: Path | None = None
        self._ports: tuple[int, int] | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._console: IO[bytes] | None = None

    @property
    def bootstrap_servers(self) -> str:
        """`127.0.0.1:PORT` of the PLAINTEXT listener."""
        if self._ports is None:
            raise LocalKafkaError("LocalKafka has not been started")
        return f"{_LOOPBACK}:{self._ports[0]}"

    @property
    def sasl_bootstrap_servers(self) -> str:
        """`127.0.0.1:PORT` of the SASL_PLAINTEXT listener (with `sasl_users` only)."""
        if self._sasl_port is None:
            raise LocalKafkaError("LocalKafka was started without sasl_users")
        return f"{_LOOPBACK}:{self._sasl_port}"

    @property
    def data_dir(self) -> Path:
        """Holds server.properties, data/ (log.dirs) and logs/ (server.log, console.log)."""
        if self._dir is None:
            raise LocalKafkaError("LocalKafka has not been started")
        return self._dir

    @property
    def pid(self) -> int | None:
        """The broker JVM's process id while it runs."""
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None

    def start(self) -> None:
        """Start the broker, wait until it answers metadata requests, and create the topics."""
        if self.pid is not None:
            return
        libs = resolve_classpath(self._cache_dir)
        java = _require("java")
        if self._dir is None:
            self._dir = self._given_dir or Path(tempfile.mkdtemp(prefix="haruul-kafka-"))
            self._dir.mkdir(parents=True, exist_ok=True)
        if self._ports is None:
            port, controller_port, sasl_port = _free_ports(3)
            self._ports = (port, controller_port)
            self._sasl_port = sasl_port if self._sasl_users else None
        props = self._write_properties()
        logs = self._dir / "logs"
        logs.mkdir(exist_ok=True)
        base = [
            java, "-Xms256m", f"-Xmx{self._heap_mb}m",
            *_JVM_OPTIONS,
            "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={find_pom().with_name('log4j2.xml')}",
            f"-Dkafka.logs.dir={logs}",
            "-cp", f"{libs}/*",
        ]  # fmt: skip
        if not (self._dir / "data" / "meta.properties").is_file():
            self._format(base, props)
        # Kept open for the life of the process; closed in stop().
        self._console = None if self._echo else open(logs / "console.log", "ab")  # noqa: SIM115
        started = time.monotonic()
        self._proc = subprocess.Popen(
            [*base, "kafka.Kafka", str(props)],
            stdin=subprocess.DEVNULL,
            stdout=self._console,
            stderr=self._console,
            start_new_session=True,  # Ctrl-C reaches us, and we stop the broker in order
            preexec_fn=terminate_with_parent,  # and it never outlives us
        )
        try:
            self._wait_ready(started)
            ensure_topics(self.bootstrap_servers)
        except BaseException:
            self.stop()
            raise

    def stop(self, timeout_s: float = 20.0) -> None:
        """SIGTERM (a controlled shutdown that flushes logs), then SIGKILL after timeout_s."""
        proc, self._proc = self._proc, None
        if proc is not None:
            stop_process(proc, timeout_s)
        if self._console is not None:
            self._console.close()
            self._console = None

    def restart(self) -> None:
        """Stop and start again on the same ports and data dir, keeping all data."""
        self.stop()
        self.start()

    def close(self) -> None:
        """Stop, and remove the data dir if this instance created it."""
        self.stop()
        if self._dir is not None and self._given_dir is None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __enter__(self) -> LocalKafka:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _write_properties(self) -> Path:
        assert self._dir is not None
        assert self._ports is not None
        port, cport = self._ports
        settings = {
            "process.roles": "broker,controller",
            "node.id": "1",
            "controller.quorum.bootstrap.servers": f"{_LOOPBACK}:{cport}",
            "listeners": f"PLAINTEXT://{_LOOPBACK}:{port},CONTROLLER://{_LOOPBACK}:{cport}",
            "advertised.listeners": f"PLAINTEXT://{_LOOPBACK}:{port}",
            "controller.listener.names": "CONTROLLER",
            "inter.broker.listener.name": "PLAINTEXT",
            "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            "log.dirs": str(self._dir / "data"),
            "num.partitions": "1",
            "default.replication.factor": "1",
            "auto.create.topics.enable": "false",
            # Consumer groups join at once instead of after 3 s; tests depend on it.
            "group.initial.rebalance.delay.ms": "0",
            # One node: internal topics must not ask for three replicas.
            "offsets.topic.replication.factor": "1",
            "offsets.topic.num.partitions": "1",  # 50 by default: slow first group join
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "transaction.state.log.num.partitions": "1",
            "share.coordinator.state.topic.replication.factor": "1",
            "share.coordinator.state.topic.min.isr": "1",
        }
        if self._sasl_port is not None:
            settings.update(self._sasl_listener(self._sasl_port))
        path = self._dir / "server.properties"
        path.write_text("".join(f"{key}={value}\n" for key, value in settings.items()))
        return path

    def _sasl_listener(self, sasl_port: int) -> dict[str, str]:
        users = " ".join(f'user_{name}="{password}"' for name, password in self._sasl_users.items())
        assert self._ports is not None
        port, cport = self._ports
        return {
            "listeners": f"PLAINTEXT://{_LOOPBACK}:{port},CONTROLLER://{_LOOPBACK}:{cport},"
            f"SASL_PLAINTEXT://{_LOOPBACK}:{sasl_port}",
            "advertised.listeners": f"PLAINTEXT://{_LOOPBACK}:{port},"
            f"SASL_PLAINTEXT://{_LOOPBACK}:{sasl_port}",
            "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,"
            "SASL_PLAINTEXT:SASL_PLAINTEXT",
            "sasl.enabled.mechanisms": "PLAIN",
            "listener.name.sasl_plaintext.plain.sasl.jaas.config": (
                f"org.apache.kafka.common.security.plain.PlainLoginModule required {users};"
            ),
        }

    def _format(self, base: list[str], props: Path) -> None:
        """Format the log dir once; `--standalone` is required with quorum bootstrap servers."""
        cmd = [*base, "kafka.tools.StorageTool", "format", "--standalone",
               "-t", random_cluster_id(), "-c", str(props)]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise LocalKafkaError(
                f"StorageTool format failed (exit {done.returncode}):\n"
                + _tail(done.stdout + done.stderr)
            )

    def _wait_ready(self, started: float) -> None:
        """Wait for the port, then for a metadata answer; fail early if the JVM exits."""
        assert self._proc is not None
        assert self._ports is not None
        deadline = started + self._ready_timeout_s
        while not _port_open(self._ports[0]):
            if self._proc.poll() is not None:
                self._fail(f"broker exited with code {self._proc.returncode} before it was ready")
            if time.monotonic() > deadline:
                self._fail(f"broker not listening after {self._ready_timeout_s:.0f} s")
            time.sleep(0.2)
        remaining_ms = max(1000, int((deadline - time.monotonic()) * 1000))
        try:
            admin = KafkaAdminClient(
                bootstrap_servers=self.bootstrap_servers,
                client_id="haruul-local-kafka",
                bootstrap_timeout_ms=remaining_ms,
            )
            try:
                admin.list_topics()
            finally:
                admin.close()
        except KafkaError as exc:
            self._fail(f"broker did not answer a metadata request: {exc!r}")

    def _fail(self, reason: str) -> None:
        assert self._dir is not None
        logs = self._dir / "logs"
        shown = ["server.log"] if self._echo else ["server.log", "console.log"]
        sections = [f"--- {logs / name} (tail) ---\n{_tail_file(logs / name)}" for name in shown]
        message = "\n".join([reason, *sections])
        raise LocalKafkaError(message)


def main() -> int:
    """Run a broker in the foreground until SIGINT/SIGTERM; print its address for `eval`/.env."""
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    kafka = LocalKafka(echo=True)
    try:
        kafka.start()
        print(f"KAFKA_BOOTSTRAP_SERVERS={kafka.bootstrap_servers}", flush=True)
        print(f"data and logs: {kafka.data_dir}", file=sys.stderr, flush=True)
        while not stop.wait(1.0):
            if kafka.pid is None:
                kafka.stop()
                print(f"broker exited unexpectedly; logs kept in {kafka.data_dir}", file=sys.stderr)
                return 1
    except LocalKafkaError as exc:
        print(f"local kafka: {exc}", file=sys.stderr)
        return 1
    kafka.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())


def start_group_at_end(
    bootstrap_servers: str, group_id: str, topic: str, client: KafkaSettings | None = None
) -> None:
    """Commit `group_id`'s offsets at the end of `topic`, so it reads only what comes next.

    For tests and benchmarks that share one broker: a fresh group sees none of the history.
    """
    from kafka import KafkaConsumer, TopicPartition
    from kafka.structs import OffsetAndMetadata

    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap_servers,
        group_id=group_id,
        enable_auto_commit=False,
        **(kafka_python_options(client) if client else {}),
    )
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
        ends = consumer.end_offsets(partitions)
        consumer.commit({tp: OffsetAndMetadata(offset, "", -1) for tp, offset in ends.items()})
    finally:
        consumer.close()
