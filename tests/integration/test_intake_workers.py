"""An intake of several worker processes (HARUUL_INTAKE_WORKERS) behaves as one intake: every
accepted report is in Kafka, an integration's rate limit and the /metrics counts are the
intake's, not a worker's, a killed worker is replaced without losing what it counted, and
stopping intake (even killing its supervisor outright) leaves no worker behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from haruul_common.topics import REPORTS
from haruul_intake.api_keys import new_key, write_key_file
from tests.support.kafka import wait_for_records
from tests.support.net import free_port

pytestmark = pytest.mark.integration

BURST = 30


def _workers(pid: int) -> list[int]:
    """The worker processes uvicorn started (not multiprocessing's resource tracker)."""
    found = subprocess.run(
        ["pgrep", "-P", str(pid), "-f", "spawn_main"], capture_output=True, text=True
    ).stdout
    return [int(line) for line in found.split()]


def _both_workers(pid: int) -> list[int]:
    """The two workers, once both run: /healthz answers as soon as one serves, and uvicorn
    replaces a worker that does not answer its health check while it still imports the app
    (seen once, under a full suite's load: one worker found right after /healthz)."""
    deadline = time.monotonic() + 60
    while len(workers := _workers(pid)) != 2:
        assert time.monotonic() < deadline, f"{len(workers)} workers, not 2"
        time.sleep(0.2)
    return workers


@contextmanager
def _intake(env: dict[str, str], port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    haruul_intake = Path(sys.executable).parent / "haruul-intake"
    with log.open("wb") as sink:
        process = subprocess.Popen([str(haruul_intake)], env=env, stdout=sink, stderr=sink)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"intake did not start: {log.read_text()[-2000:]}")
            time.sleep(0.2)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _environment(kafka_bootstrap: str, tmp_path: Path, port: int, key: str) -> dict[str, str]:
    write_key_file(tmp_path / "keys", "hotline-1903", key)
    (tmp_path / "tmp").mkdir()
    return {
        **os.environ,
        "TMPDIR": str(tmp_path / "tmp"),  # where the supervisor makes the workers' directory
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "HARUUL_ENV": "development",
        "HARUUL_INTAKE_PORT": str(port),
        "HARUUL_INTAKE_API_KEYS_FILE": str(tmp_path / "keys"),
        "HARUUL_INTAKE_STATE_DB": str(tmp_path / "intake.db"),
        "HARUUL_INTAKE_WORKERS": "2",
        "HARUUL_INTAKE_RATE_LIMIT_BURST": str(BURST),
        "HARUUL_INTAKE_RATE_LIMIT_PER_S": "0.001",
    }


def _client(port: int, key: str) -> httpx.Client:
    # A connection per report, so the kernel spreads them over both workers.
    return httpx.Client(
        base_url=f"http://127.0.0.1:{port}",
        headers={"Authorization": f"Bearer {key}"},
        limits=httpx.Limits(max_keepalive_connections=0),
    )


def _report(n: int) -> dict[str, str]:
    return {"text": f"report {n}: passport taken in Bavet"}


def test_two_workers_share_one_rate_limit_and_one_count(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    key, port, scratch = new_key(), free_port(), tmp_path / "tmp"
    env = _environment(kafka_bootstrap, tmp_path, port, key)
    with _intake(env, port, tmp_path / "intake.log") as intake:
        assert len(_both_workers(intake.pid)) == 2
        with _client(port, key) as client:
            answers = [client.post("/v1/reports", json=_report(n)) for n in range(BURST + 10)]
            metrics = client.get("/metrics").text
        accepted = {answer.json()["report_id"] for answer in answers if answer.status_code == 202}
        assert len(accepted) == BURST
        assert [answer.status_code for answer in answers[BURST:]] == [429] * 10
        assert 'haruul_intake_reports_accepted_total{integration="hotline-1903"} 30.0' in metrics
        assert 'haruul_intake_reports_rejected_total{reason="rate_limited"} 10.0' in metrics
        wait_for_records(
            kafka_bootstrap,
            REPORTS.name,
            lambda record: record.key is not None and record.key.decode() in accepted,
            count=BURST,
        )
        workers = _workers(intake.pid)
        intake.send_signal(signal.SIGTERM)
        assert intake.wait(30) == 0
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    assert list(scratch.iterdir()) == []


def test_a_killed_worker_is_replaced_and_the_count_goes_on(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    key, port = new_key(), free_port()
    env = _environment(kafka_bootstrap, tmp_path, port, key)
    with _intake(env, port, tmp_path / "intake.log") as intake, _client(port, key) as client:
        before = [client.post("/v1/reports", json=_report(n)).status_code for n in range(6)]
        killed, survivor = _both_workers(intake.pid)
        os.kill(killed, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while len(set(_workers(intake.pid)) - {killed, survivor}) != 1:
            assert time.monotonic() < deadline, "no worker took the killed one's place"
            time.sleep(0.2)
        after = [client.post("/v1/reports", json=_report(n)).status_code for n in range(6)]
        metrics = client.get("/metrics").text
    assert before + after == [202] * 12
    # The intake's count: every report accepted, whichever worker took it, the killed one too.
    assert 'haruul_intake_reports_accepted_total{integration="hotline-1903"} 12.0' in metrics


def test_workers_stop_with_a_killed_supervisor_and_free_the_port(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    key, port = new_key(), free_port()
    env = _environment(kafka_bootstrap, tmp_path, port, key)
    with _intake(env, port, tmp_path / "first.log") as intake:
        workers = _both_workers(intake.pid)
        intake.kill()  # SIGKILL: no chance to stop its workers itself
        intake.wait()
        deadline = time.monotonic() + 30
        while [pid for pid in workers if Path(f"/proc/{pid}").exists()]:
            assert time.monotonic() < deadline, "workers outlived their supervisor"
            time.sleep(0.2)
    # The port is free again: a restarted intake binds it and accepts reports.
    with _intake(env, port, tmp_path / "second.log"), _client(port, key) as client:
        assert client.post("/v1/reports", json=_report(1)).status_code == 202
