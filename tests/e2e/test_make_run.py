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
from typing import Any

import pytest

from haruul_common.local_kafka import start_group_at_end
from haruul_common.topics import REPORTS, RISK_EVENTS
from haruul_platform.local_run import free_port_block
from tests.support.pipeline import unique_group

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


def _answers(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def platform(
    kafka_bootstrap: str, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[str], Path, int, str]]:
    shutil.copytree(REPO / "infra" / "local", tmp_path / "infra" / "local")
    first = free_port_block(9)
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
    ports = [first, first + 1, first + 3, first + 4, first + 5, first + 6, first + 7, first + 8]
    deadline = time.monotonic() + 20
    while any(_answers(port) for port in ports):
        assert time.monotonic() < deadline, "a service outlived `haruul run`"
        time.sleep(0.2)


def _haruul(*arguments: str, cwd: Path) -> Any:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "haruul"), *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return json.loads(done.stdout)


def test_staff_see_and_acknowledge_alerts_and_a_second_report_joins_the_case(
    platform: tuple[subprocess.Popen[str], Path, int, str],
) -> None:
    _, workdir, first, _ = platform
    desk = f"127.0.0.1:{first + 6}"
    key = (workdir / "var" / "dev-api-key").read_text().strip()
    recruiter = "Call the agent on WhatsApp +855 12 777 888."
    reports = [
        "My son's passport was taken in Poipet and he cannot leave the compound. " + recruiter,
        "The company keeps my daughter in Bavet; they demand $5,000 for her release. " + recruiter,
    ]
    report_ids = []
    for text in reports[:1]:
        report_ids.append(_post(first, key, text))

    alerts = _wait_for_alerts(workdir, desk, lambda found: len(found) == 1)
    [alert] = alerts
    assert alert["state"] == "open"
    assert alert["level"] == "critical"
    assert alert["report_ids"] == report_ids

    acked = _haruul(
        "alerts",
        "--desk",
        desk,
        "ack",
        alert["alert_id"],
        "--as",
        "staff-05",
        "--json",
        cwd=workdir,
    )
    assert acked[0]["state"] == "acknowledged"

    report_ids.append(_post(first, key, reports[1]))
    joined = _wait_for_alerts(workdir, desk, lambda found: len(found[0].get("report_ids", [])) == 2)
    assert [a["alert_id"] for a in joined] == [alert["alert_id"]]
    assert joined[0]["report_ids"] == report_ids


def _post(port: int, key: str, text: str) -> str:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/v1/reports",
        data=json.dumps({"text": text}).encode(),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return str(json.loads(answer.read())["report_id"])


def _wait_for_alerts(workdir: Path, desk: str, ready: Any) -> list[dict[str, Any]]:
    deadline = time.monotonic() + 30
    while True:
        found = _haruul("alerts", "--desk", desk, "list", "--json", cwd=workdir)
        if found and ready(found):
            return list(found)
        assert time.monotonic() < deadline, found
        time.sleep(0.3)
