"""The compiled engine is used only when built from the current sources, and scores exactly as
the Python engine does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import haruul_scoring.domain as domain
from haruul_scoring import build_engine
from haruul_scoring.bench_corpus import build_corpus
from haruul_scoring.compiled_engine import (
    BUILDS_DIR,
    COMPLETE,
    NATIVE_MODULE,
    SWITCH,
    build_dir,
    describe_build,
    is_compiled,
    prefer_compiled,
    will_run_compiled,
)

HOLDOUT = Path(__file__).resolve().parents[2] / "data" / "holdout-reports.jsonl"


def _fake_build(builds_dir: Path, name: str, *, complete: bool) -> Path:
    build = builds_dir / name
    (build / "haruul_scoring" / "domain").mkdir(parents=True)
    (build / "0123abcd__mypyc.cpython-311-x86_64-linux-gnu.so").write_bytes(b"not a library")
    if complete:
        (build / COMPLETE).write_text(name + "\n")
    return build


def test_without_a_build_the_engine_runs_as_python(tmp_path: Path) -> None:
    path_before = list(domain.__path__)

    assert prefer_compiled(tmp_path) is False
    assert list(domain.__path__) == path_before


def test_a_build_of_other_sources_is_never_used(tmp_path: Path) -> None:
    _fake_build(tmp_path, "0000000000000000", complete=True)

    assert prefer_compiled(tmp_path) is False


def test_a_build_cut_short_is_never_used(tmp_path: Path) -> None:
    _fake_build(tmp_path, build_dir(tmp_path).name, complete=False)

    assert prefer_compiled(tmp_path) is False


def test_the_switch_turns_the_build_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_build(tmp_path, build_dir(tmp_path).name, complete=True)
    monkeypatch.setenv(SWITCH, "0")

    assert prefer_compiled(tmp_path) is False


def test_a_bad_switch_value_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SWITCH, "yes")

    with pytest.raises(ValueError, match=f"{SWITCH} must be 0 .* or 1, not 'yes'"):
        prefer_compiled()


def test_without_a_compiler_the_build_says_so_and_the_engine_stays_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))  # no mypyc beside

    build_engine.main(tmp_path / "engine")

    assert "could not be compiled" in capsys.readouterr().err
    assert will_run_compiled(tmp_path / "engine") is False


def test_the_benchmarks_say_which_parts_of_the_engine_run_compiled(tmp_path: Path) -> None:
    assert describe_build(tmp_path) == "Python"
    build = _fake_build(tmp_path, build_dir(tmp_path).name, complete=True)
    assert describe_build(tmp_path) == "compiled (mypyc; key pass and second reader in Python)"
    (build / f"{NATIVE_MODULE}.cpython-311-x86_64-linux-gnu.so").write_bytes(b"not a library")
    assert describe_build(tmp_path) == "compiled (mypyc; key pass and second reader in Rust)"


def test_the_engine_runs_compiled_exactly_when_a_current_build_exists() -> None:
    assert is_compiled() is will_run_compiled()


def _score(path: Path, compiled: str) -> bytes:
    haruul = Path(sys.executable).with_name("haruul")
    run = subprocess.run(
        [str(haruul), "score", str(path)],
        env={**os.environ, SWITCH: compiled},
        capture_output=True,
        check=True,
    )
    return run.stdout


@pytest.mark.skipif(
    not (build_dir(BUILDS_DIR) / COMPLETE).exists(),
    reason="no compiled engine for these sources; `make engine` builds it",
)
def test_compiled_and_python_engines_score_alike(tmp_path: Path) -> None:
    # the held-out reports (five language variants) and the benchmark's 1-2 KB reports
    reports = tmp_path / "reports.jsonl"
    lines = [line for line in HOLDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines += [
        json.dumps({"id": f"bench-{index}", "text": text}, ensure_ascii=False)
        for index, text in enumerate(build_corpus(300))
    ]
    reports.write_text("\n".join(lines) + "\n", encoding="utf-8")

    compiled, python = _score(reports, "1"), _score(reports, "0")

    assert compiled.count(b"\n") == len(lines)
    assert compiled == python
