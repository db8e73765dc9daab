"""Sealed fields: unreadable on the broker, opened only with the right key, for the right
message; keys rotate by id; bad keys and tampering are named, never echoed."""

from __future__ import annotations

import base64
import json

import pytest
from pydantic import BaseModel

from haruul_common.sealing import (
    SEALED,
    KeyRing,
    KeyRingError,
    Sealer,
    SealError,
    new_key_text,
)

REPORT = {
    "schema_version": 1,
    "report_id": "rep-1",
    "text": "My sister Saraa is held in Poipet",
    "reporter": {"name": "Dorj", "phone": "+97699112233"},
    "subject": None,
    "destination_country": "KH",
}
FIELDS = ("text", "reporter", "subject")


def _sealer(ring_text: str, topic: str = "haruul.reports.v1") -> Sealer:
    return Sealer(KeyRing.parse(ring_text), topic, FIELDS)


def test_sealed_fields_are_unreadable_and_open_back_to_the_original() -> None:
    sealer = _sealer(new_key_text("k1"))
    wire = sealer.seal_json(REPORT, b"rep-1")
    assert b"Saraa" not in wire
    assert b"99112233" not in wire
    assert b"Dorj" not in wire
    on_broker = json.loads(wire)
    assert on_broker["report_id"] == "rep-1"  # ids and routing fields stay in the clear
    assert on_broker["destination_country"] == "KH"
    assert on_broker[SEALED]["key_id"] == "k1"
    assert json.loads(sealer.open_json(wire, b"rep-1")) == REPORT


def test_an_old_key_still_opens_after_rotation() -> None:
    old = new_key_text("k1")
    wire = _sealer(old).seal_json(REPORT, b"rep-1")
    rotated = _sealer(f"{new_key_text('k2')},{old}")
    assert json.loads(rotated.open_json(wire, b"rep-1")) == REPORT
    assert json.loads(rotated.seal_json(REPORT, b"rep-1"))[SEALED]["key_id"] == "k2"


def test_without_the_key_the_message_does_not_open() -> None:
    wire = _sealer(new_key_text("k1")).seal_json(REPORT, b"rep-1")
    with pytest.raises(SealError, match="key id 'k1', which this service does not hold"):
        _sealer(new_key_text("k9")).open_json(wire, b"rep-1")


def test_a_blob_moved_to_another_message_or_topic_fails_its_check() -> None:
    ring = new_key_text("k1")
    wire = _sealer(ring).seal_json(REPORT, b"rep-1")
    with pytest.raises(SealError, match="integrity check"):
        _sealer(ring).open_json(wire, b"rep-2")
    with pytest.raises(SealError, match="integrity check"):
        _sealer(ring, topic="haruul.risk-events.v1").open_json(wire, b"rep-1")


def test_tampered_or_malformed_seals_are_refused() -> None:
    ring = new_key_text("k1")
    payload = json.loads(_sealer(ring).seal_json(REPORT, b"rep-1"))
    cipher = bytearray(base64.b64decode(payload[SEALED]["ciphertext"]))
    cipher[0] ^= 1
    payload[SEALED]["ciphertext"] = base64.b64encode(bytes(cipher)).decode()
    with pytest.raises(SealError, match="integrity check"):
        _sealer(ring).open_json(json.dumps(payload).encode(), b"rep-1")
    payload[SEALED]["nonce"] = "not base64!"
    with pytest.raises(SealError, match="malformed"):
        _sealer(ring).open_json(json.dumps(payload).encode(), b"rep-1")


def test_unsealed_and_unreadable_bytes_pass_through_for_validation() -> None:
    sealer = _sealer(new_key_text("k1"))
    plain = json.dumps(REPORT).encode()
    assert sealer.open_json(plain, b"rep-1") == plain
    assert sealer.open_json(b"\xff not json", b"rep-1") == b"\xff not json"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("k1", "write <key-id>:<base64 key>"),
        ("k1:not-base64!", "(k1): not base64"),
        ("k1:" + base64.b64encode(b"short").decode(), "(k1): a key is 32 bytes"),
        (new_key_text("k1") + "," + new_key_text("k1"), "key id k1 given twice"),
    ],
)
def test_a_bad_key_ring_is_named_without_its_keys(text: str, message: str) -> None:
    with pytest.raises(KeyRingError) as caught:
        KeyRing.parse(text)
    assert message in str(caught.value)
    key_material = text.partition(":")[2][:12]
    assert not key_material or key_material not in str(caught.value)


def test_a_key_ring_never_prints_its_keys() -> None:
    entry = new_key_text("k1")
    assert entry.partition(":")[2] not in repr(KeyRing.parse(entry))


class _Report(BaseModel):
    schema_version: int = 1
    report_id: str
    text: str
    reporter: dict[str, str] | None = None
    subject: dict[str, str] | None = None
    destination_country: str | None = None


def test_a_model_sealed_straight_from_pydantic_opens_to_its_json_dump() -> None:
    sealer = _sealer(new_key_text("k1"))
    model = _Report.model_validate(REPORT)
    wire = sealer.seal_model(model, b"rep-1")
    assert b"Saraa" not in wire
    assert b"99112233" not in wire
    on_broker = json.loads(wire)
    assert on_broker["report_id"] == "rep-1"
    assert on_broker[SEALED]["fields"] == list(FIELDS)
    assert json.loads(sealer.open_json(wire, b"rep-1")) == model.model_dump(mode="json")
    assert sealer.open_value(wire, b"rep-1") == model.model_dump(mode="json")


def test_nonces_never_repeat() -> None:
    sealers = [_sealer(new_key_text("k1")) for _ in range(2)]
    model = _Report.model_validate(REPORT)
    nonces = [
        json.loads(wire)[SEALED]["nonce"]
        for sealer in sealers
        for wire in [sealer.seal_json(REPORT, b"rep-1") for _ in range(5_000)]
        + [sealer.seal_model(model, b"rep-1") for _ in range(5_000)]
    ]
    assert len(set(nonces)) == len(nonces) == 20_000
    assert {len(base64.b64decode(nonce)) for nonce in nonces} == {12}


def test_only_sealed_objects_are_opened_to_values() -> None:
    sealer = _sealer(new_key_text("k1"))
    assert sealer.open_value(json.dumps(REPORT).encode(), b"rep-1") is None
    assert sealer.open_value(b"[1, 2]", b"rep-1") is None
    assert sealer.open_value(b"\xff not json", b"rep-1") is None


@pytest.mark.parametrize("nonce", [12, None, "ünïcode", "AAAA AAAA", "AAAAAAAAAAAAAAA", "AAAA==AA"])
def test_a_nonce_that_is_not_strict_base64_is_malformed(nonce: object) -> None:
    ring = new_key_text("k1")
    payload = json.loads(_sealer(ring).seal_json(REPORT, b"rep-1"))
    payload[SEALED]["nonce"] = nonce
    with pytest.raises(SealError, match="malformed"):
        _sealer(ring).open_json(json.dumps(payload).encode(), b"rep-1")
