"""Reports naming the same recruiter contact become one case; the case gets a clear level."""

from __future__ import annotations

import pytest

from haruul_scoring.domain.cases import (
    CaseLink,
    case_id_for,
    case_level,
    contact_keys,
    hash_contact_key,
    link_report,
)
from haruul_scoring.domain.entities import extract_entities

SALT = b"test-salt-not-for-production"


def _hashes(text: str) -> frozenset[str]:
    return frozenset(hash_contact_key(k, SALT) for k in contact_keys(extract_entities(text)))


class _Store:
    """The smallest store that follows `link_report`'s instructions, as the real one must."""

    def __init__(self) -> None:
        self.index: dict[str, str] = {}
        self.case_of: dict[str, str] = {}
        self.opened: dict[str, int] = {}

    def add(self, report_id: str, text: str) -> CaseLink:
        hashes = _hashes(text)
        link = link_report(report_id, hashes, self.index, opened=self.opened)
        self.opened.setdefault(link.case_id, len(self.opened))
        for merged in link.merged_case_ids:
            for h, case in list(self.index.items()):
                if case == merged:
                    self.index[h] = link.case_id
            for r, case in list(self.case_of.items()):
                if case == merged:
                    self.case_of[r] = link.case_id
        for h in link.new_links:
            self.index[h] = link.case_id
        self.case_of[report_id] = link.case_id
        return link


def test_three_reports_naming_one_telegram_handle_differently_are_one_case() -> None:
    store = _Store()
    store.add("r1", "Зуучлагч @Recruit_Jobs гэдэг телеграм хаягаар бичсэн")
    store.add("r2", "He sent me the link t.me/recruit_jobs for the job in Bavet")
    store.add("r3", "Миний охинтой телеграм recruit_jobs гэдэг хүн холбогдсон")
    assert len(set(store.case_of.values())) == 1
    assert store.case_of["r1"] == case_id_for("r1")


def test_report_naming_contacts_of_two_cases_merges_them_into_the_older() -> None:
    store = _Store()
    store.add("r-old", "утас +855 12 345 678")
    store.add("r-new", "WeChat ID: lucky_job88")
    older, newer = store.case_of["r-old"], store.case_of["r-new"]
    assert older != newer

    link = store.add("r-both", "He used +855 12 345 678 and wechat lucky_job88")

    assert link.case_id == older
    assert link.merged_case_ids == (newer,)
    assert set(store.case_of.values()) == {older}


def test_merge_without_opening_order_goes_to_the_smallest_id() -> None:
    existing = {"h1": "case-bbbb", "h2": "case-aaaa", "h3": "case-cccc"}
    link = link_report("r9", ["h1", "h2", "h3", "h4"], existing, new_case_id="case-new")
    assert link == CaseLink(
        case_id="case-aaaa",
        merged_case_ids=("case-bbbb", "case-cccc"),
        new_links=("h1", "h3", "h4"),
    )


def test_merge_prefers_the_case_opened_first_over_the_smaller_id() -> None:
    existing = {"h1": "case-bbbb", "h2": "case-aaaa"}
    link = link_report("r9", ["h1", "h2"], existing, opened={"case-bbbb": 1, "case-aaaa": 2})
    assert link.case_id == "case-bbbb"
    assert link.merged_case_ids == ("case-aaaa",)


def test_report_joining_one_case_links_only_its_new_contacts() -> None:
    link = link_report("r2", ["known", "fresh"], {"known": "case-1"}, new_case_id="case-x")
    assert link == CaseLink(case_id="case-1", merged_case_ids=(), new_links=("fresh",))


def test_report_without_contacts_is_its_own_case() -> None:
    store = _Store()
    store.add("r1", "утас 99112233")
    link = store.add("r2", "Миний хүү Камбож явсан, холбоо барихгүй байна. Цалин $1500 гэсэн.")
    assert link == CaseLink(case_id=case_id_for("r2"), merged_case_ids=(), new_links=())
    assert store.case_of["r1"] != store.case_of["r2"]


def test_money_and_bare_platform_addresses_never_link_reports() -> None:
    keys = contact_keys(extract_entities("цалин $1500, facebook.com дээр зар байсан"))
    assert keys == frozenset()
    page = contact_keys(extract_entities("зар: facebook.com/goldenjobs.bavet"))
    assert page == frozenset({"url:facebook.com/goldenjobs.bavet"})


def test_contact_keys_name_kind_and_normalised_value() -> None:
    text = "wa.me/85512345678, телеграм @Recruit_Jobs, hr@bavet-jobs.com, Golden Star LLC"
    assert contact_keys(extract_entities(text)) == frozenset(
        {
            "whatsapp:+85512345678",
            "phone:+85512345678",
            "telegram:recruit_jobs",
            "email:hr@bavet-jobs.com",
            "company:golden star",
        }
    )


def test_hash_is_stable_salted_and_hides_the_contact() -> None:
    key = "phone:+85512345678"
    first = hash_contact_key(key, SALT)
    assert first == hash_contact_key(key, SALT)
    assert first != hash_contact_key(key, b"another-salt")
    assert first != hash_contact_key("phone:+85512345679", SALT)
    assert len(first) == 64
    assert "85512345678" not in first


def test_hash_refuses_an_empty_salt() -> None:
    with pytest.raises(ValueError, match="salt"):
        hash_contact_key("phone:+85512345678", b"")


def test_case_id_is_stable_and_short() -> None:
    assert case_id_for("report-1") == case_id_for("report-1")
    assert case_id_for("report-1") != case_id_for("report-2")
    cid = case_id_for("report-1")
    assert cid.startswith("case-")
    assert len(cid) == len("case-") + 16
    int(cid.removeprefix("case-"), 16)


@pytest.mark.parametrize(
    ("levels", "sources", "expected"),
    [
        (["low", "medium"], 1, "medium"),  # one source: the most serious report
        (["high"], 0, "high"),
        ([], 0, "low"),
        (["low"], 2, "medium"),  # two sources: one step up
        (["medium", "low"], 2, "high"),
        (["high"], 2, "critical"),
        (["critical"], 2, "critical"),  # capped
        (["low"], 3, "high"),  # three or more: two steps up
        (["low", "low"], 7, "high"),
        (["medium"], 3, "high"),  # corroboration alone never makes a case critical
        (["high", "low"], 3, "critical"),
        (["critical"], 5, "critical"),
    ],
)
def test_case_level_rule(levels: list[str], sources: int, expected: str) -> None:
    assert case_level(levels, sources) == expected


def test_case_level_rejects_unknown_levels_and_negative_counts() -> None:
    with pytest.raises(ValueError, match="unknown level"):
        case_level(["urgent"], 1)
    with pytest.raises(ValueError, match="independent_sources"):
        case_level(["low"], -1)
