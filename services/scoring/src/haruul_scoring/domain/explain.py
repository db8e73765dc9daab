"""Plain-language text for officers: one line per indicator, one or two sentences overall."""

from __future__ import annotations

from haruul_scoring.domain.model import IndicatorHit, Level, PlaceHit, Stage

DESCRIPTIONS: dict[str, str] = {
    "VUL": "vulnerability (no money, debts, unemployment or a minor)",
    "DEC": "deception about the job, pay, place or employer",
    "MOV": "freedom of movement restricted",
    "ISO": "isolated or out of contact",
    "VIO": "physical or sexual violence",
    "THR": "threats or intimidation",
    "DOC": "identity documents held by someone else",
    "WAG": "wages withheld",
    "DEBT": "debt bondage (must pay to leave)",
    "COND": "abusive working or living conditions",
    "OT": "excessive working hours",
    "S-AD": "typical lure job or pay far above the market",
    "S-SKILL": "IT or foreign-language skills targeted",
    "S-TRV": "travel or visa paid or arranged by the recruiter",
    "S-XB": "irregular border crossing",
    "S-HUB": "named scam-compound hub",
    "S-SCAM": "forced online fraud",
    "S-SOLD": "sold between compounds",
    "S-RAN": "ransom or money demanded",
    "S-SEX": "sexual exploitation",
    "S-FEE": "up-front fee or loan",
    "S-OFF": "offer dressed up as official",
    "S-CONF": "told to keep the offer secret",
    "S-AID": "financial help given first",
}

_STAGE_TEXT: dict[Stage, str] = {
    Stage.DESTINATION: "the person appears to be at the destination now",
    Stage.RECRUITMENT: "the person appears to be at the recruitment stage and can still be stopped",
    Stage.NONE: "",
}

_QUOTE_MAX = 60


def short_quote(quote: str) -> str:
    """A quote cut to a readable length on one line."""
    flat = " ".join(quote.split())
    return flat if len(flat) <= _QUOTE_MAX else flat[: _QUOTE_MAX - 1].rstrip() + "…"


def reason(code: str, first_quote: str) -> str:
    """One line: what the indicator means and the words that evidence it."""
    return f'{DESCRIPTIONS.get(code, code)}: "{short_quote(first_quote)}"'


def explanation(
    level: Level,
    stage: Stage,
    why: str,
    indicators: tuple[IndicatorHit, ...],
    places: tuple[PlaceHit, ...],
) -> str:
    """One or two sentences: the level and why, the stage, the indicators and places."""
    head = f"{level.value.capitalize()} risk: {why}"
    if stage is not Stage.NONE:
        head += f"; {_STAGE_TEXT[stage]}"
    if not indicators:
        if places:
            named = ", ".join(f"{p.name} ({p.role})" for p in places)
            return f"{head}. Places named ({named}) are not a risk sign on their own."
        return f"{head}."
    codes = ", ".join(f"{hit.code} ({DESCRIPTIONS.get(hit.code, hit.code)})" for hit in indicators)
    tail = f"Found: {codes}"
    if places:
        tail += "; places: " + ", ".join(f"{p.name}, {p.country} ({p.role})" for p in places)
    return f"{head}. {tail}."
