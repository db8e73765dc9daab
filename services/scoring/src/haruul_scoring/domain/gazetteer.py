"""Places that matter: scam hubs, transit cities, border crossings and fake "interview" stops.

Each place has spellings in Latin, Cyrillic (Mongolian/Russian, with case suffixes), Chinese
and local scripts. Roles:
  hub        a known scam-compound area (fires S-HUB)
  city       a large city with compounds but mostly ordinary travel (listed, no S-HUB alone)
  crossing   an irregular border-crossing town (fires S-XB)
  transit    an airport or city on the usual route (context only)
  interview  a city used as a fake "interview" stop (context only)
  country    a country named as where a job is (context only, not listed among the places)
False friends are left out on purpose: "KK" alone (Khon Kaen) never matches KK Park, and
country names are not places.
"""

from __future__ import annotations

from dataclasses import dataclass

from haruul_scoring.domain.units import UNSPACED_SCRIPT


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    role: str
    spellings: tuple[str, ...]


MM, KH, LA, TH, PH = "Myanmar", "Cambodia", "Laos", "Thailand", "Philippines"

PLACES: tuple[Place, ...] = (
    Place("KK Park", MM, "hub", (r"\bkk[- ]?park\b", r"\bкк[- ]?парк\w*", "kk园区", "kk園區")),
    Place(
        "Shwe Kokko",
        MM,
        "hub",
        (
            r"\bshwe ?kok+o\b",
            r"\bшве ?кокк?о\w*",
            r"\byatai new city\b",
            "亚太新城",
            "亞太新城",
            "水沟谷",
        ),
    ),
    Place(
        "Myawaddy",
        MM,
        "hub",
        (r"\bmyawa?dd?y\b", r"\bm[iy]awadi\b", r"\bмь?явадд?и\w*", "妙瓦底", "မြဝတီ"),
    ),
    Place("Tai Chang", MM, "hub", (r"\btai ?chang\b", "太昌")),
    Place("Dongmei", MM, "hub", (r"\bdong ?mei\b", "东梅", "東梅")),
    Place(
        "Tachileik",
        MM,
        "hub",
        (
            r"\btachil?eik?\b",
            r"\btachilek\b",
            r"\bтачилейк\w*",
            r"\bтачилек\w*",
            "ท่าขี้เหล็ก",
            "大其力",
        ),
    ),
    Place(
        "Shan State",
        MM,
        "hub",
        (r"\bshan state\b", r"\bшан муж\w*", r"\bшта[тн]\w* шан\b", "掸邦", "撣邦"),
    ),
    Place("Kokang", MM, "hub", (r"\bkokang\b", r"\blaukk?aing?\b", r"\bкоканг\w*", "果敢")),
    Place(
        "Yangon",
        MM,
        "interview",
        (r"\byangon\b", r"\brangoon\b", r"\bянгон\w*", r"\bрангун\w*", "仰光"),
    ),
    Place("Bavet", KH, "hub", (r"\bbave+t\b", r"\bбавет\w*", r"\bsvay rieng\b", "巴域", "巴韦")),
    Place(
        "Poipet",
        KH,
        "hub",
        (
            r"\bpoi ?pe[iy]?t\b",  # "Poipeit", as typed
            r"\bпойп[еэ]т\w*",
            r"\bbanteay meanchey\b",
            "ប៉ោយប៉ែត",
            "波贝",
            "波貝",
        ),
    ),
    Place(
        "Sihanoukville",
        KH,
        "hub",
        (
            r"\bsihanoukville\b",
            r"\bkampong som\b",
            r"\bсиануквил\w*",
            r"\bсианук\w*",
            "西港",
            "ព្រះសីហនុ",
        ),
    ),
    Place(
        "Phnom Penh",
        KH,
        "hub",
        (r"\bphnom ?penh\b", r"\bпном ?пен\w*", r"\bпномпэн\w*", "金边", "金邊"),
    ),
    Place("O'Smach", KH, "hub", (r"\bo'? ?smach\b", "奥斯马", "奧斯馬")),
    # not 蒙古国公民 (a Mongolian citizen)
    Place("Koh Kong", KH, "hub", (r"\bkoh kong\b", "(?<!古)国公(?!民)", "(?<!古)國公(?!民)")),
    Place(
        "Golden Triangle SEZ",
        LA,
        "hub",
        (
            r"\bgolden triangle\b",
            r"\bkings? romans?\b",
            r"\bton pheung\b",
            r"\bbokeo\b",
            r"\bалтан гурвалжин\w*",
            r"\baltan gurvalj[iy]n\w*",  # typed in Latin letters
            r"\bзолот\w* треугольник\w*",
            "金三角",
        ),
    ),
    Place("Boten", LA, "hub", (r"\bboten\b", r"\bботен\w*", "磨丁")),
    Place(
        "Bangkok",
        TH,
        "transit",
        (r"\bbangkok\b", r"\bбангкок\w*", "曼谷", "กรุงเทพ"),
    ),
    Place(
        "Suvarnabhumi airport",
        TH,
        "transit",
        (r"\bsuvarnabhumi\b", r"\bсуварнабхуми\w*", r"\bdon mueang\b"),
    ),
    Place(
        "Mae Sot",
        TH,
        "crossing",
        (r"\bmae ?sot\b", r"\b(?:мэ|мае|мэй) ?сот\w*", "แม่สอด", "湄索"),
    ),
    Place("Phop Phra", TH, "crossing", (r"\bphop ?phra\b", "พบพระ")),
    Place("Mae Ramat", TH, "crossing", (r"\bmae ?ramat\b", "แม่ระมาด")),
    Place(
        "Mae Sai",
        TH,
        "crossing",
        (r"\bmae ?sai\b", r"\b(?:мэ|мае|мэй) ?сай\b", "แม่สาย", "美赛", "美賽"),
    ),
    Place(
        "Aranyaprathet",
        TH,
        "crossing",
        # Аранъяпратхет, Араньяпратет, Аранпратет; aranya prathet
        (r"\baranya ?(?:pra|pa)thet\b", r"\bаран[ьъи]?я?пратх?ет\w*", "อรัญประเทศ"),
    ),
    Place("Sa Kaeo", TH, "transit", (r"\bsa ?kaeo\b", "สระแก้ว")),
    Place("Chanthaburi", TH, "transit", (r"\bchanthaburi\b", "จันทบุรี")),
    Place("Kanchanaburi", TH, "transit", (r"\bkanchanaburi\b", "กาญจนบุรี")),
    # "班班" alone is no place name: only with its province, Tarlac ("打拉省班班")
    Place("Bamban", PH, "hub", (r"\bbamban\b", r"\bбамбан\w*", "打拉省?班班")),
    Place(
        "Clark / Angeles",
        PH,
        "hub",
        (
            r"\bclark,? (?:freeport|pampanga|economic zone)\b",
            r"\bpampanga\b",
            r"\bпампанг\w*",
            r"\bangeles city\b",
        ),
    ),
    Place("Parañaque", PH, "city", (r"\bpara[nñ]aque\b",)),
    Place("Dubai", "United Arab Emirates", "interview", (r"\bdubai\b", r"\bдубай\w*", "迪拜")),
    Place(
        "Erlian",
        "China",
        "transit",
        (
            r"\berlian\b",
            r"\berenhot\b",
            r"\bэрлянь\w*",
            r"\bэрээн\w*",
            r"\bereen\w*",
            "二连",
            "二連",
        ),
    ),
    # Countries named as where the job is: context only, never listed as places.
    Place(
        TH,
        TH,
        "country",
        (r"\bthailand\b", r"\bтаиланд\w*", r"\bтайланд\w*", r"\bta[iy]land\w*", "泰国"),
    ),
    Place(
        "Malaysia",
        "Malaysia",
        "country",
        (r"\bmalaysia\b", r"\bмалайзи\w*", r"\bmala[iy]zi\w*", "马来西亚", "馬來西亞"),
    ),
    Place("Vietnam", "Vietnam", "country", (r"\bviet ?nam\w*", r"\bвьетнам\w*", "越南")),
    # The countries of the hubs, named without a hub: where the person "is now"
    Place(
        KH,
        KH,
        "country",
        (r"\bcambodia\w*", r"\bкамбодж\w*", r"\bкамбож\w*", r"\bkambo(?:d?j|dzh)\w*", "柬埔寨"),
    ),
    Place(MM, MM, "country", (r"\bmyanmar\b", r"\bburma\b", r"\bмьянм\w*", "缅甸", "緬甸")),
    Place(LA, LA, "country", (r"\blaos\b", r"\bлаос\w*", "老挝", "老撾")),
    Place("Singapore", "Singapore", "country", (r"\bsingapore\b", r"\bсингапур\w*", "新加坡")),
    Place(
        "Zamiin-Uud",
        "Mongolia",
        "transit",
        (r"\bzam[iy]+n[- ]?uud\b", r"\bзамын[- ]?үүд\w*"),
    ),
)

# Where the fake job is said to be, on the way to a hub: a report naming one for the job and
# later a hub in another country reads as deception about the place (`detect`). Airports,
# border towns and Mongolia's own crossings are the route, not a promise; Korea and Japan
# are left out (legal work schemes go there).
JOB_LURES = frozenset({"Bangkok", "Dubai", "Yangon", TH, "Malaysia", "Vietnam", "Singapore"})
# Countries where the person may turn up instead, named without a hub ("odoo Kambojid bga").
HUB_COUNTRIES = frozenset({KH, MM, LA})


def _patterns() -> tuple[tuple[str, ...], tuple[int, ...]]:
    """One regex per place and script family, and the index in PLACES of the place each
    belongs to (the matcher scans spaced and unspaced scripts differently)."""
    patterns: list[str] = []
    owners: list[int] = []
    for i, place in enumerate(PLACES):
        spaced = [s for s in place.spellings if not UNSPACED_SCRIPT.search(s)]
        unspaced = [s for s in place.spellings if UNSPACED_SCRIPT.search(s)]
        for group in (spaced, unspaced):
            if group:
                patterns.append("|".join(group))
                owners.append(i)
    return tuple(patterns), tuple(owners)


# Scanned together with the indicator rules by `detect`, in one pass over the report.
PATTERNS, OWNERS = _patterns()
