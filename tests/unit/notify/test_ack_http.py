"""Acknowledging from an e-mail link or an SMS reply, over notify's HTTP face."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from haruul_notify.ack_http import build_http_app
from haruul_notify.ack_links import AckLinks
from haruul_notify.domain.lifecycle import AlertState, alert_id_for_case
from tests.support.routing import PRIMARY_PHONE
from tests.unit.notify.test_pager import T0, Rig, event

SECRET = b"test-secret-of-enough-length-for-notify"


@pytest.fixture
async def desk(tmp_path: Path) -> AsyncIterator[tuple[Rig, AckLinks, httpx.AsyncClient]]:
    rig = Rig(tmp_path)
    links = AckLinks(SECRET, "https://notify.example", timedelta(hours=24))
    await rig.receive(event("r1"))
    app = build_http_app(
        rig.alerts, links, rig.pager._routing, rig.metrics.registry, lambda: rig.now
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="https://notify.example"
    ) as client:
        yield rig, links, client


def _state(rig: Rig) -> AlertState:
    alert = rig.store.get(alert_id_for_case("case-1"))
    assert alert is not None
    return alert.state


async def test_opening_the_link_shows_a_button_and_pressing_it_acknowledges(
    desk: tuple[Rig, AckLinks, httpx.AsyncClient],
) -> None:
    rig, links, client = desk
    link = links.link(alert_id_for_case("case-1"), "officer-primary", T0)

    page = await client.get(link)
    assert page.status_code == 200
    assert "<form method=post>" in page.text
    assert _state(rig) is AlertState.OPEN  # a mail scanner's prefetch acknowledges nothing

    done = await client.post(link)
    assert done.status_code == 200
    assert _state(rig) is AlertState.ACKNOWLEDGED
    alert = rig.store.get(alert_id_for_case("case-1"))
    assert alert is not None
    assert (alert.audit[-1].actor, alert.audit[-1].channel) == ("officer-primary", "email")


async def test_an_expired_or_forged_link_is_refused(
    desk: tuple[Rig, AckLinks, httpx.AsyncClient],
) -> None:
    rig, links, client = desk
    expired = links.link(alert_id_for_case("case-1"), "officer-primary", T0 - timedelta(days=2))
    forged = links.link(alert_id_for_case("case-1"), "officer-primary", T0)[:-3] + "AAA"

    for link, reason in ((expired, "expired"), (forged, "signature")):
        answer = await client.post(link)
        assert answer.status_code == 400
        assert reason in answer.text
    assert _state(rig) is AlertState.OPEN


async def test_an_sms_reply_from_a_staff_phone_acknowledges(
    desk: tuple[Rig, AckLinks, httpx.AsyncClient],
) -> None:
    rig, links, client = desk
    alert = rig.store.get(alert_id_for_case("case-1"))
    assert alert is not None
    params = {"from": PRIMARY_PHONE.lstrip("+"), "to": "1903", "text": f"ack {alert.ack_code}"}

    refused = await client.get("/v1/sms/inbound", params={**params, "token": "wrong"})
    stranger = await client.get(
        "/v1/sms/inbound", params={**params, "from": "85512345678", "token": links.callback_token()}
    )
    assert refused.status_code == 401
    assert stranger.status_code == 200
    assert _state(rig) is AlertState.OPEN

    accepted = await client.get(
        "/v1/sms/inbound", params={**params, "token": links.callback_token()}
    )
    assert accepted.status_code == 200
    assert accepted.content == b""  # nothing for Kannel to send back
    assert _state(rig) is AlertState.ACKNOWLEDGED
