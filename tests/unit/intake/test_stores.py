"""Intake's state behaves the same on SQLite and on PostgreSQL shared by several intakes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from haruul_intake.idempotency import ClaimOutcome, IdempotencyStore
from haruul_intake.seen_signatures import SeenSignatures
from tests.conftest import StateAt

T0 = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)


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


def test_a_claim_left_by_an_intake_that_died_is_taken_over_under_its_report_id(
    state_at: StateAt,
) -> None:
    now = T0
    location = state_at("intake.db")
    dead = IdempotencyStore(location, stale_after=timedelta(seconds=20), clock=lambda: now)
    dead.claim("hotline", "k1", "digest-a", "rep-1")  # ...and intake was killed here

    alive = IdempotencyStore(location, stale_after=timedelta(seconds=20), clock=lambda: now)
    now = T0 + timedelta(seconds=19)
    assert alive.claim("hotline", "k1", "digest-a", "rep-2").outcome is ClaimOutcome.IN_PROGRESS
    now = T0 + timedelta(seconds=21)
    retry = alive.claim("hotline", "k1", "digest-a", "rep-3")
    assert (retry.outcome, retry.report_id) == (ClaimOutcome.NEW, "rep-1")
    # The taker-over now holds the claim: a parallel retry waits.
    assert alive.claim("hotline", "k1", "digest-a", "rep-4").outcome is ClaimOutcome.IN_PROGRESS
