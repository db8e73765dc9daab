"""The platform's processes as the chaos run drives them: start, SIGKILL, restart, supervise.

Each service is the real entry point (`haruul-intake`, `haruul-scoring`, `haruul-notify`,
`haruul-gateway`) with its ports fixed once (free loopback ports), so a restarted process comes
back at the same address with the same state. A process that exits without being killed by the
harness is restarted by `supervise()`, as an orchestrator would, and the exit is recorded.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from haruul_common.child_process import stop_process, terminate_with_parent

BIN = Path(sys.executable).parent
READY_TIMEOUT_S = 60.0


class ServiceError(RuntimeError):
    """A service did not start; the message names it and its log."""


def port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
        return True
    return False


@dataclass
class Service:
    """One process of the platform. `ready_port` is listening once it can serve."""

    name: str
    program: str
    env: dict[str, str]
    ready_port: int
    log_dir: Path
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0
    kills: int = 0
    unexpected_exits: list[int] = field(default_factory=list)
    held_down: bool = False

    @property
    def log_file(self) -> Path:
        return self.log_dir / f"{self.name}.log"

    def start(self, *, wait: bool = True) -> float:
        """Start the process; with `wait`, until its port listens. Returns seconds taken."""
        began = time.monotonic()
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with self.log_file.open("ab") as sink:
            sink.write(f"--- start {self.starts + 1} at {time.time():.3f}\n".encode())
            sink.flush()
            self.process = subprocess.Popen(
                [str(BIN / self.program)],
                env=self.env,
                stdout=sink,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=terminate_with_parent,
            )
        self.starts += 1
        self.held_down = False
        if wait:
            self.wait_ready()
        return time.monotonic() - began

    def wait_ready(self, timeout_s: float = READY_TIMEOUT_S) -> None:
        assert self.process is not None
        deadline = time.monotonic() + timeout_s
        while not port_open(self.ready_port):
            if self.process.poll() is not None:
                raise ServiceError(
                    f"{self.name} exited with {self.process.returncode} during start-up;"
                    f" see {self.log_file}"
                )
            if time.monotonic() > deadline:
                raise ServiceError(
                    f"{self.name} not ready after {timeout_s:.0f} s; see {self.log_file}"
                )
            time.sleep(0.1)

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as in a crash or an OOM kill."""
        assert self.process is not None
        self.held_down = True
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.kills += 1

    def stop(self) -> None:
        """An orderly stop (SIGTERM, then SIGKILL after 15 s)."""
        self.held_down = True
        if self.process is not None:
            stop_process(self.process, timeout_s=15)

    def exited_by_itself(self) -> int | None:
        """The exit code when the process ended without the harness stopping it."""
        if self.held_down or self.process is None:
            return None
        return self.process.poll()

    def last_log_line(self) -> str:
        """The last lines the process wrote (a crash's exception names itself there)."""
        try:
            lines = self.log_file.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return " | ".join(line.strip() for line in lines[-2:])[:400]

    @property
    def pid(self) -> int | None:
        return None if self.process is None else self.process.pid


def base_env(bootstrap: str) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("HARUUL_")},
        "HARUUL_ENV": "development",
        "HARUUL_LOG_JSON": "true",
        "HARUUL_LOG_LEVEL": "INFO",
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
    }


def stop_all(services: list[Service]) -> None:
    """An orderly stop of several at once: SIGTERM to each, then wait for each."""
    for service in services:
        service.held_down = True
        if service.process is not None and service.process.poll() is None:
            service.process.send_signal(signal.SIGTERM)
    for service in services:
        service.stop()
