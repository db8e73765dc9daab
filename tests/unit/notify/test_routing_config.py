"""The routing file is checked at start-up; each mistake is reported with file:line: key, and
never echoes personal data such as a phone number or an e-mail address."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from haruul_notify.domain.alerts import Channel
from haruul_notify.domain.escalation import plan, recipients_for, route_desk
from haruul_notify.domain.schedule import on_call
from haruul_notify.routing_config import RoutingConfigError, load_routing

REPO = Path(__file__).resolve().parents[3]

VALID = """\
default_desk: hq
staff:
  - id: ann
    name: Ann
    phone: "+97699000001"
    email: ann@consulate.example
    language: mn
    time_zone: Asia/Ulaanbaatar
    quiet_hours: {start: 22:00, end: 07:00}
  - id: bat
    name: Bat
    phone: "+97699000002"
    email: bat@consulate.example
    language: en
    time_zone: Europe/Berlin
desks:
  - id: hq
    name: Headquarters
    head: ann
    rotations:
      - id: hq-primary
        members: [ann, bat]
        time_zone: Asia/Ulaanbaatar
        handoff_time: "09:00"
        first_shift: 2026-01-05
    policy:
      critical:
        - after: 0m
          notify: [rotation:hq-primary]
        - after: 15m
          notify: [desk_head]
      high:
        - {after: 0m, notify: [rotation:hq-primary], channels: [sms]}
      medium:
        - digest: [rotation:hq-primary]
  - id: kh
    name: Cambodia desk
    countries: [KH, NO]
    head: bat
    policy:
      critical:
        - {after: 0m, notify: [staff:bat]}
      high:
        - {after: 0m, notify: [staff:bat]}
overrides:
  - rotation: hq-primary
    staff: bat
    start: 2026-01-06T00:00:00+08:00
    end: 2026-01-07T00:00:00+08:00
silences:
  - id: sil-1
    match: {desk: kh, level: medium}
    starts: 2026-01-10T00:00:00+08:00
    ends: 2026-01-12T00:00:00+08:00
    created_by: ann
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "routing.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, old: str, new: str) -> str:
    assert old in VALID, old
    path = _write(tmp_path, VALID.replace(old, new, 1))
    with pytest.raises(RoutingConfigError) as caught:
        load_routing(path)
    return str(caught.value)


def test_a_valid_file_loads_into_the_routing_model(tmp_path: Path) -> None:
    config = load_routing(_write(tmp_path, VALID))
    assert config.default_desk_id == "hq"
    assert config.staff["ann"].quiet_hours is not None
    assert config.staff["ann"].quiet_hours.start == time(22, 0)  # unquoted 22:00 is a time
    assert route_desk(config, "NO").id == "kh"  # NO is Norway, not false
    hq = config.desk("hq")
    rotation = hq.rotations[0]
    assert (rotation.start_date, rotation.shift_days) == (date(2026, 1, 5), 7)
    steps = plan(hq, "critical", datetime(2026, 1, 5, 6, tzinfo=UTC))
    assert [s.waited for s in steps] == [timedelta(0), timedelta(minutes=15)]
    at = datetime(2026, 1, 6, 12, tzinfo=UTC)
    assert on_call(rotation, config.overrides, at) == "bat"  # the override
    assert recipients_for(config, hq, steps[1], at) == ("ann",)  # the desk head
    assert hq.policy.for_level("medium").digest is not None
    assert hq.policy.for_level("high").steps[0].channels == (Channel.SMS,)
    critical = hq.policy.for_level("critical").steps
    assert critical[0].channels == (Channel.SMS, Channel.EMAIL)  # both unless told
    assert config.silences[0].matchers == {"desk": "kh", "level": "medium"}


def test_the_example_routing_file_loads() -> None:
    config = load_routing(REPO / "infra/local/routing.yaml")
    assert {desk.id for desk in config.desks} == {"hq", "kh", "mm", "la", "th", "ph"}
    assert route_desk(config, "MM").name == "Myanmar desk"
    assert route_desk(config, "VN").id == "hq"
    assert 6 <= len(config.staff) <= 8
    assert len(config.overrides) == 1
    (silence,) = config.silences
    assert silence.ends < datetime(2026, 2, 1, tzinfo=UTC)  # an expired example
    critical = config.desk("kh").policy.for_level("critical").steps
    assert [step.after for step in critical] == [
        timedelta(0),
        timedelta(minutes=5),
        timedelta(minutes=15),
    ]
    for desk in config.desks:
        for rotation in desk.rotations:
            assert (rotation.handoff_time, rotation.time_zone) == (time(9), "Asia/Ulaanbaatar")


def test_a_bad_phone_is_named_without_repeating_the_number(tmp_path: Path) -> None:
    message = _error(tmp_path, '"+97699000002"', '"0099 1234 5678"')
    assert message.startswith(f"{tmp_path / 'routing.yaml'}:12: staff[1].phone: ")
    assert "E.164" in message
    assert "1234" not in message


def test_a_phone_written_as_a_number_asks_for_quotes(tmp_path: Path) -> None:
    message = _error(tmp_path, '"+97699000002"', "97699000002")
    assert ":12: staff[1].phone: write the number in quotes" in message
    assert "97699000002" not in message


def test_a_bad_email_is_named_without_repeating_it(tmp_path: Path) -> None:
    message = _error(tmp_path, "bat@consulate.example", "bat-at-consulate")
    assert ":13: staff[1].email: not an e-mail address" in message
    assert "bat-at-consulate" not in message


def test_an_unknown_time_zone(tmp_path: Path) -> None:
    message = _error(tmp_path, "Europe/Berlin", "Europe/Berlinn")
    assert ":15: staff[1].time_zone: not an IANA time zone" in message


def test_an_unknown_language(tmp_path: Path) -> None:
    assert ":14: staff[1].language: " in _error(tmp_path, "language: en", "language: de")


def test_a_bad_time_of_day(tmp_path: Path) -> None:
    message = _error(tmp_path, "start: 22:00", "start: 25:00")
    assert ':9: staff[0].quiet_hours.start: write a time of day as "HH:MM"' in message


def test_a_bad_duration_points_at_the_step(tmp_path: Path) -> None:
    message = _error(tmp_path, "after: 15m", "after: 15 minutes")
    assert ":30: desks[0].policy.critical[1].after: write a duration like 5m" in message


def test_an_unknown_or_repeated_channel(tmp_path: Path) -> None:
    message = _error(tmp_path, "channels: [sms]", "channels: [fax]")
    assert ":33: desks[0].policy.high[0].channels[0]: " in message
    message = _error(tmp_path, "channels: [sms]", "channels: [sms, sms]")
    assert ":33: desks[0].policy.high[0].channels: " in message
    assert "name each channel once" in message


def test_an_unknown_level_name(tmp_path: Path) -> None:
    message = _error(tmp_path, "      medium:", "      urgent:")
    assert ":34: desks[0].policy.urgent: unknown level; use low, medium, high, critical" in message


def test_a_bad_country_code(tmp_path: Path) -> None:
    message = _error(tmp_path, "[KH, NO]", "[KHM, NO]")
    assert ":38: desks[1].countries[0]: not an ISO 3166-1 alpha-2 country code" in message


def test_a_country_on_two_desks(tmp_path: Path) -> None:
    text = VALID.replace("    head: ann\n", "    countries: [KH]\n    head: ann\n", 1)
    with pytest.raises(RoutingConfigError, match=r"desks\[1\]\.countries\[0\]: KH is already"):
        load_routing(_write(tmp_path, text))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("members: [ann, bat]", "members: [ann, cid]", ":22: desks[0].rotations[0].members[1]: "),
        ("head: bat", "head: cid", ":39: desks[1].head: "),
        ("    staff: bat\n", "    staff: cid\n", ":47: overrides[0].staff: "),
        ("notify: [staff:bat]}\n      high", "notify: [staff:cid]}\n      high", ":42: "),
    ],
)
def test_references_to_unknown_staff(tmp_path: Path, old: str, new: str, expected: str) -> None:
    message = _error(tmp_path, old, new)
    assert expected in message
    assert "no staff member with id 'cid'" in message


def test_references_to_unknown_rotations_and_desks(tmp_path: Path) -> None:
    message = _error(tmp_path, "rotation: hq-primary", "rotation: hq-primery")
    assert ":46: overrides[0].rotation: no rotation with id 'hq-primery'" in message
    message = _error(tmp_path, "default_desk: hq", "default_desk: hx")
    assert ":1: default_desk: no desk with id 'hx'" in message
    message = _error(tmp_path, "{desk: kh,", "{desk: kk,")
    assert ":52: silences[0].match.desk: no desk with id 'kk'" in message


def test_a_bad_target(tmp_path: Path) -> None:
    message = _error(tmp_path, "[desk_head]", "[head_of_desk]")
    assert ":31: desks[0].policy.critical[1].notify[0]: a target is 'rotation:<id>'" in message


def test_every_desk_must_page_someone_for_critical(tmp_path: Path) -> None:
    text = VALID.replace("      critical:\n        - {after: 0m, notify: [staff:bat]}\n", "")
    with pytest.raises(RoutingConfigError, match=r"desks\[1\]\.policy: 'critical' must page"):
        load_routing(_write(tmp_path, text))


def test_steps_out_of_order(tmp_path: Path) -> None:
    message = _error(
        tmp_path,
        "notify: [desk_head]\n",
        "notify: [desk_head]\n        - after: 5m\n          notify: [staff:bat]\n",
    )
    assert ":32: desks[0].policy.critical[2].after: steps must be in order" in message


def test_a_missing_key_points_at_its_parent(tmp_path: Path) -> None:
    message = _error(tmp_path, "    name: Cambodia desk\n", "")
    assert ":36: desks[1].name: missing" in message


def test_an_unknown_key(tmp_path: Path) -> None:
    message = _error(tmp_path, "    name: Bat\n", "    name: Bat\n    pager: yes\n")
    assert ":12: staff[1].pager: unknown key" in message


def test_a_key_given_twice(tmp_path: Path) -> None:
    message = _error(tmp_path, "    name: Bat\n", "    name: Bat\n    name: Bo\n")
    assert ":12: staff[1].name: this key appears twice" in message


def test_naive_instants_and_backwards_windows(tmp_path: Path) -> None:
    message = _error(tmp_path, "start: 2026-01-06T00:00:00+08:00", "start: 2026-01-06T00:00:00")
    assert ":48: overrides[0].start: " in message
    message = _error(tmp_path, "ends: 2026-01-12T00:00:00+08:00", "ends: 2026-01-09T00:00:00+08:00")
    assert ":54: silences[0].ends: must be after starts" in message


def test_ids_used_twice(tmp_path: Path) -> None:
    message = _error(tmp_path, "  - id: bat\n", "  - id: ann\n")
    assert ":10: staff[1].id: 'ann' is used twice" in message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = VALID.replace("Europe/Berlin", "Mars/Olympus").replace("after: 15m", "after: soon")
    with pytest.raises(RoutingConfigError) as caught:
        load_routing(_write(tmp_path, text))
    assert len(caught.value.problems) == 2


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    message = _error(tmp_path, "    name: Bat\n", "    name: [Bat\n")
    assert f"{tmp_path / 'routing.yaml'}:" in message
    assert "not valid YAML" in message


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RoutingConfigError, match="cannot read"):
        load_routing(tmp_path / "nope.yaml")
