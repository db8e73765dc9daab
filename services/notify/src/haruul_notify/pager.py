"""Paging: opens or updates the alert of a report's case, and fires escalation steps when due.

The alert and its escalation timers are written to the store before anything is sent, so the
store is notify's outbox: a step whose deliveries fail (or a notify killed mid-step) stays
pending and is fired again by the next tick; the delivery ledger, keyed by alert, recipient,
channel and step, makes the second firing send only what did not go out. Acknowledging an
alert cancels its pending steps.

A risk event only stores: the escalation loop (`run_escalations`) pages, woken at once by
every stored event. So consuming never waits on the gateway's round trips — the next poll's
alerts are opened (and on the desk) while this one's pages are on their way.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta

import structlog

from haruul_common.events import RiskEventV1
from haruul_notify.alert_service import AlertService
from haruul_notify.domain.alerts import Channel, Delivery, level_rank
from haruul_notify.domain.escalation import (
    digest_for,
    next_digest_time,
    plan,
    recipients_for,
    route_desk,
)
from haruul_notify.domain.lifecycle import (
    Alert,
    ReportFacts,
    add_report,
    alert_id_for_case,
    note,
    open_alert,
)
from haruul_notify.domain.pages import (
    DIGEST_INDEX,
    bundle_delivery,
    digest_deliveries,
    page,
    step_code,
    step_of,
    update,
)
from haruul_notify.domain.quiet import deliver_at
from haruul_notify.domain.routing import Desk, Staff
from haruul_notify.domain.silences import matching_silence
from haruul_notify.domain.sms_budget import SmsBudget, may_send, next_slot
from haruul_notify.handler_types import Deliverer
from haruul_notify.ledger import DeliveryLedger
from haruul_notify.metrics import NotifyMetrics
from haruul_notify.routing_holder import RoutingHolder
from haruul_notify.sender import DEFAULT_FALLBACK_AFTER, DeliverySender

log = structlog.get_logger("haruul_notify")

LOWEST_PAGED_LEVEL = "medium"
# Long enough for a step's deliveries with their retries; how long a dead instance's claim holds.
DEFAULT_CLAIM_LEASE = timedelta(seconds=60)
# Alerts whose due steps are delivered at once; each waits on the gateway, not on the others.
DEFAULT_FIRE_CONCURRENCY = 32


def alert_level_of(event: RiskEventV1) -> str:
    """The report's level, or its case's when corroboration has raised the case above it."""
    if event.case_level is not None and level_rank(event.case_level) > level_rank(event.level):
        return event.case_level
    return event.level


def report_facts(event: RiskEventV1) -> ReportFacts:
    return ReportFacts(
        report_id=event.report_id,
        case_id=event.case_id or f"report-{event.report_id}",
        level=alert_level_of(event),
        score=event.score,
        stage=event.stage,
        indicator_codes=tuple(hit.code for hit in event.indicators),
        destination_country=event.destination_country,
        explanation=event.explanation,
        places=tuple(place.name for place in event.places),
        accepted_at=event.accepted_at,
    )


class Pager:
    def __init__(
        self,
        *,
        routing: RoutingHolder,
        alerts: AlertService,
        ledger: DeliveryLedger,
        gateway: Deliverer,
        metrics: NotifyMetrics,
        ack_link: Callable[[str, str], str],
        sms_budget: SmsBudget | None = None,
        fallback_after: int = DEFAULT_FALLBACK_AFTER,
        instance_id: str | None = None,
        claim_lease: timedelta = DEFAULT_CLAIM_LEASE,
        fire_concurrency: int = DEFAULT_FIRE_CONCURRENCY,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        # Who holds a claimed step: unique per process unless the deployment names instances
        # (then a restarted instance takes its own claims back at once).
        self._instance = instance_id or f"notify-{uuid.uuid4().hex[:12]}"
        self._claim_lease = claim_lease
        self._budget = sms_budget
        self._routing = routing
        self._alerts = alerts
        self._sender = DeliverySender(ledger, gateway, metrics, clock, fallback_after)
        self._ledger = ledger
        self._metrics = metrics
        self._ack_link = ack_link
        self._clock = clock
        self._lock = asyncio.Lock()  # one firing at a time: the ticker and the consumer share it
        self._deferred: set[tuple[str, int, str]] = set()  # counted once in the metric
        self._fire_concurrency = fire_concurrency
        # Per staff id, in the current firing round: SMS in the budget's window (delivered), and
        # SMS being sent now.
        self._sms_counted: dict[str, int] = {}
        self._sms_in_flight: Counter[str] = Counter()
        self._stored = asyncio.Event()  # an event was stored since the last round began

    async def on_risk_event(self, event: RiskEventV1) -> None:
        facts = report_facts(event)
        if level_rank(facts.level) < level_rank(LOWEST_PAGED_LEVEL):
            return
        now = self._clock()
        alert_id = alert_id_for_case(facts.case_id)
        # Opening needs no lock: a case opened twice at once (here, or on another instance)
        # is stored once, and the loser updates it below. Unlocked, the openings of a batch's
        # events share their commits.
        opened = self._alerts.store.get(alert_id) is None and await self._open(facts, now, event)
        if not opened:
            async with self._lock:
                before, after = self._alerts.change(
                    alert_id, lambda alert: add_report(alert, facts, now), "updated"
                )
                if after is not before:
                    await self._update(before, after, now, event)
        self._stored.set()

    async def next_round(self, stop: asyncio.Event, tick_s: float) -> None:
        """Wait until a risk event was stored, `stop` is set, or `tick_s` passed (steps also
        fall due with time)."""
        waits = [asyncio.ensure_future(self._stored.wait()), asyncio.ensure_future(stop.wait())]
        try:
            await asyncio.wait(waits, timeout=tick_s, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()
        # Cleared before the round claims its steps: whatever is stored from now on wakes the
        # next round, and what was stored until now is this round's.
        self._stored.clear()

    async def _open(self, facts: ReportFacts, now: datetime, event: RiskEventV1) -> bool:
        """Open the case's alert; False when another instance opened it first."""
        config = self._routing.config
        desk = route_desk(config, facts.destination_country)
        alert = open_alert(facts, desk.id, now)
        silence = matching_silence(config.silences, self._attributes(alert), now)
        if silence is not None:
            silenced = note(alert, "silenced", "kafka", now, f"silence {silence.id}")
            if not await self._alerts.open(silenced, "silenced"):
                return False
            self._metrics.silenced.inc()
            log.info("alert_silenced", alert_id=alert.alert_id, silence_id=silence.id)
            return True
        timers = self._timers(desk, alert.level, now)
        if not await self._alerts.open(alert, "opened", timers):
            return False
        self._metrics.alerts_raised.labels(alert.level).inc()
        self._count_digests(timers)
        log.info(
            "alert_opened",
            alert_id=alert.alert_id,
            case_id=alert.case_id,
            report_id=event.report_id,
            level=alert.level,
            desk_id=desk.id,
        )
        return True

    async def _update(self, before: Alert, after: Alert, now: datetime, event: RiskEventV1) -> None:
        log.info(
            "alert_updated",
            alert_id=after.alert_id,
            report_id=event.report_id,
            reports=len(after.report_ids),
            level=after.level,
        )
        if not after.is_open:
            return
        desk = self._desk(after)
        if level_rank(after.level) > level_rank(before.level) or before.state != after.state:
            self._schedule(after, desk, after.level, now)  # the new level's chain starts now
        paged = {
            recipient
            for recipient, _, status in self._ledger.deliveries_for_alert(after.alert_id)
            if status in ("delivered", "superseded")
        }
        for staff_id in sorted(paged):
            staff = self._routing.config.staff.get(staff_id)
            if staff is not None:
                await self._sender.send_all(
                    update(after, staff, desk.name, self._ack_link(after.alert_id, staff_id))
                )

    def _schedule(self, alert: Alert, desk: Desk, level: str, since: datetime) -> None:
        timers = self._timers(desk, level, since)
        self._alerts.store.schedule(alert.alert_id, timers)
        self._count_digests(timers)

    def _timers(self, desk: Desk, level: str, since: datetime) -> list[tuple[int, datetime]]:
        """(step code, due time) of `level`'s chain at `desk` starting at `since`, with its
        digest when the level has one."""
        steps = plan(desk, level, since)
        timers = [(step_code(level, s.step_index), s.due_at) for s in steps]
        digest = digest_for(desk, level)
        if digest is not None:
            recipients = recipients_for(self._routing.config, desk, digest, since)
            config = self._routing.config
            due = min(next_digest_time(config.staff[staff_id], since) for staff_id in recipients)
            timers.append((step_code(level, DIGEST_INDEX), due))
        return timers

    def _count_digests(self, timers: list[tuple[int, datetime]]) -> None:
        if any(step_of(code)[1] == DIGEST_INDEX for code, _ in timers):
            self._metrics.deferred.labels("digest").inc()

    def _desk(self, alert: Alert) -> Desk:
        config = self._routing.config
        return next((d for d in config.desks if d.id == alert.desk_id), config.default_desk)

    @staticmethod
    def _attributes(alert: Alert) -> dict[str, str]:
        return {
            "desk": alert.desk_id,
            "level": alert.level,
            "case_id": alert.case_id,
            "country": alert.destination_country or "",
        }

    async def fire_due(self) -> None:
        """Send every escalation step that is due; leave failed ones pending for the next tick.

        Steps are claimed first, so another instance sharing the store never fires the same
        one; a step not fired is released for the next tick. Different alerts are fired
        concurrently (at most `fire_concurrency` at once), each alert's steps in order."""
        async with self._lock:
            now = self._clock()
            self._sms_counted = {}  # a new round: each phone's SMS in the window read afresh
            due = self._alerts.store.claim_due_steps(now, self._instance, self._claim_lease)
            codes_by_alert: dict[str, list[int]] = {}
            for alert_id, code in due:
                codes_by_alert.setdefault(alert_id, []).append(code)
            slots = asyncio.Semaphore(self._fire_concurrency)

            async def fire_alert(alert_id: str, codes: list[int]) -> list[tuple[Alert, int]]:
                async with slots:
                    return await self._fire_steps(alert_id, codes, now)

            results = await asyncio.gather(
                *(fire_alert(alert_id, codes) for alert_id, codes in codes_by_alert.items()),
                return_exceptions=True,
            )
            digests: list[tuple[Alert, int]] = []
            for result in results:
                if isinstance(result, BaseException):
                    raise result  # the steps stay claimed by this instance, retried next tick
                digests.extend(result)
            if digests:
                await self._fire_digests(digests, now)
            await self._flush_bundles(now)

    async def _fire_steps(
        self, alert_id: str, codes: list[int], now: datetime
    ) -> list[tuple[Alert, int]]:
        """Fire one alert's due steps in order; the digest steps among them, for the caller."""
        digests: list[tuple[Alert, int]] = []
        for code in codes:
            alert = self._alerts.store.get(alert_id)
            if alert is None or not alert.is_open:
                self._alerts.store.cancel_steps(alert_id)
            elif step_of(code)[1] == DIGEST_INDEX:
                digests.append((alert, code))
            elif await self._fire(alert, code, now):
                await self._alerts.store.finish_step(alert_id, code)
            else:
                self._alerts.store.release_step(alert_id, code, self._instance)
        return digests

    async def _deliver_to(
        self,
        staff: Staff,
        alert: Alert,
        deliveries: Sequence[Delivery],
        now: datetime,
        accepted_at: datetime | None = None,
    ) -> bool:
        """Send, holding the SMS back for a bundle when this phone had its fill of SMS.

        The phone's SMS in the window are read from the ledger once per firing round (reading
        them for every SMS made paging cost grow with the ledger); the round then counts what
        it sends and what is on its way, with no wait between the check and the reservation,
        so alerts fired side by side cannot both take the last place."""
        sms = [d for d in deliveries if d.channel is Channel.SMS]
        others = [d for d in deliveries if d.channel is not Channel.SMS]
        budget = self._budget
        if not (sms and budget and not self._ledger.is_delivered(sms[0].idempotency_key)):
            return await self._sender.send_all([*sms, *others], accepted_at)
        if staff.id not in self._sms_counted:
            recent = self._ledger.sms_delivered_to(staff.id, now - budget.window)
            self._sms_counted[staff.id] = sum(1 for at in recent if now - budget.window < at)
        if self._sms_counted[staff.id] + self._sms_in_flight[staff.id] >= budget.limit:
            recent = self._ledger.sms_delivered_to(staff.id, now - budget.window)
            recent += [now] * self._sms_in_flight[staff.id]
            self._alerts.store.hold_sms(staff.id, alert.alert_id, next_slot(recent, now, budget))
            self._metrics.deferred.labels("rate_limit").inc()
            return await self._sender.send_all(others, accepted_at)
        self._sms_in_flight[staff.id] += 1
        try:
            sms_sent = await self._sender.send_all(sms, accepted_at)
        finally:
            self._sms_in_flight[staff.id] -= 1
        if self._ledger.is_delivered(sms[0].idempotency_key):
            self._sms_counted[staff.id] += 1
        return await self._sender.send_all(others, accepted_at) and sms_sent

    async def _flush_bundles(self, now: datetime) -> None:
        """Held SMS go out as one message per person once their window allows another."""
        config = self._routing.config
        store = self._alerts.store
        due = store.claim_due_bundles(now, self._instance, self._claim_lease)
        for staff_id, alert_ids in due.items():
            staff = config.staff.get(staff_id)
            alerts = [a for a in map(store.get, alert_ids) if a is not None]
            if staff is None or not alerts:
                store.finish_bundle(staff_id, alert_ids)
            elif self._budget and not may_send(
                self._ledger.sms_delivered_to(staff.id, now - self._budget.window),
                now,
                self._budget,
            ):
                store.release_bundle(staff_id, self._instance)
            elif await self._sender.send_all([bundle_delivery(staff, alerts)]):
                store.finish_bundle(staff_id, alert_ids)
            else:
                store.release_bundle(staff_id, self._instance)

    async def _fire_digests(self, due: list[tuple[Alert, int]], now: datetime) -> None:
        """One e-mail per recipient per desk and level, listing every alert collected for it."""
        config = self._routing.config
        groups: dict[tuple[str, str], list[tuple[Alert, int]]] = {}
        for alert, code in due:
            groups.setdefault((alert.desk_id, step_of(code)[0]), []).append((alert, code))
        for (desk_id, level), members in sorted(groups.items()):
            desk = self._desk(members[0][0])
            digest = digest_for(desk, level)
            sent = True
            for staff_id in recipients_for(config, desk, digest, now) if digest else ():
                staff = config.staff[staff_id]
                deliveries = digest_deliveries(
                    desk, staff, level, now.date(), [alert for alert, _ in members]
                )
                sent &= await self._sender.send_all(deliveries)
            for alert, code in members:
                if sent:
                    await self._alerts.store.finish_step(alert.alert_id, code)
                else:
                    self._alerts.store.release_step(alert.alert_id, code, self._instance)
            if sent:
                log.info("digest_sent", desk_id=desk_id, alert_level=level, alerts=len(members))

    async def _fire(self, alert: Alert, code: int, now: datetime) -> bool:
        config = self._routing.config
        desk = self._desk(alert)
        level, index = step_of(code)
        steps = desk.policy.for_level(level).steps
        step = steps[min(index, len(steps) - 1)] if steps else None
        if step is None:
            return True
        all_sent = True
        first_page = code == step_code(alert.level, 0) and len(alert.report_ids) == 1
        sends = []
        for staff_id in recipients_for(config, desk, step, now):
            staff = config.staff[staff_id]
            if deliver_at(alert.level, staff, now) > now:
                if (alert.alert_id, code, staff_id) not in self._deferred:
                    self._deferred.add((alert.alert_id, code, staff_id))
                    self._metrics.deferred.labels("quiet_hours").inc()
                all_sent = False  # stays pending: fired again when the quiet hours end
                continue
            ack_link = self._ack_link(alert.alert_id, staff_id)
            deliveries = page(alert, staff, code, step.after, desk.name, ack_link, step.channels)
            sends.append(
                self._deliver_to(
                    staff, alert, deliveries, now, alert.accepted_at if first_page else None
                )
            )
        # Everyone the step names is paged at once: nobody waits on another's channels.
        for sent in await asyncio.gather(*sends, return_exceptions=True):
            if isinstance(sent, BaseException):
                raise sent  # the step stays claimed, fired again next tick
            all_sent &= sent
        if index > 0 and all_sent:
            self._metrics.escalations.labels(level).inc()
            self._alerts.change(
                alert.alert_id,
                lambda current: note(current, "escalated", "kafka", now, f"step {index}"),
                "escalated",
            )
            log.info("alert_escalated", alert_id=alert.alert_id, step=index)
        return all_sent


async def run_escalations(
    pager: Pager,
    stop: asyncio.Event,
    tick: timedelta = timedelta(seconds=1),
    sleep: Callable[[float], Awaitable[None]] | None = None,
) -> None:
    """Fire due steps after each stored risk event, and at least every `tick`, until `stop` is
    set (tests pass their own `sleep`)."""
    while not stop.is_set():
        try:
            await pager.fire_due()
        except Exception as error:  # a failing tick must not end escalation for good
            log.error("escalation_tick_failed", error=type(error).__name__)
        if sleep is not None:
            await sleep(tick.total_seconds())
            continue
        await pager.next_round(stop, tick.total_seconds())
