"""The second reader: its terms, its arithmetic (the same as scikit-learn's), its weights in step
with the labelled sets, and how the engine uses it (only at the border between medium and high:
to raise a medium report, or to lower a high reached by a rule alone, naming the words behind
the reading)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haruul_scoring.domain import score, second_reader, second_reader_weights
from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.model import Level
from haruul_scoring.domain.normalize import fold
from haruul_scoring.second_reader_training import (
    as_model,
    fit,
    labelled_files,
    load,
    sources_hash,
)
from tests.support.scoring_texts import DATA, labelled_long_and_spliced, labelled_texts


def test_terms_are_words_then_pairs_of_words_and_chinese_is_read_in_character_pairs() -> None:
    folded = "they took 2 passports 护照被收走"
    terms = second_reader.terms(folded)
    texts = [term.text for term in terms]
    assert texts[:4] == ["they", "took", "2", "passports"]
    assert texts[4:8] == ["护照", "照被", "被收", "收走"]
    assert "they took" in texts
    assert "passports 护照" in texts
    for term in terms:
        if " " not in term.text:
            assert folded[term.start : term.end] == term.text


def test_a_reading_is_the_logistic_of_the_weighted_terms() -> None:
    weights = {"passport": (2.0, 3.0), "holiday": (1.0, -2.0)}
    reading = second_reader.read("passport passport holiday", weights, intercept=-0.5)
    passport, holiday = (1 + math.log(2)) * 2.0, 1.0
    norm = math.hypot(passport, holiday)
    decision = -0.5 + passport / norm * 3.0 + holiday / norm * -2.0
    assert reading.probability == pytest.approx(1 / (1 + math.exp(-decision)))
    assert reading.known == 2
    assert reading.heaviest == ("passport",)  # only the words that weighed towards an alert
    assert reading.against == ("holiday",)  # and those against one
    assert second_reader.spans("a passport, passport", reading.heaviest) == ((2, 10),)


def test_a_reading_of_nothing_known_is_the_intercept_alone() -> None:
    reading = second_reader.read("", {"passport": (1.0, 1.0)}, intercept=0.0)
    assert reading.probability == 0.5
    assert reading.known == 0
    assert not reading.is_alert  # too few known terms to read anything into


def test_the_weights_are_trained_on_the_labelled_sets_as_they_are() -> None:
    # Adding or editing a set without retraining leaves the second reader behind.
    assert sources_hash(labelled_files()) == second_reader_weights.SOURCES, (
        "tests/data changed: run `make second-reader` and commit the new weights"
    )
    assert len(second_reader_weights.WEIGHTS) == 3000


def test_the_engine_reads_as_scikit_learn_predicts() -> None:
    files = [DATA / "fresh2-reports.jsonl", DATA / "fresh3-reports.jsonl"]
    examples = load(files)
    vectorizer, regression = fit(examples)
    model = as_model(vectorizer, regression)
    held = load([DATA / "fresh4-reports.jsonl"])
    expected = regression.predict_proba(vectorizer.transform([e.folded for e in held]))[:, 1]
    for example, probability in zip(held, expected, strict=True):
        read = second_reader.read(example.folded, model.weights, model.intercept)
        assert read.probability == pytest.approx(probability, abs=1e-9)


_COMPILED = pytest.mark.skipif(
    second_reader.COMPILED is None,
    reason="the second reader is not compiled for these sources; `make engine` builds it",
)


@_COMPILED
def test_the_compiled_reader_reads_every_report_exactly_as_python_does() -> None:
    # to the last bit of the probability (a spliced text may cut a word or a Chinese pair)
    texts = labelled_long_and_spliced(seed=11)

    folded = [fold(text).text for text in texts]
    differing = [t for t in folded if second_reader.read(t) != second_reader.read_in_python(t)]

    assert len(texts) > 4000
    assert differing == []


_WORDS = st.sampled_from([*sorted(second_reader_weights.WEIGHTS)[:400], "²", "_", "٣", "𝟙"])


@_COMPILED
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(st.characters(exclude_categories=()), max_size=4))))
def test_the_compiled_reader_cuts_words_where_python_does(parts: list[str]) -> None:
    # the model's own terms, with any code point between them: letters that are digits to
    # `str.isdigit` but not `\d` ("²"), other scripts' digits, underscores, lone surrogates
    text = " ".join(parts)

    assert second_reader.read(text) == second_reader.read_in_python(text)


def _some_terms(folded: str) -> tuple[str, ...]:
    """A few of the text's own terms (words, Chinese pairs, word pairs), and one it lacks."""
    terms = second_reader.terms(folded)
    return (*(term.text for term in terms[::7]), "not one of its terms")


@_COMPILED
def test_the_compiled_reader_finds_terms_where_python_does() -> None:
    folded = [fold(text).text for text in labelled_long_and_spliced(seed=12)]

    differing = [
        t
        for t in folded
        if second_reader.spans(t, _some_terms(t))
        != second_reader.spans_in_python(t, _some_terms(t))
    ]

    assert differing == []


@_COMPILED
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(st.characters(exclude_categories=()), max_size=4))))
def test_the_compiled_reader_finds_terms_in_any_text(parts: list[str]) -> None:
    text = " ".join(parts)
    wanted = _some_terms(text)

    assert second_reader.spans(text, wanted) == second_reader.spans_in_python(text, wanted)


def _quoted(text: str, terms: tuple[str, ...], explanation: str) -> None:
    folded = fold(text)
    for start, end in second_reader.spans(folded.text, terms):
        original_start, original_end = folded.span(start, end)
        assert text[original_start:original_end].strip() in explanation


def test_only_reports_at_the_border_are_read_again_and_the_words_are_named() -> None:
    raised = lowered = 0
    for text in labelled_texts():
        patterns = assess(text, use_second_reader=False)
        result = assess(text)
        reading = second_reader.read(fold(text).text)
        codes = frozenset(hit.code for hit in patterns.indicators)
        if patterns.level is Level.MEDIUM and reading.is_alert:
            raised += 1
            assert result.level is Level.HIGH
            assert 50 <= result.score <= 74
            assert "reads the report as an alert" in result.explanation
            _quoted(text, reading.heaviest, result.explanation)
        elif (
            patterns.level is Level.HIGH  # not a public warning, which is low whatever its signs
            and score.borderline_high(score.judge(codes), codes)
            and reading.is_unlikely
        ):
            lowered += 1
            assert result.level is Level.MEDIUM
            assert 20 <= result.score <= 49
            assert score.judge(codes).why in result.explanation  # the rule an officer can weigh
            assert "reads an alert as very unlikely" in result.explanation
            _quoted(text, reading.against, result.explanation)
        else:
            assert result == patterns
            continue
        assert result.indicators == patterns.indicators  # its evidence stays the patterns'
        assert result.stage == patterns.stage
    # the sets hold reports of both kinds, or this test checks nothing
    assert raised > 0
    assert lowered > 0


@pytest.mark.parametrize(
    ("codes", "borderline"),
    [
        ({"DOC"}, True),  # one sign of being held: high by a rule, weight 30
        ({"S-HUB", "S-AD"}, True),
        ({"ISO", "S-AD", "VUL"}, True),
        ({"S-HUB", "S-OFF", "S-AD", "S-FEE"}, False),  # weights 50: high by weight too
        ({"S-CONF", "S-AID"}, True),  # two red flags: high by a rule, weight 35
        # the advisory's whole lure, four recruitment signs, under the high band's weight
        ({"S-CONF", "S-AD", "S-TRV", "S-SKILL"}, False),
        ({"DOC", "MOV"}, False),  # critical
        ({"S-AD"}, False),  # medium
    ],
)
def test_only_a_high_reached_by_a_rule_alone_may_be_lowered(
    codes: set[str], borderline: bool
) -> None:
    frozen = frozenset(codes)
    assert score.borderline_high(score.judge(frozen), frozen) is borderline
