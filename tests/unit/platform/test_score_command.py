"""`haruul score`: JSON lines in, one JSON line out per report, streaming."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

from haruul_platform.score_command import score_lines

HELD = "They took his passport in Poipet. Call the agent on +855 12 345 678 or t.me/fastjobs_kh."


def test_each_report_gets_its_figures_evidence_and_entities() -> None:
    out, err = io.StringIO(), io.StringIO()
    status = score_lines([json.dumps({"id": "r-1", "text": HELD})], out, err)

    assert status == 0
    [line] = out.getvalue().splitlines()
    result = json.loads(line)
    assert result["id"] == "r-1"
    assert result["level"] in ("high", "critical")
    assert result["stage"] == "destination"
    assert {"DOC", "S-HUB"} <= {hit["code"] for hit in result["indicators"]}
    for hit in result["indicators"]:
        for evidence in hit["evidence"]:
            assert HELD[evidence["start"] : evidence["end"]] == evidence["quote"]
    entities = {(e["kind"], e["normalized"]) for e in result["entities"]}
    assert ("phone", "+85512345678") in entities
    assert ("telegram", "fastjobs_kh") in entities
    assert result["places"][0]["name"] == "Poipet"
    assert result["explanation"]


def test_a_bad_line_is_named_and_the_rest_still_scored() -> None:
    out, err = io.StringIO(), io.StringIO()
    lines = ["not json", json.dumps({"id": 2, "text": "holiday in Phuket"}), '{"id": 3}']

    status = score_lines(lines, out, err)

    assert status == 1
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == [2]
    assert "line 1:" in err.getvalue()
    assert "line 3:" in err.getvalue()


def test_lines_are_written_as_they_are_read() -> None:
    """Streaming: the first answer exists before the input is exhausted."""
    out, err = io.StringIO(), io.StringIO()
    seen_before_second: list[str] = []

    def reports() -> Iterator[str]:
        yield json.dumps({"id": 1, "text": "a job offer in Dubai"})
        seen_before_second.append(out.getvalue())
        yield json.dumps({"id": 2, "text": "a job offer in Dubai"})

    score_lines(reports(), out, err)

    assert '"id": 1' in seen_before_second[0]
