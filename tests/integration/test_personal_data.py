"""The whole pipeline with seeded names, phone numbers and e-mail addresses: none of them
appears in any log line (ours or a library's), any metric, or any error body — only ids do."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import Iterator

import httpx
import pytest
from prometheus_client import generate_latest

from haruul_intake.api_keys import new_key
from tests.support.logs import captured_logs
from tests.support.pipeline import (
    eventually,
    running_gateway,
    running_intake,
    running_notify,
    running_scoring,
    scoring_settings,
)
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


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def leaks(text: str) -> list[str]:
    """The seeds found in `text`, numbers also when written with other separators."""
    found = [seed for seed in SEEDS if seed.lower() in text.lower()]
    digits = _digits(text)
    return found + [
        seed for seed in SEEDS if seed.isdigit() and seed in digits and seed not in found
    ]


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
    tmp = tmp_path_factory.mktemp("personal-data")
    smtp = RecordingSmtpServer()
    smtp.start()
    api_key = new_key()
    error_bodies: list[str] = []
    metrics: list[str] = []
    try:
        async with (
            running_gateway(tmp, smtp) as gateway,
            running_notify(kafka_bootstrap, tmp, gateway.port) as notify,
            running_scoring(scoring_settings(kafka_bootstrap, tmp)) as scoring,
            running_intake(kafka_bootstrap, tmp, api_key) as intake_url,
            httpx.AsyncClient(
                base_url=intake_url, headers={"Authorization": f"Bearer {api_key}"}
            ) as client,
        ):
            report = {
                "text": NARRATIVE,
                "language": "en",
                "relation": "sibling",
                "destination_country": "KH",
                "reporter": REPORTER,
                "subject": SUBJECT,
            }
            accepted = await client.post("/v1/reports", json=report)
            assert accepted.status_code == 202
            # Bad input that carries personal data: the refusals must not echo it.
            for bad in (
                {**report, "destination_country": SUBJECT["phone"]},
                {**report, "reporter": {**REPORTER, "name": "Oyunchimeg " * 40}},
                {**report, "subject": "Saruul Ganbold +97695553311"},
                {**report, "text": 12345},
            ):
                refused = await client.post("/v1/reports", json=bad)
                assert refused.status_code == 422
                error_bodies.append(refused.text)
            unauthorised = await httpx.AsyncClient(base_url=intake_url).post(
                "/v1/reports", json=report, headers={"Authorization": "Bearer 95553311"}
            )
            error_bodies.append(unauthorised.text)
            await eventually(lambda: len(smtp.messages) >= 1, what="the page by e-mail")
            await asyncio.sleep(1)  # the SMS and the remaining log lines
            metrics.append((await client.get("/metrics")).text)
            for registry in (
                scoring.metrics.registry,
                notify.metrics.registry,
                gateway.metrics.registry,
            ):
                metrics.append(generate_latest(registry).decode())
    finally:
        smtp.stop()
    log_text = log_lines.getvalue()
    assert "alert_opened" in log_text  # the capture does hold the pipeline's log lines
    assert leaks(log_text) == []
    assert leaks("\n".join(metrics)) == []
    for body in error_bodies:
        assert leaks(body) == [], body
