"""`make bench`: throughput, latency and memory of the platform, each beside a baseline.

    python -m tools.bench [--only intake,scoring,twohop,e2e] [--no-doc]

One broker for the whole run (KAFKA_BOOTSTRAP_SERVERS if set, else the project's LocalKafka), on
loopback. Phases, in order:

intake   the real `haruul-intake` (one worker a core), driven by tools.bench.loadgen (another
         process) at fixed concurrency 2, 4, 8, … 128 for a few seconds each; the figure is the
         best rate of 202s among the steps whose p99 ≤ 100 ms. Baseline: tools.bench.empty_app
         (as many workers), measured the same way.
scoring  N reports pre-filled for a fresh consumer group; the real `haruul-scoring` process
         consumes and publishes N risk events. Baseline: tools.bench.passthrough, the same
         FastStream client and subscription publishing each report unchanged. Three rounds,
         alternating; each side's median.
twohop   produce → consume → produce → consume of the same payloads at 200/s (aiokafka).
e2e      `haruul run --ports-from` (gateway, scoring, notify, intake as processes) in a temp dir:
         200 critical reports/s for 20 s, latency from the client's 202 to the SMS file the
         gateway writes inside Deliver (file mtime); then 5,000 reports at once, time until
         every one's SMS exists; then each service's peak RSS (VmHWM).

Prints a table; writes var/bench/latest.json, var/bench/details.json and BENCHMARKS.md. A run
of only some phases (`--only`) writes var/bench/partial.json and partial-details.json instead
and leaves BENCHMARKS.md alone, so the last full run's figures are never replaced by a part.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from haruul_common.local_kafka import LocalKafka, ensure_topics, start_group_at_end
from haruul_common.topics import REPORTS, RISK_EVENTS
from haruul_intake.api_keys import new_key, write_key_file
from haruul_platform.local_run import free_port_block, wait_until_healthy
from haruul_scoring.compiled_engine import describe_build
from tools.bench import kafka_io
from tools.bench.loadgen import percentile
from tools.bench.report import render_doc, render_table

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PHASES = ("intake", "scoring", "twohop", "e2e")
CONCURRENCY_STEPS = (2, 4, 8, 16, 32, 64, 128)
STEP_S = 3.0
WARM_UP_S = 6.0
# HARUUL_INTAKE_WORKERS for the intake phase: one a core, as a deployment would set it.
INTAKE_WORKERS = os.cpu_count() or 1
P99_LIMIT_MS = 100.0
SCORING_N = 10_000  # ~1 s of the passthrough: 2,000 (~0.3 s) read a fetch's ramp as its rate
SCORING_ROUNDS = 3  # passthrough then scoring, alternating; medians
# A pause before each phase after the first, so that none inherits the last one's load: right
# after intake's phase, scoring's ratio came out at 0.31-0.33, after a 30 s pause 0.43, and
# alone (`--only scoring`) 0.44-0.52 on the same code (2026-12-05).
SETTLE_S = 30.0
E2E_RATE, E2E_SECONDS = 200.0, 20.0
RATE_LIMIT_OUT_OF_REACH = 10_000_000  # reports a second, and tokens of burst
WARMUP_SECONDS = 3.0  # at E2E_RATE, delivered before the steady phase starts
BURST = 5000
STEADY_WAIT_S, BURST_WAIT_S = 75.0, 180.0


def _p99_by_window(
    accepted: dict[str, float], delivered: dict[str, float], window_s: float
) -> list[float | None]:
    """p99 latency (ms; None: some never delivered) of the reports accepted in each `window_s`."""
    if not accepted:
        return []
    began = min(accepted.values())
    windows: dict[int, list[float]] = {}
    for report_id, at in accepted.items():
        latency = delivered[report_id] - at if report_id in delivered else float("inf")
        windows.setdefault(int((at - began) // window_s), []).append(latency)
    return [_ms(percentile(windows[n], 0.99)) for n in sorted(windows)]


def _ms(seconds: float) -> float | None:
    """Milliseconds, or None for a report never delivered (inf) or no data (nan)."""
    return None if seconds != seconds or seconds == float("inf") else round(seconds * 1000, 1)


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


# --- texts ------------------------------------------------------------------------------------


def load_texts() -> list[str]:
    """Report texts from the hold-out set and (when present) the shared dev set."""
    files = [REPO / "tests" / "data" / "holdout-reports.jsonl"]
    shared = REPO.parent / "shared" / "eval" / "dev-reports.jsonl"
    if shared.exists():
        files.append(shared)
    texts = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(str(json.loads(line)["text"]))
    return texts


def critical_without_contacts(texts: Sequence[str]) -> list[str]:
    """Texts the engine rates critical that name no contact: each report is its own case."""
    from haruul_scoring.domain.cases import contact_keys
    from haruul_scoring.domain.engine import assess
    from haruul_scoring.domain.entities import extract_entities

    return [
        text
        for text in texts
        if assess(text).level.value == "critical" and not contact_keys(extract_entities(text))
    ]


def write_bodies(path: Path, texts: Sequence[str], **fields: str) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for text in texts:
            out.write(json.dumps({"text": text, "channel": "hotline", **fields}) + "\n")
    return path


# --- processes --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_http(port: int, process: subprocess.Popen[bytes], timeout_s: float = 60.0) -> None:
    wait_until_healthy(port, {str(process.args): process}, timeout_s)


@contextmanager
def service(
    command: list[str], env: dict[str, str], log_file: Path
) -> Iterator[subprocess.Popen[bytes]]:
    with log_file.open("wb") as sink:
        process = subprocess.Popen(
            command, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float:
    """VmHWM: the process's peak resident set so far."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def service_rss_mb(pid: int) -> float:
    """Peak resident set of a service: its process's, plus its workers' when it has some (the
    multiprocessing helpers they start included)."""
    return round(peak_rss_mb(pid) + sum(service_rss_mb(child) for child in children(pid)), 1)


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    return found


def loadgen(mode: str, port: int, bodies: Path, key: str | None, *options: str,
            timeout_s: float = 200.0) -> dict[str, Any]:  # fmt: skip
    command = [sys.executable, "-m", "tools.bench.loadgen", mode, "--port", str(port)]
    command += ["--bodies", str(bodies), *options]
    if key is not None:
        command += ["--header", f"Authorization: Bearer {key}"]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=timeout_s)
    if done.returncode != 0:  # say why, not only that it failed
        why = done.stderr.strip().splitlines()[-3:] or ["(nothing on standard error)"]
        raise RuntimeError(f"loadgen {mode} exited {done.returncode}: " + " | ".join(why))
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- phases -----------------------------------------------------------------------------------


def step_up(port: int, bodies: Path, key: str | None) -> dict[str, Any]:
    """Throughput at rising concurrency; the best with p99 ≤ 100 ms and no failures."""
    # Warm-up: the server's first requests, and the broker's JIT when this is the first phase
    # on a fresh broker (its produce path is compiled over the first several thousand requests).
    loadgen("closed", port, bodies, key, "--concurrency", "16", "--seconds", str(WARM_UP_S))
    steps = []
    for concurrency in CONCURRENCY_STEPS:
        result = loadgen(
            "closed", port, bodies, key, "--concurrency", str(concurrency),
            "--seconds", str(STEP_S),
        )  # fmt: skip
        result["concurrency"] = concurrency
        steps.append(result)
        log(f"  c={concurrency:<3} {result['ok_per_s']:>8.1f}/s p99 {result['p99_ms']} ms")
        if result["p99_ms"] > P99_LIMIT_MS:
            break
    good = [
        s for s in steps
        if s["p99_ms"] <= P99_LIMIT_MS and s["ok"] == s["requests"] and not s["errors"]
    ]  # fmt: skip
    best = max(good, key=lambda s: s["ok_per_s"], default=None)
    return {"best": best, "steps": steps}


def phase_intake(
    bootstrap: str, work: Path, texts: Sequence[str], rss: dict[str, float]
) -> dict[str, Any]:
    bodies = write_bodies(work / "intake-bodies.jsonl", texts)
    key = new_key()
    write_key_file(work / "intake-api-keys", "bench-hotline", key)
    port = free_port()
    env = {
        **os.environ,
        "HARUUL_ENV": "development",
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "HARUUL_INTAKE_HOST": "127.0.0.1",
        "HARUUL_INTAKE_PORT": str(port),
        "HARUUL_INTAKE_API_KEYS_FILE": str(work / "intake-api-keys"),
        "HARUUL_INTAKE_STATE_DB": str(work / "intake.db"),
        "HARUUL_INTAKE_WORKERS": str(INTAKE_WORKERS),
        # The phase measures what intake can take, not the per-integration limit (2,000/s by
        # default, with a burst of 10,000): its 429s would count as failed steps.
        "HARUUL_INTAKE_RATE_LIMIT_PER_S": str(RATE_LIMIT_OUT_OF_REACH),
        "HARUUL_INTAKE_RATE_LIMIT_BURST": str(RATE_LIMIT_OUT_OF_REACH),
    }
    log(f"intake: haruul-intake, {INTAKE_WORKERS} workers")
    with service([str(BIN / "haruul-intake")], env, work / "intake.log") as process:
        wait_http(port, process)
        real = step_up(port, bodies, key)
        rss["intake"] = max(rss.get("intake", 0.0), service_rss_mb(process.pid))
    log("intake: baseline (empty endpoint, same stack, same workers)")
    port = free_port()
    command = [sys.executable, "-m", "tools.bench.empty_app", str(port), str(INTAKE_WORKERS)]
    with service(command, {**os.environ, "PYTHONPATH": str(REPO)}, work / "empty.log") as process:
        wait_http(port, process)
        baseline = step_up(port, bodies, key)
    return {"workers": INTAKE_WORKERS, "intake": real, "baseline": baseline}


def drain_rate(
    bootstrap: str, topic: str, command: list[str], env: dict[str, str], log_file: Path,
    payloads: Sequence[tuple[bytes, bytes]], group_id: str, rss_key: str | None,
    rss: dict[str, float],
) -> dict[str, Any]:  # fmt: skip
    """Pre-fill, start the consumer, time N outputs (from the 5th percentile of them on), and
    the consumer's CPU over the same outputs."""
    start_group_at_end(bootstrap, group_id, REPORTS.name)
    kafka_io.prefill(bootstrap, REPORTS.name, payloads)
    counter = kafka_io.OffsetCounter(bootstrap, topic)
    before, total = counter.count(), len(payloads)
    warm = max(1, total // 20)
    mark: tuple[float, int, float] | None = None  # (time, outputs, consumer's CPU seconds)
    done_at, produced, cpu_used = None, 0, 0.0
    try:
        with service(command, env, log_file) as process:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and process.poll() is None:
                produced = counter.count() - before
                now = time.perf_counter()
                if mark is None and produced >= warm:
                    mark = (now, produced, cpu_seconds(process.pid))
                if produced >= total:
                    done_at = now
                    if mark is not None:
                        cpu_used = cpu_seconds(process.pid) - mark[2]
                    break
                time.sleep(0.01)
            if rss_key is not None:
                rss[rss_key] = max(rss.get(rss_key, 0.0), peak_rss_mb(process.pid))
    finally:
        counter.close()
    rate = cpu_us = None
    if mark is not None and done_at is not None and done_at > mark[0]:
        rate = round((total - mark[1]) / (done_at - mark[0]), 1)
        cpu_us = round(cpu_used / (total - mark[1]) * 1e6, 1)
    return {"messages": total, "produced": produced, "msgs_per_s": rate, "cpu_us_per_msg": cpu_us}


def phase_scoring(
    bootstrap: str, work: Path, texts: Sequence[str], rss: dict[str, float]
) -> dict[str, Any]:
    """`SCORING_ROUNDS` rounds of the passthrough then scoring, each on its own N reports: the
    machine's speed drifts within a minute, and one pair of ~1 s drains swung the ratio by
    ±15 %. The figures are each side's median; the ratio of every pair is kept too."""
    baselines: list[dict[str, Any]] = []
    scorings: list[dict[str, Any]] = []
    for number in range(1, SCORING_ROUNDS + 1):
        log(f"scoring: round {number}, baseline passthrough, {SCORING_N} reports")
        baselines.append(_drain_passthrough(bootstrap, work, texts, number))
        log(f"scoring: round {number}, haruul-scoring, {SCORING_N} reports")
        scorings.append(_drain_scoring(bootstrap, work, texts, rss, number))
        base, real = baselines[-1]["msgs_per_s"], scorings[-1]["msgs_per_s"]
        log(f"  passthrough {base}/s, scoring {real}/s")
    return {
        "scoring": _median_rate(scorings),
        "baseline": _median_rate(baselines),
        "ratios": [
            round(real["msgs_per_s"] / base["msgs_per_s"], 3)
            for real, base in zip(scorings, baselines, strict=True)
            if real["msgs_per_s"] and base["msgs_per_s"]
        ],
    }


def _median_rate(runs: list[dict[str, Any]]) -> dict[str, Any]:
    def median(key: str) -> float | None:
        values = [run[key] for run in runs if run[key]]
        return round(statistics.median(values), 1) if values else None

    return {"msgs_per_s": median("msgs_per_s"), "cpu_us_per_msg": median("cpu_us_per_msg"),
            "runs": runs}  # fmt: skip


def _drain_passthrough(
    bootstrap: str, work: Path, texts: Sequence[str], number: int
) -> dict[str, Any]:
    topic = f"haruul.bench.passthrough.{uuid.uuid4().hex[:8]}"
    kafka_io.create_topics(bootstrap, [topic])
    try:
        group = f"bench-passthrough-{uuid.uuid4().hex[:8]}"
        return drain_rate(
            bootstrap, topic,
            [sys.executable, "-m", "tools.bench.passthrough", group, topic],
            {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "PYTHONPATH": str(REPO)},
            work / f"passthrough-{number}.log", kafka_io.report_payloads(texts, SCORING_N), group,
            None, {},
        )  # fmt: skip
    finally:
        kafka_io.delete_topics(bootstrap, [topic])


def _drain_scoring(
    bootstrap: str, work: Path, texts: Sequence[str], rss: dict[str, float], number: int
) -> dict[str, Any]:
    group = f"bench-scoring-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "HARUUL_ENV": "development",
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "HARUUL_SCORING_GROUP_ID": group,
        "HARUUL_SCORING_CASE_DB": str(work / f"scoring-cases-{number}.db"),
        "HARUUL_SCORING_METRICS_PORT": str(free_port()),
    }
    return drain_rate(
        bootstrap, RISK_EVENTS.name, [str(BIN / "haruul-scoring")], env,
        work / f"scoring-{number}.log", kafka_io.report_payloads(texts, SCORING_N), group,
        "scoring", rss,
    )  # fmt: skip


def phase_twohop(bootstrap: str, texts: Sequence[str]) -> dict[str, Any]:
    count = int(E2E_RATE * 10)
    log(f"twohop: {count} messages at {E2E_RATE:.0f}/s")
    result = asyncio.run(
        kafka_io.two_hop(bootstrap, kafka_io.report_payloads(texts, count), E2E_RATE, 60.0)
    )
    latencies = result.pop("latencies_s")
    result["p50_ms"] = round(percentile(latencies, 0.5) * 1000, 1)
    result["p99_ms"] = round(percentile(latencies, 0.99) * 1000, 1)
    log(f"  p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms")
    return result


class SmsOutbox:
    """report_id → mtime of its SMS file, read incrementally."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.seen: set[str] = set()
        self.delivered: dict[str, float] = {}

    def scan(self) -> None:
        if not self.directory.exists():
            return
        for entry in os.scandir(self.directory):
            if entry.name in self.seen or not entry.name.endswith(".json"):
                continue
            try:
                report_id = json.loads(Path(entry.path).read_text(encoding="utf-8"))["report_id"]
                mtime = entry.stat().st_mtime
            except (OSError, ValueError, KeyError):
                continue
            self.seen.add(entry.name)
            self.delivered.setdefault(report_id, mtime)

    def wait_for(self, ids: Sequence[str], until: float) -> None:
        while time.monotonic() < until:
            self.scan()
            if all(i in self.delivered for i in ids):
                return
            time.sleep(0.25)


def read_ids(path: Path) -> dict[str, float]:
    accepted = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        accepted[row["report_id"]] = float(row["at"])
    return accepted


def phase_e2e(
    bootstrap: str, work: Path, texts: Sequence[str], rss: dict[str, float]
) -> dict[str, Any]:
    root = work / "platform"
    shutil.copytree(REPO / "infra" / "local", root / "infra" / "local")
    first = free_port_block(9)
    groups = {
        "HARUUL_SCORING_GROUP_ID": f"bench-scoring-{uuid.uuid4().hex[:8]}",
        "HARUUL_NOTIFY_GROUP_ID": f"bench-notify-{uuid.uuid4().hex[:8]}",
    }
    start_group_at_end(bootstrap, groups["HARUUL_SCORING_GROUP_ID"], REPORTS.name)
    start_group_at_end(bootstrap, groups["HARUUL_NOTIFY_GROUP_ID"], RISK_EVENTS.name)
    env = {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "HARUUL_NOTIFY_SMS_LIMIT": "1000000",
        **groups,
    }
    bodies = write_bodies(work / "e2e-bodies.jsonl", texts, destination_country="KH")
    result: dict[str, Any] = {"critical_texts": len(texts)}
    log_file = work / "platform.log"
    log("e2e: haruul run --ports-from")
    with log_file.open("wb") as sink:
        process = subprocess.Popen(
            [str(BIN / "haruul"), "run", "--ports-from", str(first)],
            cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=sink, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while b"Ctrl-C stops everything" not in log_file.read_bytes():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"haruul run did not start; see {log_file}")
            time.sleep(0.3)
        key = (root / "var" / "dev-api-key").read_text(encoding="utf-8").strip()
        outbox = SmsOutbox(root / "var" / "outbox" / "sms")

        # The first reports after start-up meet cold paths in every process (the consumers'
        # first fetches, SMTP connections opened, caches filled): a few seconds of load,
        # delivered before the steady phase, keep that start-up out of the steady figures.
        log(f"e2e warm-up: {E2E_RATE:.0f} reports/s for {WARMUP_SECONDS:.0f} s")
        ids = work / "warmup-ids.jsonl"
        loadgen(
            "rate", first, bodies, key, "--rate", str(E2E_RATE), "--seconds", str(WARMUP_SECONDS),
            "--concurrency", "32", "--ids", str(ids), "--deadline-s", "60",
        )  # fmt: skip
        warm = read_ids(ids)
        outbox.wait_for(list(warm), time.monotonic() + STEADY_WAIT_S)
        cold = [outbox.delivered[i] - at for i, at in warm.items() if i in outbox.delivered]
        result["warmup"] = {
            "offered": int(E2E_RATE * WARMUP_SECONDS),
            "delivered": len(cold),
            "p50_ms": _ms(percentile(cold, 0.5)) if cold else None,
            "p99_ms": _ms(percentile(cold, 0.99)) if cold else None,
        }
        log(f"  {result['warmup']}")

        log(f"e2e: {E2E_RATE:.0f} reports/s for {E2E_SECONDS:.0f} s")
        ids = work / "e2e-ids.jsonl"
        steady = loadgen(
            "rate", first, bodies, key, "--rate", str(E2E_RATE), "--seconds", str(E2E_SECONDS),
            "--concurrency", "32", "--ids", str(ids), "--deadline-s", "60",
        )  # fmt: skip
        accepted = read_ids(ids)
        outbox.wait_for(list(accepted), time.monotonic() + STEADY_WAIT_S)
        latencies = [
            outbox.delivered[i] - at for i, at in accepted.items() if i in outbox.delivered
        ]
        # A report not delivered within the wait counts as slower than every delivered one.
        ranked = latencies + [float("inf")] * (len(accepted) - len(latencies))
        result["steady"] = {
            "offered": int(E2E_RATE * E2E_SECONDS),
            "accepted": len(accepted),
            "intake_p99_ms": steady["p99_ms"],
            "delivered": len(latencies),
            "wait_s": STEADY_WAIT_S,
            "p50_ms": _ms(percentile(ranked, 0.5)),
            "p99_ms": _ms(percentile(ranked, 0.99)),
            "max_delivered_ms": _ms(max(latencies, default=float("nan"))),
            # whether the tail is the first seconds (start-up) or the load (a growing queue)
            "p99_ms_by_2s_of_load": _p99_by_window(accepted, outbox.delivered, 2.0),
        }
        log(f"  {result['steady']}")

        log(f"burst: {BURST} reports at once")
        ids = work / "burst-ids.jsonl"
        burst = loadgen(
            "burst", first, bodies, key, "--count", str(BURST), "--concurrency", "64",
            "--ids", str(ids), "--deadline-s", "120",
        )  # fmt: skip
        accepted = read_ids(ids)
        outbox.wait_for(list(accepted), time.monotonic() + BURST_WAIT_S)
        delivered = [outbox.delivered[i] for i in accepted if i in outbox.delivered]
        complete = len(delivered) == len(accepted) == BURST
        last = max(delivered, default=burst["began_at"])
        result["burst"] = {
            "posted": BURST,
            "accepted": len(accepted),
            "post_s": burst["elapsed_s"],
            "intake_p99_ms": burst["p99_ms"],
            "delivered": len(delivered),
            "wait_s": BURST_WAIT_S,
            "drain_s": round(last - burst["began_at"], 1) if complete else None,
            "delivered_per_s": round(len(delivered) / (last - burst["began_at"]), 1)
            if delivered
            else None,
        }
        log(f"  {result['burst']}")

        names = {"haruul-intake": "intake", "haruul-scoring": "scoring",
                 "haruul-notify": "notify", "haruul-gateway": "gateway"}  # fmt: skip
        for pid in children(process.pid):
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            program = " ".join(part.decode(errors="replace") for part in cmdline[:2])
            for program_name, name in names.items():
                if program_name in program:
                    rss[name] = max(rss.get(name, 0.0), peak_rss_mb(pid))
        rss_supervisor = peak_rss_mb(process.pid)
        result["rss_supervisor_mb"] = rss_supervisor
    finally:
        stop(process, signal.SIGINT)
    return result


# --- the run ----------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    return {
        "nproc": os.cpu_count(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "cpu": cpu,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "scoring_engine": describe_build(),
    }


@contextmanager
def broker() -> Iterator[str]:
    existing = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if existing:
        ensure_topics(existing)
        yield existing
        return
    with LocalKafka() as kafka:
        yield kafka.bootstrap_servers


def run(phases: Sequence[str], write_doc: bool, command: str) -> int:
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    load_before = os.getloadavg()[0]
    began = time.monotonic()
    texts = load_texts()
    rss: dict[str, float] = {}
    details: dict[str, Any] = {}
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="haruul-bench-")))
        log("starting the broker")
        bootstrap = stack.enter_context(broker())
        steps: dict[str, Callable[[], dict[str, Any]]] = {
            "intake": lambda: phase_intake(bootstrap, work, texts, rss),
            "scoring": lambda: phase_scoring(bootstrap, work, texts, rss),
            "twohop": lambda: phase_twohop(bootstrap, texts),
            "e2e": lambda: phase_e2e(bootstrap, work, critical_without_contacts(texts), rss),
        }
        for number, phase in enumerate(p for p in PHASES if p in phases):
            if number:
                log(f"settling {SETTLE_S:.0f} s before the {phase} phase")
                time.sleep(SETTLE_S)
            try:
                details[phase] = steps[phase]()
            except Exception as error:  # one failed phase must not hide the others' figures
                log(f"{phase} failed: {type(error).__name__}: {error}")
                details[phase] = {"error": f"{type(error).__name__}: {error}"}
    details["duration_s"] = round(time.monotonic() - began, 1)
    latest = figures(details, rss)
    latest.update(machine=machine(), command=command, started_at=started_at)
    # The machine is shared: the 1-minute load average before and after tells how busy it was.
    latest["machine"]["load_avg"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    out = REPO / "var" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    figures_name, details_name = output_names(phases)
    (out / figures_name).write_text(json.dumps(latest, indent=2) + "\n", encoding="utf-8")
    (out / details_name).write_text(json.dumps(details, indent=2) + "\n", encoding="utf-8")
    print(render_table(latest, details))
    written = f"var/bench/{figures_name} and var/bench/{details_name}"
    print(f"\n{details['duration_s']} s; wrote {written}")
    if write_doc and is_full(phases):
        (REPO / "BENCHMARKS.md").write_text(render_doc(latest, details), encoding="utf-8")
        print("wrote BENCHMARKS.md")
    return 0  # a missed target is reported, not an error: the figures are what matter


def is_full(phases: Sequence[str]) -> bool:
    return set(PHASES) <= set(phases)


def output_names(phases: Sequence[str]) -> tuple[str, str]:
    """Where a run's figures and details go: a partial run never overwrites the full run's."""
    if is_full(phases):
        return "latest.json", "details.json"
    return "partial.json", "partial-details.json"


def _get(tree: dict[str, Any], *path: str) -> Any:
    node: Any = tree
    for part in path:
        if not isinstance(node, dict) or node.get(part) is None:
            return None
        node = node[part]
    return node


def figures(details: dict[str, Any], rss: dict[str, float]) -> dict[str, Any]:
    return {
        "intake_reports_per_s": _get(details, "intake", "intake", "best", "ok_per_s"),
        "intake_baseline_per_s": _get(details, "intake", "baseline", "best", "ok_per_s"),
        "scoring_msgs_per_s": _get(details, "scoring", "scoring", "msgs_per_s"),
        "scoring_baseline_msgs_per_s": _get(details, "scoring", "baseline", "msgs_per_s"),
        "scoring_cpu_us_per_msg": _get(details, "scoring", "scoring", "cpu_us_per_msg"),
        "scoring_baseline_cpu_us_per_msg": _get(details, "scoring", "baseline", "cpu_us_per_msg"),
        "e2e_p50_ms": _get(details, "e2e", "steady", "p50_ms"),
        "e2e_cold_start_p50_ms": _get(details, "e2e", "warmup", "p50_ms"),
        "e2e_cold_start_p99_ms": _get(details, "e2e", "warmup", "p99_ms"),
        "e2e_p99_ms": _get(details, "e2e", "steady", "p99_ms"),
        "kafka_two_hop_p50_ms": _get(details, "twohop", "p50_ms"),
        "kafka_two_hop_p99_ms": _get(details, "twohop", "p99_ms"),
        "burst_drain_s": _get(details, "e2e", "burst", "drain_s"),
        "rss_mb": dict(sorted(rss.items())),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench")
    parser.add_argument("--only", default=",".join(PHASES), help="phases, comma-separated")
    parser.add_argument("--no-doc", action="store_true", help="leave BENCHMARKS.md alone")
    args = parser.parse_args(argv)
    phases = [p for p in args.only.split(",") if p]
    unknown = set(phases) - set(PHASES)
    if unknown:
        parser.error(f"unknown phases: {', '.join(sorted(unknown))}")
    command = "make bench" if os.environ.get("MAKELEVEL") else "python -m tools.bench"
    if argv or sys.argv[1:]:
        command = "python -m tools.bench " + " ".join(argv or sys.argv[1:])
    return run(phases, not args.no_doc, command)


if __name__ == "__main__":
    sys.exit(main())
