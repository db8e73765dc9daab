"""A throwaway PostgreSQL cluster on a free loopback port, for state several instances share.

    with RunningPostgres() as pg:
        url = pg.new_database()   # postgresql://haruul@127.0.0.1:PORT/db_1

Debian's server binaries (`infra/postgres/install.sh`) run from a temporary directory that is
removed afterwards. PostgreSQL refuses to run as root, so as root the cluster belongs to the
`postgres` system user (the directory is handed to it and commands run through `runuser`).
Authentication is `trust` on loopback only: the cluster lives for one test session.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

import psycopg

from tests.support.net import free_port

INSTALL_HINT = "PostgreSQL is not installed: run `infra/postgres/install.sh` as root"
SUPERUSER = "haruul"


class PostgresNotInstalled(RuntimeError):
    pass


def _bindir() -> Path:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists() and Path(candidate, "postgres").exists():
            return Path(candidate)
    raise PostgresNotInstalled(INSTALL_HINT)


class RunningPostgres:
    def __init__(self) -> None:
        self._bin = _bindir()
        self._as_root = os.geteuid() == 0
        self._dir = Path(tempfile.mkdtemp(prefix="haruul-pg-"))
        self.port = free_port()
        self._process: subprocess.Popen[bytes] | None = None
        self._databases = 0

    def _command(self, *argv: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *argv] if self._as_root else list(argv)

    def __enter__(self) -> RunningPostgres:
        data = self._dir / "data"
        if self._as_root:
            shutil.chown(self._dir, "postgres", "postgres")
        subprocess.run(
            self._command(
                str(self._bin / "initdb"),
                "-D",
                str(data),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--no-sync",
            ),
            check=True,
            capture_output=True,
        )
        log = (self._dir / "postgres.log").open("wb")
        self._process = subprocess.Popen(
            self._command(
                str(self._bin / "postgres"),
                "-D",
                str(data),
                "-p",
                str(self.port),
                "-k",
                str(self._dir),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",  # a test cluster: speed over durability of the test's own data
            ),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self._wait_ready()
        return self

    def _wait_ready(self, timeout_s: float = 30.0) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            assert self._process is not None
            if self._process.poll() is not None:
                raise RuntimeError(
                    "postgres exited: " + (self._dir / "postgres.log").read_text(errors="replace")
                )
            try:
                with psycopg.connect(self.url("postgres"), connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def url(self, database: str) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database: one per test keeps tests from seeing each other's rows."""
        self._databases += 1
        name = f"db_{self._databases}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._process is not None:
            # "fast": disconnect clients and stop (SIGTERM alone would wait for them).
            subprocess.run(
                self._command(
                    str(self._bin / "pg_ctl"), "-D", str(self._dir / "data"), "-m", "fast", "stop"
                ),
                capture_output=True,
                check=False,
            )
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        shutil.rmtree(self._dir, ignore_errors=True)
