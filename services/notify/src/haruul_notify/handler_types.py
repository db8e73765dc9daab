"""The collaborators notify's edges are built from, as protocols (tests pass fakes)."""

from __future__ import annotations

from typing import Protocol

from haruul.notify.v1 import delivery_pb2
from haruul_common.kafka import SourceRecord
from haruul_notify.domain.alerts import Delivery


class Deliverer(Protocol):
    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt: ...


class DeadLetterSink(Protocol):
    async def dead_letter(self, record: SourceRecord, reason: str) -> None: ...
