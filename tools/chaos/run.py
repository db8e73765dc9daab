"""The chaos run: steady load, one fault at a time, then the books are balanced.

Session `single` (one instance of each service, SQLite state): under load, SIGKILL intake,
scoring, notify and the gateway in turn, each restarted after `down_s`; then the broker is
stopped, kept down `broker_down_s` and started again on its data dir and ports. Session `scale`
(PostgreSQL state): two scoring and two notify instances, one consumer group each; one of each
is SIGKILLed mid-load and restarted after `scale_down_s`. After each session the load stops and
the harness waits until every acknowledged report is paged (or `drain_timeout_s` passes).
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from haruul_common.local_kafka import start_group_at_end
from haruul_common.topics import REPORTS, RISK_EVENTS
from haruul_platform.alerts_command import AlertDeskClient, AlertDeskError
from tests.support.postgres import RunningPostgres
from tools.chaos import audit
from tools.chaos.loadgen import LoadSnapshot, ReportLoad
from tools.chaos.platform import Platform, group
from tools.chaos.services import Service, ServiceError, stop_all

PROCESS_FAULTS = ("intake", "scoring", "notify", "gateway")
FAULTS = (*PROCESS_FAULTS, "broker")
PHASES = ("single", "scale")


@dataclass(frozen=True)
class ChaosConfig:
    work_dir: Path
    rate: float = 20.0  # reports offered per second
    settle_s: float = 15.0  # load before each fault, and after the last
    down_s: float = 2.0  # how long a killed process stays down
    broker_down_s: float = 8.0
    broker_stop: str = "term"  # or "kill"
    scale_down_s: float = 15.0  # a killed scaled-out instance stays down (its peer takes over)
    escalate_after_s: int = 15  # critical alerts page the secondary after this
    publish_timeout_s: float = 5.0
    retry_grace_s: float = 75.0  # after the load stops, unanswered reports are retried this long
    drain_timeout_s: float = 240.0
    quiet_s: float = 3.0  # after the drain, time for a duplicate to show, were one to come
    progress_s: float = 5.0
    faults: tuple[str, ...] = FAULTS
    rounds: int = 1  # the single session's faults, this many times over
    phases: tuple[str, ...] = PHASES


@dataclass
class SessionResult:
    phase: str
    load: LoadSnapshot
    unanswered: dict[str, int]  # last answer of each report never acknowledged -> count
    books: audit.PhaseAudit
    alert_ids: set[str]
    desk_error: str | None = None
    held: list[audit.HeldKey] = field(default_factory=list)  # keys intake never let go


@dataclass
class ChaosResult:
    sessions: list[SessionResult] = field(default_factory=list)
    duplicates: dict[tuple[str, str, str], int] = field(default_factory=dict)
    deliveries: int = 0
    timeline: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)  # processes that died by themselves
    duration_s: float = 0.0
    work_dir: Path | None = None

    @property
    def lost(self) -> int:
        return sum(s.books.lost for s in self.sessions)

    @property
    def duplicate_count(self) -> int:
        return sum(self.duplicates.values())

    @property
    def passed(self) -> bool:
        return bool(self.sessions) and self.lost == 0 and self.duplicate_count == 0


def log(message: str) -> None:
    print(f"chaos: {message}", file=sys.stderr, flush=True)


def paging_bodies() -> list[dict[str, str]]:
    """Hotline reports the engine rates critical or high that name no contact, so that each
    report is its own case and its own alert (reports sharing a contact join one case)."""
    from haruul_scoring.domain.cases import contact_keys
    from haruul_scoring.domain.engine import assess
    from haruul_scoring.domain.entities import extract_entities
    from tools.bench.__main__ import load_texts

    texts = [
        text
        for text in load_texts()
        if assess(text).level.value in ("critical", "high")
        and not contact_keys(extract_entities(text))
    ]
    if not texts:
        raise RuntimeError("no critical or high report texts without contacts were found")
    return [{"text": text, "channel": "hotline"} for text in texts]


class Chaos:
    def __init__(self, config: ChaosConfig, say: Callable[[str], None] = log) -> None:
        self.config = config
        self.say = say
        self.result = ChaosResult(work_dir=config.work_dir)
        self._began = time.monotonic()
        self._load: ReportLoad | None = None
        self._phase = ""
        self._last_progress = 0.0
        self._deliveries: audit.DeliveryReader | None = None

    # --- the run ------------------------------------------------------------------------------

    def run(self) -> ChaosResult:
        work = self.config.work_dir
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        with ExitStack() as stack, ThreadPoolExecutor(2) as background:
            self.say(f"work dir {work} (service logs in {work / 'logs'})")
            # PostgreSQL starts while the broker does; it is needed only by the scale session.
            postgres = (
                background.submit(lambda: stack.enter_context(RunningPostgres()))
                if "scale" in self.config.phases
                else None
            )
            texts = background.submit(paging_bodies)
            platform = Platform(work, self.config.escalate_after_s, self.config.publish_timeout_s)
            stack.callback(platform.close)
            platform.start_broker()
            self.note(f"broker up at {platform.bootstrap}")
            bodies = texts.result()
            platform.add_gateway()
            platform.add_intake()
            if "single" in self.config.phases:
                self.single(platform, bodies)
            else:
                self.start_all([platform.services["gateway"], platform.services["intake"]])
            if postgres is not None:
                self.scale(platform, bodies, postgres.result())
            deliveries = self.read_deliveries(platform)
        self.result.deliveries = len(deliveries)
        self.result.duplicates = audit.duplicates(deliveries)
        self.result.duration_s = time.monotonic() - self._began
        return self.result

    def single(self, platform: Platform, bodies: Sequence[dict[str, str]]) -> None:
        self._phase = "single"
        scoring = platform.add_scoring("scoring", group("scoring"), str(platform.work / "cases.db"))
        notify = platform.add_notify(
            "notify",
            group("notify"),
            str(platform.work / "notify-alerts.db"),
            str(platform.work / "notify.db"),
        )
        self.start_all(list(platform.services.values()))
        load = self.start_load(platform, bodies)
        for fault in self.config.faults * self.config.rounds:
            self.watch(platform, self.config.settle_s)
            if fault == "broker":
                self.broker_fault(platform)
            else:
                self.kill(platform, platform.services[fault], self.config.down_s)
        self.watch(platform, self.config.settle_s)
        self.finish_session(platform, load, notify, escalation_expected=True)
        stop_all([scoring, notify])

    def scale(
        self, platform: Platform, bodies: Sequence[dict[str, str]], postgres: RunningPostgres
    ) -> None:
        self._phase = "scale"
        cases, state = postgres.new_database(), postgres.new_database()
        self.note(f"PostgreSQL up on port {postgres.port}")
        scoring_group, notify_group = group("scoring-scale"), group("notify-scale")
        start_group_at_end(platform.bootstrap, scoring_group, REPORTS.name)
        start_group_at_end(platform.bootstrap, notify_group, RISK_EVENTS.name)
        scorers = [platform.add_scoring(f"scoring-{n}", scoring_group, cases) for n in "ab"]
        notifiers = [platform.add_notify(f"notify-{n}", notify_group, state, state) for n in "ab"]
        self.start_all([*scorers, *notifiers])
        self.note("two scoring and two notify instances up (state in PostgreSQL)")
        load = self.start_load(platform, bodies)
        for victim in (scorers[0], notifiers[0]):
            self.watch(platform, self.config.settle_s)
            self.kill(platform, victim, self.config.scale_down_s)
        self.watch(platform, self.config.settle_s)
        self.finish_session(platform, load, notifiers[1], escalation_expected=True)
        stop_all([*scorers, *notifiers])

    def start_all(self, services: Sequence[Service]) -> None:
        """All at once, as an orchestrator starts replicas; then until each listens."""
        for service in services:
            service.start(wait=False)
        for service in services:
            self.wait_ready(service)

    def wait_ready(self, service: Service, restarts: int = 3) -> None:
        """Until `service` listens; one that dies starting is recorded and started again."""
        for attempt in range(restarts + 1):
            try:
                service.wait_ready()
                return
            except ServiceError:
                assert service.process is not None
                if attempt == restarts:
                    raise
                self.died(service, service.process.returncode, "during start-up")
                service.start(wait=False)

    def died(self, service: Service, code: int, when: str) -> None:
        service.unexpected_exits.append(code)
        finding = f"{service.name} exited by itself {when} (code {code}): {service.last_log_line()}"
        self.result.findings.append(finding)
        self.note(f"{finding}; restarting it")

    # --- faults -------------------------------------------------------------------------------

    def kill(self, platform: Platform, service: Service, down_s: float) -> None:
        service.kill()
        self.note(f"{service.name} SIGKILLed (pid {service.pid}); down for {down_s:.0f} s")
        self.watch(platform, down_s)
        took = service.start()
        self.note(f"{service.name} restarted, listening after {took:.1f} s")

    def broker_fault(self, platform: Platform) -> None:
        before = self._answers("503")
        began = time.monotonic()
        platform.stop_broker(self.config.broker_stop)
        self.note(f"broker stopped ({self.config.broker_stop}, {time.monotonic() - began:.1f} s)")
        self.watch(platform, self.config.broker_down_s)
        began = time.monotonic()
        platform.start_broker()
        self.note(
            f"broker started again on the same data dir and port, ready after"
            f" {time.monotonic() - began:.1f} s; intake answered 503"
            f" {self._answers('503') - before} times meanwhile"
        )

    def _answers(self, status: str) -> int:
        if self._load is None:
            return 0
        answers = self._load.snapshot().answers
        return sum(n for answer, n in answers.items() if answer.split(":")[0] == status)

    # --- load, supervision, progress ----------------------------------------------------------

    def start_load(self, platform: Platform, bodies: Sequence[dict[str, str]]) -> ReportLoad:
        load = ReportLoad(platform.intake_url, platform.api_key, bodies, self.config.rate)
        load.start()
        self._load = load
        self.note(f"load started: {self.config.rate:g} reports/s ({len(bodies)} distinct texts)")
        return load

    def watch(self, platform: Platform, seconds: float) -> None:
        """Wait `seconds`, restarting any process that died by itself, printing progress."""
        deadline = time.monotonic() + seconds
        while True:
            for service in platform.services.values():
                code = service.exited_by_itself()
                if code is not None:
                    self.died(service, code, f"at {self._clock()}")
                    service.start(wait=False)
            if time.monotonic() - self._last_progress >= self.config.progress_s:
                self.progress(platform)
            if time.monotonic() >= deadline:
                return
            time.sleep(min(0.25, max(0.0, deadline - time.monotonic())))

    def progress(self, platform: Platform, extra: str = "") -> None:
        self._last_progress = time.monotonic()
        parts = []
        if self._load is not None:
            snap = self._load.snapshot()
            statuses: dict[str, int] = {}
            for answer, n in snap.answers.items():
                key = answer.split(":")[0]
                statuses[key] = statuses.get(key, 0) + n
            shown = " ".join(f"{k}={v}" for k, v in sorted(statuses.items()))
            parts.append(f"offered={snap.due} acked={snap.acknowledged} [{shown}]")
        sms = len(list(platform.sms_dir.glob("*.json"))) if platform.sms_dir.exists() else 0
        mails = len(list(platform.email_dir.glob("*.eml"))) if platform.email_dir.exists() else 0
        parts.append(f"sms={sms} email={mails}")
        if extra:
            parts.append(extra)
        self.say(f"[{self._clock()} {self._phase}] " + " ".join(parts))

    def note(self, event: str) -> None:
        line = f"{self._clock()} {self._phase}: {event}"
        self.result.timeline.append(line)
        self.say(line)

    def _clock(self) -> str:
        return f"t={time.monotonic() - self._began:6.1f}s"

    # --- the books ----------------------------------------------------------------------------

    def read_deliveries(self, platform: Platform) -> list[audit.Delivery]:
        if self._deliveries is None:
            self._deliveries = audit.DeliveryReader(
                platform.sms_dir, platform.email_dir, platform.receipts_db
            )
        return self._deliveries.read()

    def finish_session(
        self, platform: Platform, load: ReportLoad, notify: Service, *, escalation_expected: bool
    ) -> None:
        self.note(
            f"load stopping; unanswered reports retried for up to {self.config.retry_grace_s:.0f} s"
        )
        load.stop(self.config.retry_grace_s)
        self._load = None
        snap = load.snapshot()
        acked = [s.report_id for s in load.submissions if s.report_id is not None]
        unanswered: dict[str, int] = {}
        held_keys = []
        for submission in load.submissions:
            if submission.report_id is None:
                last = max(submission.answers, key=submission.answers.__getitem__, default="none")
                unanswered[last] = unanswered.get(last, 0) + 1
                if last.endswith("idempotency_key_in_progress"):
                    held_keys.append(submission.idempotency_key)
        self.note(f"load stopped: {snap.due} offered, {len(acked)} acknowledged; draining")
        deadline = time.monotonic() + self.config.drain_timeout_s
        while True:
            events = audit.read_risk_events(platform.bootstrap)
            outstanding = audit.audit_phase(
                self._phase, acked, None, events, self.read_deliveries(platform), None,
                escalation_expected=escalation_expected,
            )  # fmt: skip
            if outstanding.lost == 0 or time.monotonic() > deadline:
                break
            reasons = ", ".join(f"{k}: {len(v)}" for k, v in outstanding.missing.items())
            if time.monotonic() - self._last_progress >= self.config.progress_s:
                self.progress(platform, f"outstanding={outstanding.lost} ({reasons})")
            self.watch(platform, 1.0)
        self.watch(platform, self.config.quiet_s)
        alert_ids, desk_error = self.alert_ids(notify)
        reports = audit.read_report_ids(platform.bootstrap)
        events = audit.read_risk_events(platform.bootstrap)
        deliveries = self.read_deliveries(platform)
        result = audit.audit_phase(
            self._phase, acked, reports, events, deliveries, alert_ids,
            escalation_expected=escalation_expected,
        )  # fmt: skip
        held = audit.held_keys(platform.work / "intake.db", held_keys, reports, events, deliveries)
        self.result.sessions.append(
            SessionResult(
                self._phase, snap, unanswered, result, alert_ids or set(), desk_error, held
            )
        )
        self.note(f"books closed: lost={result.lost} ({', '.join(result.missing) or 'none'})")

    def alert_ids(self, notify: Service) -> tuple[set[str] | None, str | None]:
        client = AlertDeskClient(f"127.0.0.1:{notify.ready_port}")
        try:
            return {str(a["alert_id"]) for a in client.list([], "low")}, None
        except AlertDeskError as error:
            return None, str(error)
        finally:
            client.close()
