"""`haruul eval` and `haruul stats`, as an analyst runs them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from haruul_platform.cli import main
from haruul_platform.eval_command import LabelError, evaluate
from haruul_platform.stats_command import ScoredLineError, indicator_shares, write_csv, write_text
from haruul_scoring.domain.model import Level

HELD = "They took his passport in Bavet and he is not allowed to leave the compound."
HOLIDAY = "We plan a family holiday to Phuket in December."


def _labelled(text: str, level: str, codes: list[str]) -> str:
    return json.dumps(
        {"id": "x", "text": text, "expected_level": level, "expected_indicators": codes}
    )


def test_eval_prints_the_confusion_matrix_recall_and_false_alarms() -> None:
    out = io.StringIO()
    lines = [_labelled(HELD, "critical", ["DOC", "MOV", "S-HUB"]), _labelled(HOLIDAY, "low", [])]

    assert evaluate(lines, out, check=True) == 0

    report = out.getvalue()
    assert "2 labelled reports" in report
    assert "alert recall      1.000" in report
    assert "false-alarm rate  0.000" in report
    assert "DOC" in report


def test_eval_check_fails_when_an_alert_is_missed() -> None:
    out = io.StringIO()
    # Labelled critical, but the text evidences nothing: the engine scores it low.
    assert evaluate([_labelled(HOLIDAY, "critical", ["DOC"])], out, check=True) == 1
    assert "alert recall      0.000" in out.getvalue()


def test_eval_names_a_bad_line() -> None:
    with pytest.raises(LabelError, match="line 2"):
        evaluate(
            [_labelled(HOLIDAY, "low", []), '{"text": "no label"}'], io.StringIO(), check=False
        )


def _scored(level: str, codes: list[str]) -> str:
    return json.dumps({"id": "x", "level": level, "indicators": [{"code": c} for c in codes]})


def test_stats_counts_at_risk_reports_against_the_advisory() -> None:
    lines = [
        _scored("high", ["S-CONF", "S-AD"]),
        _scored("critical", ["DOC", "MOV", "S-CONF"]),
        _scored("medium", ["S-FEE"]),
        _scored("low", ["S-CONF"]),  # not at risk: not counted
    ]
    shares = indicator_shares(lines, Level.MEDIUM)

    assert shares.at_risk == 3
    assert shares.by_code["S-CONF"] == 2
    assert shares.by_finding["told to keep the offer confidential"] == 2
    assert shares.by_finding["freedom of movement restricted (incl. passport taken)"] == 1

    text, table = io.StringIO(), io.StringIO()
    write_text(shares, text)
    write_csv(shares, table)
    assert "3 at-risk reports" in text.getvalue()
    assert "finding,told to keep the offer confidential,2,0.6667,0.98" in table.getvalue()
    assert "indicator,S-CONF,2,0.6667," in table.getvalue()


def test_stats_names_a_bad_line() -> None:
    with pytest.raises(ScoredLineError, match="line 1"):
        indicator_shares(["not json"], Level.MEDIUM)


@pytest.mark.parametrize("command", ["eval", "stats", "score"])
def test_a_missing_input_file_is_named_not_a_traceback(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `make eval` in a checkout without ../shared beside it ended in a FileNotFoundError trace.
    missing = tmp_path / "dev-reports.jsonl"
    with pytest.raises(SystemExit) as exited:
        main([command, str(missing)])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        f"haruul {command}: cannot read {missing}: No such file or directory\n"
    )
