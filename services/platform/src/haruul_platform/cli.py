"""`haruul`: the command-line tool for people running the platform.

haruul run              the whole platform locally, with a demo (what `make run` calls)
haruul broker           only the local Kafka broker, in the foreground
haruul score [FILE]     score reports given as JSON lines (stdin when FILE is omitted)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from haruul_common.local_kafka import LocalKafkaError


def _repo_root() -> Path:
    """The checkout holding infra/ and var/: the current directory, or the one above it."""
    for candidate in (Path.cwd(), *Path.cwd().parents):
        if (candidate / "infra" / "local" / "roster.yaml").is_file():
            return candidate
    raise SystemExit(
        "haruul: run this inside the Haruul checkout (infra/local/roster.yaml not found)"
    )


def _run(arguments: argparse.Namespace) -> int:
    from haruul_platform.local_run import LocalPorts, LocalRunError, run_local

    ports = LocalPorts.consecutive(arguments.ports_from) if arguments.ports_from else LocalPorts()
    try:
        return run_local(_repo_root(), ports)
    except (LocalRunError, LocalKafkaError) as error:
        print(f"haruul: {error}", file=sys.stderr)
        return 1


def _broker(_: argparse.Namespace) -> int:
    from haruul_common.local_kafka import main as broker_main

    return broker_main()


def _score(arguments: argparse.Namespace) -> int:
    from haruul_platform.score_command import score_lines

    if arguments.file == "-":
        return score_lines(sys.stdin, sys.stdout, sys.stderr)
    with open(arguments.file, encoding="utf-8") as lines:
        return score_lines(lines, sys.stdout, sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="haruul", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the whole platform locally")
    run.add_argument(
        "--ports-from",
        type=int,
        metavar="PORT",
        help="use six consecutive ports from PORT instead of 8080, 50051, 2525, 9102-9104",
    )
    run.set_defaults(func=_run)
    commands.add_parser("broker", help="run only the local Kafka broker").set_defaults(func=_broker)
    score = commands.add_parser("score", help="score JSON-lines reports")
    score.add_argument("file", nargs="?", default="-", help="JSON lines; '-' for stdin")
    score.set_defaults(func=_score)
    return parser


def main(argv: list[str] | None = None) -> None:
    arguments = build_parser().parse_args(argv)
    sys.exit(arguments.func(arguments))


if __name__ == "__main__":
    main()
