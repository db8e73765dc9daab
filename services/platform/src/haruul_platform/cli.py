"""`haruul`: the command-line tool for people running the platform.

haruul run              the whole platform locally, with a demo (what `make run` calls)
haruul broker           only the local Kafka broker, in the foreground
haruul score [FILE]     score reports given as JSON lines (stdin when FILE is omitted)
haruul keys KIND ID     a fresh integration key, signing secret or sealing key
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from haruul_common.local_kafka import LocalKafkaError


def _repo_root() -> Path:
    """The checkout holding infra/ and var/: the current directory, or the one above it."""
    for candidate in (Path.cwd(), *Path.cwd().parents):
        if (candidate / "infra" / "local" / "routing.yaml").is_file():
            return candidate
    raise SystemExit(
        "haruul: run this inside the Haruul checkout (infra/local/routing.yaml not found)"
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

    with _open_input(arguments.file, "score") as lines:
        return score_lines(lines, sys.stdout, sys.stderr)


def _open_input(name: str, command: str) -> TextIO:
    """The input file, or standard input for "-"; a file that cannot be opened ends the
    command with its name and the reason (exit status 2), not a traceback."""
    if name == "-":
        return sys.stdin
    try:
        return open(name, encoding="utf-8")
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(f"haruul {command}: cannot read {name}: {reason}", file=sys.stderr)
        raise SystemExit(2) from None


def _eval(arguments: argparse.Namespace) -> int:
    from haruul_platform.eval_command import LabelError, evaluate

    with _open_input(arguments.file, "eval") as lines:
        try:
            return evaluate(lines, sys.stdout, check=arguments.check)
        except LabelError as error:
            print(f"haruul eval: {arguments.file}: {error}", file=sys.stderr)
            return 2


def _stats(arguments: argparse.Namespace) -> int:
    from haruul_platform.stats_command import (
        ScoredLineError,
        indicator_shares,
        write_csv,
        write_text,
    )
    from haruul_scoring.domain.model import Level

    with _open_input(arguments.file, "stats") as lines:
        try:
            shares = indicator_shares(lines, Level(arguments.min_level))
        except ScoredLineError as error:
            print(f"haruul stats: {arguments.file}: {error}", file=sys.stderr)
            return 2
    (write_csv if arguments.csv else write_text)(shares, sys.stdout)
    return 0


def _alerts(arguments: argparse.Namespace) -> int:
    from haruul_platform.alerts_command import AlertDeskClient, AlertDeskError, write_alerts

    client = AlertDeskClient(arguments.desk)
    try:
        if arguments.alerts_command == "list":
            states = [arguments.state] if arguments.state else []
            write_alerts(
                client.list(states, arguments.min_level), sys.stdout, as_json=arguments.json
            )
        else:
            act = client.acknowledge if arguments.alerts_command == "ack" else client.resolve
            write_alerts(
                [act(arguments.alert_id, arguments.actor)], sys.stdout, as_json=arguments.json
            )
    except AlertDeskError as error:
        print(f"haruul alerts: {error}", file=sys.stderr)
        return 1
    finally:
        client.close()
    return 0


def _add_alerts(commands: Any) -> None:
    from haruul_platform.alerts_command import default_actor

    alerts = commands.add_parser("alerts", help="list, acknowledge or resolve alerts")
    alerts.add_argument(
        "--desk",
        default=os.environ.get("HARUUL_ALERT_DESK", "127.0.0.1:50052"),
        help="the alert desk's gRPC address (env HARUUL_ALERT_DESK)",
    )
    actions = alerts.add_subparsers(dest="alerts_command", required=True)
    listing = actions.add_parser("list", help="alerts, most serious first")
    listing.add_argument("--state", choices=["open", "acknowledged", "resolved"])
    listing.add_argument(
        "--min-level", default="low", choices=["low", "medium", "high", "critical"]
    )
    listing.add_argument("--json", action="store_true")
    for name, text in (("ack", "acknowledge: stop the escalation"), ("resolve", "close the alert")):
        action = actions.add_parser(name, help=text)
        action.add_argument("alert_id")
        action.add_argument(
            "--as", dest="actor", default=default_actor(), help="who acts (default cli:<login>)"
        )
        action.add_argument("--json", action="store_true")
    alerts.set_defaults(func=_alerts)


def _keys(arguments: argparse.Namespace) -> int:
    from haruul_platform import keys_command

    make = {
        "integration": keys_command.integration_key,
        "signing": keys_command.signing_secret,
        "sealing": keys_command.sealing_key,
    }[arguments.kind]
    make(arguments.id, sys.stdout)
    return 0


def _add_keys(commands: Any) -> None:
    keys = commands.add_parser(
        "keys", help="a fresh integration key, signing secret or sealing key"
    )
    keys.add_argument(
        "kind",
        choices=["integration", "signing", "sealing"],
        help="integration: a bearer key and its digest line; signing: an HMAC secret line;"
        " sealing: a key ring entry",
    )
    keys.add_argument("id", help="the integration id, or the sealing key's id (e.g. k2)")
    keys.set_defaults(func=_keys)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="haruul", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the whole platform locally")
    run.add_argument(
        "--ports-from",
        type=int,
        metavar="PORT",
        help="use nine consecutive ports from PORT instead of the defaults",
    )
    run.set_defaults(func=_run)
    commands.add_parser("broker", help="run only the local Kafka broker").set_defaults(func=_broker)
    score = commands.add_parser("score", help="score JSON-lines reports")
    score.add_argument("file", nargs="?", default="-", help="JSON lines; '-' for stdin")
    score.set_defaults(func=_score)
    evaluation = commands.add_parser("eval", help="the engine's figures on a labelled set")
    evaluation.add_argument("file", help="labelled JSON lines; '-' for stdin")
    evaluation.add_argument(
        "--check", action="store_true", help="exit 1 when alert recall < 0.95 or false alarms > 5%%"
    )
    evaluation.set_defaults(func=_eval)
    stats = commands.add_parser("stats", help="indicator shares over scored reports")
    stats.add_argument("file", nargs="?", default="-", help="`haruul score` output; '-' for stdin")
    stats.add_argument("--csv", action="store_true", help="CSV instead of a text table")
    stats.add_argument(
        "--min-level",
        default="medium",
        choices=["low", "medium", "high", "critical"],
        help="count reports scored at this level or above as at risk",
    )
    stats.set_defaults(func=_stats)
    _add_alerts(commands)
    _add_keys(commands)
    return parser


def main(argv: list[str] | None = None) -> None:
    arguments = build_parser().parse_args(argv)
    sys.exit(arguments.func(arguments))


if __name__ == "__main__":
    main()
