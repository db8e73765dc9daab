"""What staff can do to an alert, whichever way they reach it (gRPC, CLI, SMS reply, e-mail
link): acknowledge or resolve — stored, audited, timers cancelled, watchers told, measured."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import structlog

from haruul_notify.alert_feed import AlertFeed
from haruul_notify.alert_store import AlertStore
from haruul_notify.domain.lifecycle import Alert, acknowledge, resolve
from haruul_notify.metrics import NotifyMetrics

log = structlog.get_logger("haruul_notify")


class AlertNotFound(LookupError):
    """No alert has that id (or that ack code)."""


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

    def record(self, alert: Alert, action: str) -> None:
        """Persist a changed alert and tell the watchers."""
        self.store.save(alert)
        self.feed.publish(alert, action)

    def acknowledge(self, alert_id: str, actor: str, channel: str) -> Alert:
        before = self.get(alert_id)
        now = self._clock()
        after = acknowledge(before, actor, channel, now)  # raises LifecycleError if resolved
        if after is not before:
            self.store.cancel_steps(alert_id)
            self.record(after, "acknowledged")
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
        before = self.get(alert_id)
        after = resolve(before, actor, channel, self._clock())
        if after is not before:
            self.store.cancel_steps(alert_id)
            self.record(after, "resolved")
            log.info("alert_resolved", alert_id=alert_id, actor=actor, channel=channel)
        return after
