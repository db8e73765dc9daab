"""The local run seals personal data too, and gives each service only its own key rings."""

from __future__ import annotations

from pathlib import Path

import pytest

from haruul_common.sealing import KeyRing
from haruul_platform.local_run import ensure_dev_key_rings, environment_for


def test_key_rings_are_made_once_kept_private_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HARUUL_REPORTS_KEYS", raising=False)
    monkeypatch.delenv("HARUUL_RISK_EVENTS_KEYS", raising=False)
    first = ensure_dev_key_rings(tmp_path)
    assert ensure_dev_key_rings(tmp_path) == first
    assert (tmp_path / "sealing-keys").stat().st_mode & 0o777 == 0o600
    for ring in first.values():
        KeyRing.parse(ring)
    assert first["HARUUL_REPORTS_KEYS"] != first["HARUUL_RISK_EVENTS_KEYS"]


def test_each_service_holds_only_the_rings_of_its_topics(tmp_path: Path) -> None:
    rings = {"HARUUL_REPORTS_KEYS": "r", "HARUUL_RISK_EVENTS_KEYS": "e"}
    held = {
        service: {name for name in rings if name in environment_for(service, {}, rings)}
        for service in ("intake", "scoring", "notify", "gateway")
    }
    assert held == {
        "intake": {"HARUUL_REPORTS_KEYS"},
        "scoring": {"HARUUL_REPORTS_KEYS", "HARUUL_RISK_EVENTS_KEYS"},
        "notify": {"HARUUL_RISK_EVENTS_KEYS"},
        "gateway": set(),
    }
