"""The bench's table, its targets, and BENCHMARKS.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

Row = tuple[str, str, str]

# Appended to BENCHMARKS.md by every run: the profile-guided changes and their measured gains.
FINDINGS = Path(__file__).with_name("findings.md")


def _fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        text = f"{value:,.1f}"
    else:
        text = f"{value:,}" if isinstance(value, int) else str(value)
    return f"{text}{unit}"


def rows(latest: dict[str, Any]) -> list[Row]:
    """(what, figure, baseline) per line."""
    scoring, scoring_base = latest["scoring_msgs_per_s"], latest["scoring_baseline_msgs_per_s"]
    ratio = f" (ratio {scoring / scoring_base:.2f})" if scoring and scoring_base else ""
    table: list[Row] = [
        (
            "intake reports/s at p99 ≤ 100 ms",
            _fmt(latest["intake_reports_per_s"]),
            _fmt(latest["intake_baseline_per_s"]) + " (empty endpoint)",
        ),
        (
            "scoring msgs/s (consume → score → produce)",
            _fmt(scoring) + ratio,
            _fmt(scoring_base) + " (passthrough)",
        ),
        (
            "scoring CPU µs a message (its process)",
            _fmt(latest.get("scoring_cpu_us_per_msg")),
            _fmt(latest.get("scoring_baseline_cpu_us_per_msg")) + " (passthrough)",
        ),
        (
            "e2e p50 / p99 ms at 200 reports/s",
            f"{_fmt(latest['e2e_p50_ms'])} / {_fmt(latest['e2e_p99_ms'])}",
            f"{_fmt(latest['kafka_two_hop_p50_ms'])} / {_fmt(latest['kafka_two_hop_p99_ms'])}"
            " (Kafka two-hop)",
        ),
        (
            "e2e cold start p50 / p99 ms (3 s warm-up)",
            f"{_fmt(latest.get('e2e_cold_start_p50_ms'))} / "
            f"{_fmt(latest.get('e2e_cold_start_p99_ms'))}",
            "—",
        ),
        ("burst of 5,000: drain s", _fmt(latest["burst_drain_s"]), "—"),
    ]
    for service, mb in latest["rss_mb"].items():
        table.append((f"peak RSS {service} MB", _fmt(mb), "—"))
    return table


def targets(
    latest: dict[str, Any], details: dict[str, Any] | None = None
) -> list[tuple[str, str, bool | None]]:
    """(target, figure, met) — met is None when the figure is missing."""

    def check(value: Any, ok: bool) -> bool | None:
        return None if value is None else ok

    intake = latest["intake_reports_per_s"]
    scoring, base = latest["scoring_msgs_per_s"], latest["scoring_baseline_msgs_per_s"]
    ratio = scoring / base if scoring and base else None
    p99 = latest["e2e_p99_ms"]
    found: list[tuple[str, str, bool | None]] = [
        ("intake ≥ 1,000 reports/s at p99 ≤ 100 ms", _fmt(intake, "/s"),
         check(intake, (intake or 0) >= 1000)),
        ("scoring ≥ 0.5 × passthrough", "—" if ratio is None else f"{ratio:.2f}",
         check(ratio, (ratio or 0) >= 0.5)),
        ("e2e p99 ≤ 1,000 ms at 200 reports/s", _fmt(p99, " ms"),
         check(p99, (p99 or 0) <= 1000)),
        ("burst of 5,000 drained (reported)", _fmt(latest["burst_drain_s"], " s"),
         check(latest["burst_drain_s"], True)),
    ]  # fmt: skip
    steady = (details or {}).get("e2e", {}).get("steady")
    if p99 is None and steady and steady["delivered"] < steady["accepted"]:
        missing = steady["accepted"] - steady["delivered"]
        found[2] = (found[2][0], f"> {steady['wait_s']:.0f} s: {missing} of "
                    f"{steady['accepted']} not delivered {steady['wait_s']:.0f} s after the "
                    "last post", False)  # fmt: skip
    burst = (details or {}).get("e2e", {}).get("burst")
    if latest["burst_drain_s"] is None and burst:
        found[3] = (found[3][0], f"not drained: {burst['delivered']} of {burst['posted']} "
                    f"delivered within {burst['wait_s']:.0f} s "
                    f"({burst['delivered_per_s']}/s)", False)  # fmt: skip
    for service in ("intake", "scoring", "notify", "gateway"):
        mb = latest["rss_mb"].get(service)
        found.append((f"{service} peak RSS ≤ 250 MB", _fmt(mb, " MB"), check(mb, (mb or 0) <= 250)))
    return found


def _verdict(met: bool | None) -> str:
    return {True: "met", False: "NOT met", None: "not measured"}[met]


def render_table(latest: dict[str, Any], details: dict[str, Any] | None = None) -> str:
    table = rows(latest)
    width = max(len(r[0]) for r in table)
    fig = max(len(r[1]) for r in table)
    lines = [f"{'':{width}}  {'figure':>{fig}}  baseline (same run, same broker)"]
    lines += [f"{a:{width}}  {b:>{fig}}  {c}" for a, b, c in table]
    lines.append("")
    lines += [
        f"{_verdict(met):>12}  {what}: {figure}" for what, figure, met in targets(latest, details)
    ]
    return "\n".join(lines)


def render_doc(latest: dict[str, Any], details: dict[str, Any]) -> str:
    m = latest["machine"]
    out = [
        "# Benchmarks",
        "",
        "The latest figures of `make bench` (`python -m tools.bench`). Each figure stands beside",
        "a baseline measured in the same run on the same broker: absolute times drift on shared",
        "machines, the ratios much less. `var/bench/latest.json` holds the figures of the last",
        "full run, `var/bench/details.json` every step (a run of some phases, `--only`, writes",
        "`partial.json` and `partial-details.json` instead).",
        "",
        f"- run: {latest['started_at']}, command `{latest['command']}`, "
        f"{details.get('duration_s', '?')} s",
        f"- machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory_gb']} GB RAM, "
        f"Linux {m['kernel']}, Python {m['python']}; scoring engine "
        f"{m.get('scoring_engine', 'Python')}; one local Kafka 4.1 node on loopback"
        + (
            f"; 1-minute load average {m['load_avg'][0]} before, {m['load_avg'][1]} after"
            if m.get("load_avg")
            else ""
        ),
        "",
        "| what | figure | baseline |",
        "|---|---|---|",
    ]
    out += [f"| {a} | {b} | {c} |" for a, b, c in rows(latest)]
    out += ["", "## Targets", ""]
    out += [
        f"- {what}: **{_verdict(met)}** ({figure})"
        for what, figure, met in targets(latest, details)
    ]
    out += ["", "## How each figure is measured", "", METHOD]
    if FINDINGS.exists():  # hand-written: what was changed, what it gained, what remains
        out += ["", FINDINGS.read_text(encoding="utf-8").rstrip()]
    return "\n".join(out) + "\n"


METHOD = """\
- **intake**: the real `haruul-intake` with `HARUUL_INTAKE_WORKERS` set to the machine's cores
  (2 here: two uvicorn worker processes on one port, sharing rate limits and metrics; `haruul
  run` keeps the default of one) with a Bearer key, driven from a separate process by
  `tools/bench/loadgen.py` (asyncio, keep-alive connections), after a 6 s warm-up at concurrency
  16 (the first phase meets a fresh broker, whose JIT compiles the produce path over its first
  thousands of requests), at fixed concurrency 2, 4, 8, … 128 for 3 s each, stopping at the
  first step whose p99 exceeds 100 ms. The figure is the best rate of `202 Accepted` (each
  acknowledged by the broker, acks=all) among the steps with p99 ≤ 100 ms and no failures.
  Bodies: the hold-out and dev report texts. Baseline: `tools/bench/empty_app.py`, FastAPI +
  uvicorn with the same server settings and as many workers, answering the same POST with a
  constant 202, stepped the same way. The load generator shares the machine's two cores with the
  server.
- **scoring**: 10,000 reports (ReportV1, the hold-out and dev texts) pre-filled on
  `haruul.reports.v1` for a fresh consumer group; the real `haruul-scoring` process reads them
  and publishes 10,000 risk events. Rate from the 5th to the 100th percentile of outputs
  (counted by the topic's end offsets, read every 10 ms), so start-up and the group join are
  left out; over the same outputs, the CPU time of the consumer's process a message (since
  2026-12-05, 07:40 UTC; before, 2,000 reports read every 50 ms: the passthrough's drain
  lasted ~0.3 s, mostly its first fetches, and its rate read 20–40 % low). Baseline:
  `tools/bench/passthrough.py`, the same FastStream client and subscription
  (`haruul_common.kafka.subscribe`: a poll's records handled side by side, one commit per
  batch, publishes with acks=all) publishing each report unchanged. Three rounds of the
  baseline then scoring, alternating (since 2026-12-04; one round before): the figures are
  each side's median, `details.json` has every round and each pair's ratio. Every phase after
  the first starts after a 30 s pause (since 2026-12-05), so none inherits the last one's load.
- **e2e**: `haruul run --ports-from` (gateway, scoring, notify, intake as processes; the
  routing of `infra/local`) on the bench broker, with `HARUUL_NOTIFY_SMS_LIMIT` raised. Reports
  are the critical texts that name no contact (so each is its own case and pages at once,
  quiet hours notwithstanding), destination KH. First a warm-up of 3 s at 200/s, all delivered
  before going on (its latency is reported apart, as the cold start: the first reports meet every
  process's first fetch, first SMTP connections and empty caches); then a steady 200/s for 20 s.
  Latency runs from the client's `202` (wall clock) to the mtime of the SMS file the gateway
  writes inside `Deliver`/`DeliverMany` (same machine, same clock); `details.json` has the p99
  of each 2 s of the load, which tells a growing queue from a slow start. Baseline: produce →
  consume → produce → consume of the same payloads at 200/s with aiokafka (acks=all,
  idempotent producers, each relay send awaited).
- **burst**: 5,000 of those reports posted as fast as 64 connections allow; time from the first
  post to the last report's SMS file.
- **RSS**: peak resident memory (`VmHWM`) of each service process, read just before it stops
  (intake with workers: the sum over its supervisor and every process under it); intake and
  scoring take the highest of their bench phases and the platform run."""
