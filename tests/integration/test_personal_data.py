"""The whole pipeline with seeded names, phone numbers and e-mail addresses: none of them
appears in any log line (ours or a library's), any metric, or any error body — only ids do."""

from __future__ import annotations

import asyncio
import io
import json
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from prometheus_client import CollectorRegistry, generate_latest

from haruul_common.sealing import new_key_text
from haruul_common.topics import REPORTS, RISK_EVENTS
from tests.support.kafka import wait_for_records
from tests.support.logs import captured_logs
from tests.support.pipeline import eventually, running_platform
from tests.support.smtp import RecordingSmtpServer

pytestmark = pytest.mark.integration

REPORTER = {"name": "Oyunchimeg Batbayar", "phone": "+976 8811 4477", "email": "oyuka.b@mail.mn"}
SUBJECT = {"name": "Saruul Ganbold", "phone": "+97695553311", "email": "saruul.g@mail.mn"}
RECRUITER_PHONE = "+855 97 123 4567"
NARRATIVE = (
    f"My sister Saruul Ganbold answered an online ad from a man called Tsogoo, "
    f"WhatsApp {RECRUITER_PHONE}, for a translator job in Thailand with a high salary. Now she "
    "writes from Poipet that her passport was taken, she is not allowed to leave the compound "
    "and must scam people online 15 hours a day. They demand $6,000 for her release."
)
SEEDS = [
    "Oyunchimeg",
    "Batbayar",
    "Saruul",
    "Ganbold",
    "Tsogoo",
    "oyuka.b",
    "saruul.g",
    "88114477",
    "95553311",
    "971234567",
    "translator job",
]


def leaks(text: str) -> list[str]:
    """The seeds found in `text`; numbers also when written with spaces, dashes or brackets."""
    numbers = [re.sub(r"\D", "", run) for run in re.findall(r"[\d\s().+-]{8,}", text)]
    return [
        seed
        for seed in SEEDS
        if seed.lower() in text.lower() or (seed.isdigit() and any(seed in n for n in numbers))
    ]


REPORT = {
    "text": NARRATIVE,
    "language": "en",
    "relation": "sibling",
    "destination_country": "KH",
    "reporter": REPORTER,
    "subject": SUBJECT,
}


@dataclass
class Pipeline:
    client: httpx.AsyncClient
    smtp: RecordingSmtpServer
    registries: list[CollectorRegistry]


@asynccontextmanager
async def pipeline(bootstrap: str, tmp: Path) -> AsyncIterator[Pipeline]:
    """The platform in-process, and a client that holds intake's key."""
    async with (
        running_platform(bootstrap, tmp) as platform,
        httpx.AsyncClient(
            base_url=platform.intake_url,
            headers={"Authorization": f"Bearer {platform.api_key}"},
        ) as client,
    ):
        registries = [s.metrics.registry for s in (platform.scoring, platform.notify)]
        yield Pipeline(client, platform.smtp, [*registries, platform.gateway.metrics.registry])


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """Every log line of the services in this test, ours and the libraries'."""
    with captured_logs("DEBUG") as lines:  # the most a service would ever log
        yield lines


async def test_no_personal_data_in_logs_metrics_or_error_bodies(
    kafka_bootstrap: str,
    tmp_path_factory: pytest.TempPathFactory,
    log_lines: io.StringIO,
) -> None:
    error_bodies: list[str] = []
    metrics: list[str] = []
    async with pipeline(kafka_bootstrap, tmp_path_factory.mktemp("personal-data")) as running:
        client = running.client
        accepted = await client.post("/v1/reports", json=REPORT)
        assert accepted.status_code == 202
        # Bad input that carries personal data: the refusals must not echo it.
        for bad in (
            {**REPORT, "destination_country": SUBJECT["phone"]},
            {**REPORT, "reporter": {**REPORTER, "name": "Oyunchimeg " * 40}},
            {**REPORT, "subject": "Saruul Ganbold +97695553311"},
            {**REPORT, "text": 12345},
        ):
            refused = await client.post("/v1/reports", json=bad)
            assert refused.status_code == 422
            error_bodies.append(refused.text)
        unauthorised = await client.post(
            "/v1/reports", json=REPORT, headers={"Authorization": "Bearer 95553311"}
        )
        assert unauthorised.status_code == 401
        error_bodies.append(unauthorised.text)
        await eventually(lambda: len(running.smtp.messages) >= 1, what="the page by e-mail")
        await asyncio.sleep(1)  # the SMS and the remaining log lines
        metrics.append((await client.get("/metrics")).text)
        metrics += [generate_latest(registry).decode() for registry in running.registries]
    log_text = log_lines.getvalue()
    assert "alert_opened" in log_text  # the capture does hold the pipeline's log lines
    assert leaks(log_text) == []
    assert leaks("\n".join(metrics)) == []
    for body in error_bodies:
        assert leaks(body) == [], body


async def test_with_key_rings_the_broker_holds_nothing_personal(
    kafka_bootstrap: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone with only broker access reads ids and levels; the officer still gets the page."""
    monkeypatch.setenv("HARUUL_REPORTS_KEYS", new_key_text("r1"))
    monkeypatch.setenv("HARUUL_RISK_EVENTS_KEYS", new_key_text("e1"))
    async with pipeline(kafka_bootstrap, tmp_path) as running:
        accepted = await running.client.post("/v1/reports", json=REPORT)
        assert accepted.status_code == 202
        report_id = accepted.json()["report_id"]
        await eventually(lambda: len(running.smtp.messages) >= 1, what="the page by e-mail")
    [mail] = running.smtp.messages
    body = mail.get_content() if not mail.is_multipart() else str(mail)
    # The explanation and the indicators travelled sealed; notify opened them for the officer.
    assert "DOC (identity documents held by someone else)" in body
    assert "Indicators: " in body

    for topic in (REPORTS.name, RISK_EVENTS.name):
        [record] = await asyncio.to_thread(
            wait_for_records, kafka_bootstrap, topic, lambda r: r.key == report_id.encode()
        )
        assert leaks(record.value.decode()) == [], topic
        assert b"passport" not in record.value
        assert b"identity documents" not in record.value
        assert json.loads(record.value)["sealed"]["key_id"] in ("r1", "e1")
