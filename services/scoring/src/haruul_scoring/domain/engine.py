"""The scoring engine's public entry point: `assess(text) -> Assessment`.

Pure and deterministic: no I/O, no clock, no randomness. Any string is accepted, including
empty text, emoji, combining marks and right-to-left scripts.
"""

from __future__ import annotations

from haruul_scoring.domain import (
    context,
    defrauded,
    detect,
    explain,
    hub_jobs,
    public_warning,
    score,
    second_reader,
)
from haruul_scoring.domain.model import Assessment, Evidence, IndicatorHit, Level, PlaceHit
from haruul_scoring.domain.normalize import Folded, fold

ENGINE_VERSION = "2026.12.21"

_MAX_EVIDENCE = 3


def _evidence(folded: Folded, start: int, end: int) -> Evidence:
    s, e = folded.span(start, end)
    quote = folded.original[s:e]
    stripped = quote.strip()
    if stripped and stripped != quote:
        s += len(quote) - len(quote.lstrip())
        e = s + len(stripped)
        quote = stripped
    return Evidence(start=s, end=e, quote=quote)


def _dedupe(items: list[Evidence]) -> tuple[Evidence, ...]:
    seen: dict[tuple[int, int], Evidence] = {}
    for ev in sorted(items, key=lambda ev: (ev.start, ev.end)):
        seen.setdefault((ev.start, ev.end), ev)
    return tuple(seen.values())[:_MAX_EVIDENCE]


def _read_again(folded: Folded, codes: frozenset[str], verdict: score.Verdict) -> score.Verdict:
    """The verdict after the second reader (`second_reader`) for a report at the border
    between medium and high; any other verdict as it is."""
    medium = verdict.level is Level.MEDIUM
    if not medium and not score.borderline_high(verdict, codes):
        return verdict
    reading = second_reader.read(folded.text)
    if medium and reading.is_alert:
        words = _quotes(folded, reading.heaviest)
        return score.raised_by_second_reader(codes, reading.probability, words)
    if not medium and reading.is_unlikely:
        words = _quotes(folded, reading.against)
        return score.lowered_by_second_reader(codes, verdict.why, reading.probability, words)
    return verdict


def _quotes(folded: Folded, terms: tuple[str, ...]) -> list[str]:
    """The original words of the second reader's terms, in text order."""
    return [
        _evidence(folded, start, end).quote
        for start, end in second_reader.spans(folded.text, terms)
    ]


def assess(text: str, use_second_reader: bool = True) -> Assessment:
    """Score one report for trafficking risk, with the evidence for every indicator.

    A report the patterns rate medium is raised to high when the second reader
    (`second_reader`) reads it as an alert, and one they rate high only by a rule is lowered
    to medium when it reads an alert as very unlikely; `use_second_reader=False` gives the
    patterns' verdict alone (its training compares the two)."""
    folded = fold(text)
    hits = detect.scan(folded.text)
    sentences = context.split(folded.text, hits.cues)
    if hits.questions:
        sentences.doubt(hits.questions)
    if hits.retractions or hits.freedoms:
        sentences.withdraw(hits.retractions, hits.freedoms)
    place_matches = detect.find_place_mentions(folded.text, sentences, hits)
    matches = detect.find_indicators(folded.text, sentences, hits) + detect.place_signs(
        folded.text, sentences, place_matches
    )

    by_code: dict[str, list[Evidence]] = {}
    for m in matches:
        by_code.setdefault(m.code, []).append(_evidence(folded, m.start, m.end))
    indicators = tuple(
        IndicatorHit(code=code, reason=explain.reason(code, evs[0].quote), evidence=evs)
        for code in score.ORDER
        if code in by_code
        for evs in (_dedupe(by_code[code]),)
    )

    by_place: dict[str, tuple[detect.PlaceMatch, list[Evidence]]] = {}
    for pm in place_matches:
        if pm.place.role == "country":
            continue  # context for deception only (`gazetteer`)
        entry = by_place.setdefault(pm.place.name, (pm, []))
        entry[1].append(_evidence(folded, pm.start, pm.end))
    places = tuple(
        PlaceHit(
            name=pm.place.name,
            country=pm.place.country,
            role=pm.place.role,
            evidence=_dedupe(evs),
        )
        for pm, evs in by_place.values()
    )

    codes = frozenset(by_code)
    verdict = score.judge(codes)
    warnings = hits.cues.get("warning")
    if codes and warnings and public_warning.warns_the_public(folded.text, warnings):
        verdict = score.public_warning(codes)
    elif (
        codes
        and defrauded.only_the_fraud(folded.text, matches, sentences.bounds, len(places))
        # the loss told anywhere in the report (`Sentences.says` searches only what may occur)
        and sentences.says("defrauded", 0, len(folded.text))
    ):
        verdict = score.defrauded_online(codes)
    elif "S-HUB" in codes and hub_jobs.works_there_lawfully(folded.text, codes):
        verdict = score.lawful_job_at_a_hub(codes)
    elif use_second_reader:
        verdict = _read_again(folded, codes, verdict)
    return Assessment(
        score=verdict.score,
        level=verdict.level,
        stage=verdict.stage,
        indicators=indicators,
        places=places,
        explanation=explain.explanation(
            verdict.level, verdict.stage, verdict.why, indicators, places
        ),
        engine_version=ENGINE_VERSION,
    )
