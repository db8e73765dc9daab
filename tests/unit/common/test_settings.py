"""Start-up refuses bad settings with a message naming the variable, never its value."""

from __future__ import annotations

import pytest

from haruul_common.settings import SettingsError, load_settings
from haruul_intake.settings import IntakeSettings
from haruul_notify.gateway.settings import GatewaySettings
from haruul_notify.settings import NotifySettings


def test_a_bad_value_names_the_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARUUL_INTAKE_PORT", "eighty")
    with pytest.raises(SettingsError, match="HARUUL_INTAKE_PORT: Input should be a valid integer"):
        load_settings(IntakeSettings)


def test_shared_variables_are_named_without_a_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARUUL_ENV", "staging")
    with pytest.raises(SettingsError, match="HARUUL_ENV: Input should be"):
        load_settings(NotifySettings)


def test_a_secret_is_not_echoed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARUUL_GATEWAY_SMTP_PORT", "s3cret-not-a-port")
    with pytest.raises(SettingsError) as refused:
        load_settings(GatewaySettings)
    assert "s3cret" not in str(refused.value)


def test_the_environment_reaches_every_service(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")
    monkeypatch.setenv("HARUUL_NOTIFY_TICK_S", "2.5")
    settings = load_settings(NotifySettings)
    assert settings.kafka.bootstrap_servers == "kafka-1:9092,kafka-2:9092"
    assert settings.tick_s == 2.5


def test_production_refuses_the_file_sms_sink(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARUUL_ENV", "production")
    with pytest.raises(
        SettingsError, match="HARUUL_GATEWAY_SMS_ADAPTER=file is a development sink"
    ):
        load_settings(GatewaySettings)
