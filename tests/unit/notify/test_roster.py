"""The roster is checked at start-up; a bad one stops the service with a message naming the
file and the key, and never echoes personal data such as a phone number."""

from __future__ import annotations

from pathlib import Path

import pytest

from haruul_notify.domain.alerts import Channel, Recipient
from haruul_notify.roster import RosterError, load_roster

VALID = """\
recipients:
  - id: officer-duty
    phone: "+97699112233"
    email: duty@consulate.example
    channels: [sms, email]
  - id: desk
    email: desk@consulate.example
    channels: [email]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roster.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(RosterError) as caught:
        load_roster(path)
    return str(caught.value)


def test_valid_roster_loads_every_recipient(tmp_path: Path) -> None:
    recipients = load_roster(_write(tmp_path, VALID))

    assert recipients == (
        Recipient(
            "officer-duty",
            "+97699112233",
            "duty@consulate.example",
            (Channel.SMS, Channel.EMAIL),
        ),
        Recipient("desk", None, "desk@consulate.example", (Channel.EMAIL,)),
    )


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"

    message = _error(path)

    assert message.startswith(f"{path}: ")
    assert "cannot read the roster" in message


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "recipients:\n  - id: a\n    phone: [unclosed\n")

    message = _error(path)

    assert message.startswith(f"{path}:")
    assert "not valid YAML" in message
    line = int(message[len(f"{path}:") :].split(":", 1)[0])
    assert line >= 3


def test_bad_phone_names_the_key_and_not_the_number(tmp_path: Path) -> None:
    bad_number = "0099112233"
    path = _write(
        tmp_path,
        f'recipients:\n  - id: a\n    phone: "{bad_number}"\n    channels: [sms]\n',
    )

    message = _error(path)

    assert message.startswith(f"{path}: ")
    assert "recipients[0].phone" in message
    assert bad_number not in message
    assert "99112233" not in message


def test_bad_phone_in_second_entry_points_at_that_entry(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID + '  - id: c\n    phone: "call me"\n    channels: [sms]\n')

    message = _error(path)

    assert "recipients[2].phone" in message
    assert "call me" not in message


def test_sms_channel_without_phone_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "recipients:\n  - id: a\n    email: a@consulate.example\n    channels: [sms]\n"
    )

    message = _error(path)

    assert "recipients[0]" in message
    assert "channel 'sms' needs a phone" in message


def test_default_channels_need_both_addresses(tmp_path: Path) -> None:
    path = _write(tmp_path, 'recipients:\n  - id: a\n    phone: "+97699112233"\n')

    assert "channel 'email' needs an email" in _error(path)


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "recipients:\n"
        "  - id: desk\n    email: a@consulate.example\n    channels: [email]\n"
        "  - id: desk\n    email: b@consulate.example\n    channels: [email]\n",
    )

    message = _error(path)

    assert message == f"{path}: recipients[1].id: 'desk' is used twice"


def test_a_phone_written_as_a_number_gets_a_hint(tmp_path: Path) -> None:
    path = _write(tmp_path, "recipients:\n  - id: a\n    phone: 97699112233\n    channels: [sms]\n")

    message = _error(path)

    assert "recipients[0].phone" in message
    assert "in quotes" in message
    assert "97699112233" not in message.split("e.g.")[0]


def test_a_channel_listed_twice_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        'recipients:\n  - id: a\n    phone: "+97699112233"\n    channels: [sms, sms]\n',
    )

    assert "recipients[0].channels: Value error, each channel may be listed once" in _error(path)


def test_unknown_key_is_refused_by_name(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "recipients:\n  - id: a\n    email: a@consulate.example\n    channels: [email]\n"
        "    pager: 12345\n",
    )

    message = _error(path)

    assert "recipients[0].pager" in message
    assert "12345" not in message


def test_unknown_channel_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "recipients:\n  - id: a\n    email: a@consulate.example\n    channels: [fax]\n"
    )

    assert "recipients[0].channels[0]" in _error(path)


def test_empty_roster_is_refused(tmp_path: Path) -> None:
    message = _error(_write(tmp_path, "recipients: []\n"))

    assert "recipients" in message


def test_empty_file_is_refused_at_top_level(tmp_path: Path) -> None:
    message = _error(_write(tmp_path, ""))

    assert message.startswith(f"{tmp_path / 'roster.yaml'}: (top level)")
