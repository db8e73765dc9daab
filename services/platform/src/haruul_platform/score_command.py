"""`haruul score`: one JSON line in (`{"id": ..., "text": ...}`), one JSON line out.

Streams line by line, so memory stays flat however long the input. A line that is not a
report is answered on stderr with its line number and skipped; the exit code is then 1.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from haruul_scoring.assessment_fields import assessment_fields
from haruul_scoring.domain.engine import assess
from haruul_scoring.domain.entities import Entity, extract_entities
from haruul_scoring.domain.model import Assessment


def assessment_json(
    report_id: object, assessment: Assessment, entities: tuple[Entity, ...]
) -> dict[str, Any]:
    return {"id": report_id, **assessment_fields(assessment, entities)}


def score_lines(lines: Iterable[str], out: TextIO, err: TextIO) -> int:
    failures = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            report = json.loads(line)
            text = report["text"]
            if not isinstance(text, str):
                raise TypeError
        except (json.JSONDecodeError, KeyError, TypeError):
            print(f"line {number}: not a JSON object with a string 'text'", file=err)
            failures += 1
            continue
        result = assessment_json(report.get("id"), assess(text), extract_entities(text))
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 1 if failures else 0
