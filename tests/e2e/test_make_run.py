"""`haruul run` (what `make run` starts) as a person uses it: start, paste the printed curl,
find the SMS and e-mail files, read every service's /metrics, Ctrl-C."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from haruul_common.topics import REPORTS, RISK_EVENTS
from tests.support.kafka import start_group_at_end
from tests.support.net import free_port
from tests.support.pipeline import unique_group

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


def _port_block() -> int:
    """Six consecutive free ports."""
    for _ in range(50):
        first = free_port()
        if first < 60000 and all(_is_free(first + i) for i in range(6)):
            return first
    raise RuntimeError("no block of six free ports")


def _is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _answers(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def platform(
    kafka_bootstrap: str, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[str], Path, int, str]]:
    shutil.copytree(REPO / "infra" / "local", tmp_path / "infra" / "local")
    first = _port_block()
    # Fresh consumer groups at the topics' end: earlier tests' reports stay out of this run.
    groups = {
        "HARUUL_SCORING_GROUP_ID": unique_group("scoring"),
        "HARUUL_NOTIFY_GROUP_ID": unique_group("notify"),
    }
    start_group_at_end(kafka_bootstrap, groups["HARUUL_SCORING_GROUP_ID"], REPORTS.name)
    start_group_at_end(kafka_bootstrap, groups["HARUUL_NOTIFY_GROUP_ID"], RISK_EVENTS.name)
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "haruul"), "run", "--ports-from", str(first)],
        cwd=tmp_path,
        env={**os.environ, "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap, **groups},
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    banner = ""
    assert process.stderr is not None
    deadline = time.monotonic() + 90
    while "Ctrl-C stops everything" not in banner:
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            pytest.fail(f"haruul run exited early:\n{banner}")
        banner += line
        assert time.monotonic() < deadline, banner
    # Keep reading: the services log to this pipe too, and a full pipe would block them.
    threading.Thread(target=process.stderr.read, daemon=True).start()
    try:
        yield process, tmp_path, first, banner
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_the_printed_curl_yields_an_sms_and_an_email_file_and_ctrl_c_stops_all(
    platform: tuple[subprocess.Popen[str], Path, int, str],
) -> None:
    process, workdir, first, banner = platform
    curl = banner[
        banner.index("curl") : banner.index("sample-report.json") + len("sample-report.json")
    ]
    assert (workdir / "var" / "dev-api-key").stat().st_mode & 0o777 == 0o600

    answer = subprocess.run(
        ["bash", "-c", curl], cwd=workdir, capture_output=True, text=True, check=True, timeout=30
    )
    report_id = json.loads(answer.stdout)["report_id"]

    sms_dir, email_dir = workdir / "var" / "outbox" / "sms", workdir / "var" / "outbox" / "email"
    deadline = time.monotonic() + 30
    while not (list(sms_dir.glob("*.json")) and list(email_dir.glob("*.eml"))):
        assert time.monotonic() < deadline, "no SMS and e-mail files within 30 s"
        time.sleep(0.2)
    [sms_file] = sms_dir.glob("*.json")
    assert json.loads(sms_file.read_text())["report_id"] == report_id
    [email_file] = email_dir.glob("*.eml")
    assert f"X-Haruul-Report-Id: {report_id}" in email_file.read_text()

    expected = {
        first: "haruul_intake_reports_accepted_total",
        first + 3: "haruul_scoring_events_scored_total",
        first + 4: "haruul_notify_deliveries_total",
        first + 5: "haruul_gateway_deliveries_total",
    }
    for port, metric in expected.items():
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as scrape:
            text = scrape.read().decode()
        assert re.search(rf"^{metric}{{.*}} [1-9]", text, re.MULTILINE), (port, metric)

    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 0


def test_killing_the_supervisor_stops_every_service(
    platform: tuple[subprocess.Popen[str], Path, int, str],
) -> None:
    process, _, first, _ = platform
    process.kill()  # no chance to clean up: the services must still go
    process.wait()
    ports = [first, first + 1, first + 3, first + 4, first + 5]
    deadline = time.monotonic() + 20
    while any(_answers(port) for port in ports):
        assert time.monotonic() < deadline, "a service outlived `haruul run`"
        time.sleep(0.2)
