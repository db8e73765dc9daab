"""What staff can do to an alert, whichever way they reach it (gRPC, CLI, SMS reply, e-mail
link): acknowledge or resolve — stored, audited, timers cancelled, watchers told, measured."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

import structlog

from haruul_notify.alert_feed import AlertFeed
from haruul_notify.alert_store import AlertStore
from haruul_notify.domain.lifecycle import Alert, acknowledge, purge_personal_data, resolve
from haruul_notify.metrics import NotifyMetrics

log = structlog.get_logger("haruul_notify")


class AlertNotFound(LookupError):
    """No alert has that id (or that ack code)."""


class AlertContended(RuntimeError):
    """The alert kept changing under us (other instances): the caller may try again later."""


# Compare-and-set rounds before giving up; each loses only to a change that did go through.
_CHANGE_ATTEMPTS = 20


class AlertService:
    def __init__(
        self,
        store: AlertStore,
        feed: AlertFeed,
        metrics: NotifyMetrics,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.feed = feed
        self._metrics = metrics
        self._clock = clock

    def get(self, alert_id: str) -> Alert:
        alert = self.store.get(alert_id)
        if alert is None:
            raise AlertNotFound(alert_id)
        return alert

    async def open(
        self, alert: Alert, action: str, steps: Iterable[tuple[int, datetime]] = ()
    ) -> bool:
        """Store a new alert with its escalation steps and tell the watchers; False if its case
        has one already."""
        if not await self.store.insert(alert, steps):
            return False
        self.feed.publish(alert, action)
        return True

    def change(
        self, alert_id: str, transform: Callable[[Alert], Alert], action: str
    ) -> tuple[Alert, Alert]:
        """(before, after) of applying `transform` to the alert as stored now. `transform`
        returns its argument for "no change"; if another writer changes the alert first, it is
        applied again to their result, so no change is lost."""
        for _ in range(_CHANGE_ATTEMPTS):
            before = self.get(alert_id)
            after = transform(before)
            if after is before:
                return before, after
            if self.store.replace(before, after):
                self.feed.publish(after, action)
                return before, after
        raise AlertContended(alert_id)

    def purge_personal_data(self, older_than: timedelta) -> int:
        """Strip report quotes from alerts opened more than `older_than` ago; how many changed."""
        now = self._clock()
        purged = 0
        for alert_id in self.store.not_purged_before(now - older_than):
            before, after = self.change(
                alert_id, lambda alert: purge_personal_data(alert, now), "purged"
            )
            purged += after is not before
        if purged:
            log.info("personal_data_purged", alerts=purged)
        return purged

    def acknowledge(self, alert_id: str, actor: str, channel: str) -> Alert:
        now = self._clock()
        # acknowledge() raises LifecycleError if the alert is resolved.
        before, after = self.change(
            alert_id, lambda alert: acknowledge(alert, actor, channel, now), "acknowledged"
        )
        if after is not before:
            self.store.cancel_steps(alert_id)
            self._metrics.acknowledgements.labels(channel).inc()
            self._metrics.ack_latency_seconds.labels(after.level).observe(
                (now - after.opened_at).total_seconds()
            )
            log.info("alert_acknowledged", alert_id=alert_id, actor=actor, channel=channel)
        return after

    def acknowledge_by_code(self, code: str, actor: str, channel: str) -> Alert:
        alert = self.store.by_ack_code(code)
        if alert is None:
            raise AlertNotFound(code)
        return self.acknowledge(alert.alert_id, actor, channel)

    def resolve(self, alert_id: str, actor: str, channel: str) -> Alert:
        now = self._clock()
        before, after = self.change(
            alert_id, lambda alert: resolve(alert, actor, channel, now), "resolved"
        )
        if after is not before:
            self.store.cancel_steps(alert_id)
            log.info("alert_resolved", alert_id=alert_id, actor=actor, channel=channel)
        return after
