"""SMS length: GSM-7 vs UCS-2, extension characters, surrogate pairs, segment boundaries."""

from __future__ import annotations

import pytest

from haruul_notify.domain.sms_length import segments


def test_plain_latin_text_is_gsm7() -> None:
    size = segments("HARUUL CRITICAL KH alert. Reply ACK 4821")
    assert size.encoding == "GSM-7"
    assert size.units == size.characters == 40
    assert size.segments == 1


def test_gsm_specials_stay_gsm7() -> None:
    assert segments("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¡ÄÖÑÜ§¿äöñüà").encoding == "GSM-7"


def test_extension_characters_count_twice() -> None:
    size = segments("price 5€ [x] {y} ~ | ^ \\")
    assert size.encoding == "GSM-7"
    assert size.characters == 24
    assert size.units == 24 + 9


def test_cyrillic_forces_ucs2() -> None:
    size = segments("Хариу: ACK 4821")
    assert size.encoding == "UCS-2"
    assert size.units == 15


def test_mongolian_letters_outside_russian_are_counted_once() -> None:
    size = segments("ӨҮөү")
    assert (size.encoding, size.units) == ("UCS-2", 4)


def test_emoji_outside_the_bmp_counts_as_two_units() -> None:
    size = segments("ok 🚨")
    assert size.encoding == "UCS-2"
    assert size.characters == 4
    assert size.units == 5


def test_a_character_outside_gsm_such_as_an_em_dash_forces_ucs2() -> None:
    assert segments("held now — emergency").encoding == "UCS-2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 1),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 153 * 2, 2),
        ("a" * (153 * 2 + 1), 3),
        ("€" * 80, 1),  # 160 septets
        ("€" * 80 + "a", 2),
        ("Ж" * 70, 1),
        ("Ж" * 71, 2),
        ("Ж" * 67 * 2, 2),
        ("Ж" * (67 * 2 + 1), 3),
        ("🚨" * 35, 1),  # 70 units
        ("🚨" * 35 + "a", 2),
    ],
)
def test_segment_boundaries(text: str, expected: int) -> None:
    assert segments(text).segments == expected


def test_an_escape_pair_is_not_split_across_segments() -> None:
    # 306 septets would fill two parts exactly, but the € cannot straddle parts 1 and 2.
    text = "a" * 152 + "€" + "a" * 152
    assert segments(text).units == 306
    assert segments(text).segments == 3


def test_a_surrogate_pair_is_not_split_across_segments() -> None:
    text = "Ж" * 66 + "🚨" + "Ж" * 66  # 134 units
    assert segments(text).units == 134
    assert segments(text).segments == 3
