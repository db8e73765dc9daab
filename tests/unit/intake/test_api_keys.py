"""Integration keys are stored as digests, matched to their one integration, and revocable."""

from __future__ import annotations

from pathlib import Path

import pytest

from haruul_intake.api_keys import (
    ApiKeyFileError,
    KeyOwner,
    digest,
    load_key_ring,
    new_key,
    write_key_file,
)


def test_a_written_key_authenticates_as_its_integration_and_is_not_stored(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    key_a, key_b = new_key(), new_key()
    write_key_file(keys, "hotline", key_a)
    write_key_file(keys, "webform", key_b)
    ring = load_key_ring(keys)
    assert ring.authenticate(key_a) == KeyOwner("hotline")
    assert ring.authenticate(key_b) == KeyOwner("webform")
    assert ring.authenticate("hrl_guess") is None
    assert key_a not in keys.read_text()


def test_an_integration_may_hold_several_keys_and_one_may_be_revoked(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    old, current = new_key(), new_key()
    keys.write_text(f"hotline {digest(old)} revoked\nhotline {digest(current)}\n")
    ring = load_key_ring(keys)
    assert ring.authenticate(old) == KeyOwner("hotline", revoked=True)
    assert ring.authenticate(current) == KeyOwner("hotline")


def test_a_revoked_line_wins_over_an_active_line_for_the_same_key(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    key = new_key()
    keys.write_text(f"hotline {digest(key)}\nhotline {digest(key)}   revoked\n")
    assert load_key_ring(keys).authenticate(key) == KeyOwner("hotline", revoked=True)


def test_a_key_listed_for_two_integrations_is_refused(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    key = new_key()
    keys.write_text(f"hotline {digest(key)}\n\nwebform {digest(key)}\n")
    with pytest.raises(ApiKeyFileError, match=r"keys:3: .*another integration on line 1"):
        load_key_ring(keys)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("hotline plaintext-key", "expected"),
        ("hotline", "expected"),
        (f"hotline {digest('k')[:-1]}", "expected"),
        (f"hotline {digest('k').upper()}", "expected"),
        (f"hotline {digest('k')} revoked now", "expected"),
        (f"hotline {digest('k')} disabled", "the only word allowed after the digest is 'revoked'"),
    ],
)
def test_a_malformed_line_is_named(tmp_path: Path, line: str, problem: str) -> None:
    keys = tmp_path / "keys"
    keys.write_text(f"# comment\n{line}\n")
    with pytest.raises(ApiKeyFileError, match=rf"keys:2: {problem}"):
        load_key_ring(keys)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ApiKeyFileError, match="cannot read"):
        load_key_ring(tmp_path / "absent")


def test_a_file_with_no_keys_is_refused(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.write_text("# nothing yet\n")
    with pytest.raises(ApiKeyFileError, match="no integration keys"):
        load_key_ring(keys)
