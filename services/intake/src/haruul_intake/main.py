"""Intake's process: settings and logging, then the HTTP server over the app `wiring` builds.

With HARUUL_INTAKE_WORKERS > 1 this process is a supervisor (uvicorn's): it checks the
settings, makes a directory the workers share (their Prometheus files and the integrations'
rate-limit buckets), binds the port, and starts that many workers, each of which builds its
own app (`worker_app`), broker connection included, and serves the one listening socket. The
supervisor never imports the app's modules (`wiring`): it stays small.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import uvicorn

from haruul_common.logs import configure_logging
from haruul_common.settings import SettingsError, load_settings
from haruul_common.start_up import freeze_start_up_objects
from haruul_intake import setting_files
from haruul_intake.settings import IntakeSettings

if TYPE_CHECKING:
    from fastapi import FastAPI

# Set by the supervisor for its workers: the directory they share, and its own process id.
WORKERS_DIR_ENV = "HARUUL_INTAKE_WORKERS_DIR"
SUPERVISOR_ENV = "HARUUL_INTAKE_SUPERVISOR_PID"
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>

# uvloop and httptools (C) instead of asyncio's default loop and h11 (pure Python): a quarter
# less CPU per report in `make bench`. The bench's empty-endpoint baseline uses the same stack.
SERVER_STACK: dict[str, Any] = {"loop": "uvloop", "http": "httptools"}


def server_options(settings: IntakeSettings) -> dict[str, Any]:
    """How uvicorn serves intake: over TLS when a certificate is set, plain HTTP otherwise."""
    options: dict[str, Any] = {
        "host": settings.host,
        "port": settings.port,
        "log_level": "warning",
        **SERVER_STACK,
    }
    if settings.tls_cert_file is not None and settings.tls_key_file is not None:
        options["ssl_certfile"] = str(settings.tls_cert_file)
        options["ssl_keyfile"] = str(settings.tls_key_file)
    return options


def main() -> None:
    try:
        settings = load_settings(IntakeSettings)
        configure_logging("intake", json=settings.log_json, level=settings.log_level)
        if settings.workers > 1:
            # Refused here, once, rather than by each worker.
            setting_files.signing_secrets(settings, setting_files.key_ring(settings))
        else:
            app = _build(settings, None)
    except SettingsError as error:
        sys.exit(f"haruul-intake: {error}")
    if settings.workers > 1:
        _supervise(settings)
    else:
        uvicorn.run(app, **server_options(settings))


def _supervise(settings: IntakeSettings) -> None:
    with tempfile.TemporaryDirectory(prefix="haruul-intake-") as directory:
        workers_dir = Path(directory)
        (workers_dir / "metrics").mkdir()
        # Read by the workers' prometheus_client when it is imported: they start afresh.
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(workers_dir / "metrics")
        os.environ[WORKERS_DIR_ENV] = str(workers_dir)
        os.environ[SUPERVISOR_ENV] = str(os.getpid())
        uvicorn.run(
            "haruul_intake.main:worker_app",
            factory=True,
            workers=settings.workers,
            **server_options(settings),
        )


def worker_app() -> FastAPI:
    """One worker's app (uvicorn calls this in each worker process it starts)."""
    _stop_with_supervisor(int(os.environ[SUPERVISOR_ENV]))
    try:
        settings = load_settings(IntakeSettings)
        configure_logging("intake", json=settings.log_json, level=settings.log_level)
        return _build(settings, Path(os.environ[WORKERS_DIR_ENV]))
    except SettingsError as error:  # changed since the supervisor checked them
        sys.exit(f"haruul-intake: {error}")


def _stop_with_supervisor(supervisor_pid: int) -> None:
    """A supervisor killed outright cannot stop its workers, and they would go on serving the
    port, so that a restarted intake could not bind it: Linux sends this worker SIGTERM (a
    graceful stop) when the supervisor dies."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != supervisor_pid:  # it died before the request took effect
        sys.exit("haruul-intake: the supervisor is gone; not serving")


def _build(settings: IntakeSettings, workers_dir: Path | None) -> FastAPI:
    # Imported here so that a supervisor, which serves nothing, does not load the app.
    from haruul_intake.wiring import build

    app = build(settings, workers_dir)
    freeze_start_up_objects()
    return app


if __name__ == "__main__":
    main()
