"""`make chaos`: faults under steady load, then `lost=N duplicates=M`; exit 1 unless both are 0.

    python -m tools.chaos [--quick] [--phases single,scale]
                          [--faults intake,scoring,notify,gateway,broker] [--rate R] ...

Starts its own Kafka broker (it is restarted during the run, so never a shared one), the
services as processes on free loopback ports, an SMTP sink, and for `scale` a throwaway
PostgreSQL cluster. Progress goes to stderr; the final table to stdout; the result as JSON and
every service's log to the work dir (var/chaos/latest by default). `--quick` is the CI-sized
run that tests/integration/test_chaos.py makes.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from tools.chaos.report import as_json, render
from tools.chaos.run import FAULTS, PHASES, Chaos, ChaosConfig

REPO = Path(__file__).resolve().parents[2]


def quick_config(work_dir: Path) -> ChaosConfig:
    """A few seconds per fault at a small rate: the whole run in about a minute."""
    return ChaosConfig(
        work_dir=work_dir,
        rate=6.0,
        settle_s=1.5,
        down_s=1.0,
        broker_down_s=2.0,
        scale_down_s=2.0,
        escalate_after_s=3,
        publish_timeout_s=3.0,
        retry_grace_s=8.0,
        drain_timeout_s=60.0,
        quiet_s=2.0,
        progress_s=5.0,
    )


def _names(text: str, allowed: Sequence[str], parser: argparse.ArgumentParser) -> tuple[str, ...]:
    names = tuple(n for n in text.split(",") if n)
    unknown = set(names) - set(allowed)
    if unknown:
        parser.error(f"unknown: {', '.join(sorted(unknown))} (choose from {', '.join(allowed)})")
    return names


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.chaos", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="the CI-sized run")
    parser.add_argument("--phases", help=f"comma-separated, from {','.join(PHASES)}")
    parser.add_argument(
        "--faults", help=f"single session's faults, in order, from {','.join(FAULTS)}"
    )
    parser.add_argument("--rounds", type=int, help="repeat the single session's faults")
    parser.add_argument("--rate", type=float, help="reports offered per second")
    parser.add_argument("--settle", type=float, help="seconds of load before each fault")
    parser.add_argument("--down", type=float, help="seconds a killed process stays down")
    parser.add_argument("--broker-down", type=float, help="seconds the broker stays down")
    parser.add_argument("--broker-stop", choices=("term", "kill"), help="how the broker is stopped")
    parser.add_argument("--scale-down", type=float, help="seconds a killed instance stays down")
    parser.add_argument("--escalate-after", type=int, help="seconds before critical escalates")
    parser.add_argument("--drain-timeout", type=float, help="max seconds to wait for every page")
    parser.add_argument("--work-dir", type=Path, default=REPO / "var" / "chaos" / "latest")
    args = parser.parse_args(argv)
    config = quick_config(args.work_dir) if args.quick else ChaosConfig(work_dir=args.work_dir)
    chosen = {
        "rounds": args.rounds,
        "rate": args.rate,
        "settle_s": args.settle,
        "down_s": args.down,
        "broker_down_s": args.broker_down,
        "broker_stop": args.broker_stop,
        "scale_down_s": args.scale_down,
        "escalate_after_s": args.escalate_after,
        "drain_timeout_s": args.drain_timeout,
        "phases": _names(args.phases, PHASES, parser) if args.phases else None,
        "faults": _names(args.faults, FAULTS, parser) if args.faults is not None else None,
    }
    config = dataclasses.replace(config, **{k: v for k, v in chosen.items() if v is not None})
    result = Chaos(config).run()
    print(render(result), flush=True)
    (config.work_dir / "result.json").write_text(
        json.dumps(as_json(result), indent=2) + "\n", encoding="utf-8"
    )
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())
