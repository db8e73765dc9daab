"""Intake's state behaves the same on SQLite and on PostgreSQL shared by several intakes."""

from __future__ import annotations

from haruul_intake.idempotency import ClaimOutcome, IdempotencyStore
from haruul_intake.seen_signatures import SeenSignatures
from tests.conftest import StateAt


def test_an_idempotency_key_is_claimed_by_one_intake_and_replayed_to_the_other(
    state_at: StateAt,
) -> None:
    location = state_at("intake.db")
    first, second = IdempotencyStore(location), IdempotencyStore(location)
    assert first.claim("hotline", "k1", "digest-a", "rep-1").outcome is ClaimOutcome.NEW
    assert second.claim("hotline", "k1", "digest-a", "rep-2").outcome is ClaimOutcome.IN_PROGRESS
    first.mark_published("hotline", "k1")
    replay = second.claim("hotline", "k1", "digest-a", "rep-3")
    assert (replay.outcome, replay.report_id) == (ClaimOutcome.REPLAY, "rep-1")
    assert second.claim("hotline", "k1", "digest-b", "rep-4").outcome is ClaimOutcome.CONFLICT
    assert second.claim("other", "k1", "digest-b", "rep-5").outcome is ClaimOutcome.NEW


def test_a_released_claim_can_be_claimed_again(state_at: StateAt) -> None:
    store = IdempotencyStore(state_at("intake.db"))
    store.claim("hotline", "k1", "digest-a", "rep-1")
    store.release("hotline", "k1")  # the publish failed: the client may retry
    assert store.claim("hotline", "k1", "digest-a", "rep-2").outcome is ClaimOutcome.NEW


def test_a_signature_is_accepted_once_across_intakes(state_at: StateAt) -> None:
    location = state_at("intake.db")
    first, second = SeenSignatures(location), SeenSignatures(location)
    assert first.claim("hotline", "sig-1", expires_at=1_300, now=1_000)
    assert not second.claim("hotline", "sig-1", expires_at=1_300, now=1_001)
    second.release("hotline", "sig-1")
    assert second.claim("hotline", "sig-1", expires_at=1_300, now=1_002)
