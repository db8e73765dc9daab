"""`DeliveryGateway.Deliver`: validate, deliver once per idempotency key, return a receipt.
`DeliverMany` does the same for each of several requests, side by side, in one call."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import grpc
import structlog
from google.protobuf.timestamp_pb2 import Timestamp

from haruul.notify.v1 import delivery_pb2, delivery_pb2_grpc
from haruul_notify.gateway.adapters import (
    ChannelAdapter,
    ChannelRefused,
    ChannelUnavailable,
    OutgoingMessage,
)
from haruul_notify.gateway.metrics import GatewayMetrics
from haruul_notify.gateway.receipts import OUTCOME_UNKNOWN, ReceiptStore, StoredReceipt

log = structlog.get_logger("haruul_gateway")

_CHANNEL_NAMES = {delivery_pb2.CHANNEL_SMS: "sms", delivery_pb2.CHANNEL_EMAIL: "email"}


def _receipt(
    stored: StoredReceipt, channel: delivery_pb2.Channel.ValueType, *, duplicate: bool
) -> delivery_pb2.DeliveryReceipt:
    accepted_at = Timestamp()
    accepted_at.FromDatetime(stored.accepted_at)
    return delivery_pb2.DeliveryReceipt(
        receipt_id=stored.receipt_id,
        idempotency_key=stored.idempotency_key,
        channel=channel,
        status=delivery_pb2.DELIVERY_STATUS_ACCEPTED,
        accepted_at=accepted_at,
        duplicate=duplicate,
        channel_message_id=stored.channel_message_id,
    )


def _invalid(request: delivery_pb2.DeliverRequest) -> str | None:
    if not request.idempotency_key:
        return "idempotency_key is required"
    for name in ("subject", "alert_id", "report_id", "recipient_id", "address"):
        value = getattr(request, name)
        if "\r" in value or "\n" in value:
            return f"{name} must be a single line"
    if request.channel not in _CHANNEL_NAMES:
        return "channel must be CHANNEL_SMS or CHANNEL_EMAIL"
    if not request.address:
        return "address is required"
    if not request.body:
        return "body is required"
    return None


class NotDelivered(Exception):
    """The status a delivery is answered with instead of a receipt."""

    def __init__(self, code: grpc.StatusCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class KeyedLocks:
    """One lock per idempotency key while anyone holds or awaits it, so two concurrent calls
    with one key cannot both send; forgotten when the last holder leaves."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    def __len__(self) -> int:
        return len(self._locks)


class DeliveryGatewayService(delivery_pb2_grpc.DeliveryGatewayServicer):
    def __init__(
        self,
        adapters: Mapping[str, ChannelAdapter],
        receipts: ReceiptStore,
        metrics: GatewayMetrics,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._adapters = adapters
        self._receipts = receipts
        self._metrics = metrics
        self._clock = clock
        self._key_locks = KeyedLocks()

    async def _store_receipt(
        self, idempotency_key: str, channel: str, channel_message_id: str
    ) -> StoredReceipt:
        stored = StoredReceipt(
            idempotency_key=idempotency_key,
            receipt_id=f"rcp-{uuid.uuid4().hex[:16]}",
            channel=channel,
            channel_message_id=channel_message_id,
            accepted_at=self._clock(),
        )
        await self._receipts.put(stored)
        return stored

    async def Deliver(
        self,
        request: delivery_pb2.DeliverRequest,
        context: grpc.aio.ServicerContext[
            delivery_pb2.DeliverRequest, delivery_pb2.DeliveryReceipt
        ],
    ) -> delivery_pb2.DeliveryReceipt:
        try:
            return await self._deliver(request)
        except NotDelivered as error:
            await context.abort(error.code, error.message)
            raise  # abort raises; this only tells the type checker

    async def DeliverMany(
        self,
        request: delivery_pb2.DeliverManyRequest,
        context: grpc.aio.ServicerContext[
            delivery_pb2.DeliverManyRequest, delivery_pb2.DeliverManyResponse
        ],
    ) -> delivery_pb2.DeliverManyResponse:
        outcomes = await asyncio.gather(*(self._outcome(each) for each in request.deliveries))
        return delivery_pb2.DeliverManyResponse(outcomes=outcomes)

    async def _outcome(self, request: delivery_pb2.DeliverRequest) -> delivery_pb2.DeliveryOutcome:
        """What `Deliver` would answer for `request`, its error status included."""
        try:
            return delivery_pb2.DeliveryOutcome(receipt=await self._deliver(request))
        except NotDelivered as error:
            code, message = error.code, error.message
        except Exception as error:
            # Deliver would answer UNKNOWN (grpc logs it); here only this request fails.
            log.exception("delivery_failed", idempotency_key=request.idempotency_key)
            code, message = grpc.StatusCode.UNKNOWN, f"gateway error: {type(error).__name__}"
        return delivery_pb2.DeliveryOutcome(
            error=delivery_pb2.DeliveryError(code=code.value[0], message=message)
        )

    async def _deliver(self, request: delivery_pb2.DeliverRequest) -> delivery_pb2.DeliveryReceipt:
        """The receipt of `request`; raises NotDelivered with the status to answer."""
        problem = _invalid(request)
        channel = _CHANNEL_NAMES.get(request.channel, "unspecified")
        if problem is not None:
            self._metrics.deliveries.labels(channel, "invalid").inc()
            raise NotDelivered(grpc.StatusCode.INVALID_ARGUMENT, problem)
        ids = {
            "alert_id": request.alert_id,
            "report_id": request.report_id,
            "recipient_id": request.recipient_id,
            "channel": channel,
        }
        async with self._key_locks.hold(request.idempotency_key):
            stored, noted = await self._receipts.begin_send(
                request.idempotency_key, channel, self._clock()
            )
            if stored is not None:
                self._metrics.deliveries.labels(channel, "duplicate").inc()
                log.info("delivery_duplicate", **ids, receipt_id=stored.receipt_id)
                return _receipt(stored, request.channel, duplicate=True)
            if not noted:
                # A gateway died between handing this message to the channel and storing its
                # receipt: it may have gone out. Sending again could page twice, so the key
                # is settled as "outcome unknown" — loudly, and the escalation chain goes on.
                stored = await self._store_receipt(
                    request.idempotency_key, channel, OUTCOME_UNKNOWN
                )
                self._metrics.deliveries.labels(channel, "unknown").inc()
                log.error("delivery_outcome_unknown", **ids, receipt_id=stored.receipt_id)
                return _receipt(stored, request.channel, duplicate=True)
            message = OutgoingMessage(
                address=request.address,
                subject=request.subject,
                body=request.body,
                alert_id=request.alert_id,
                report_id=request.report_id,
                idempotency_key=request.idempotency_key,
            )
            try:
                channel_message_id = await self._adapters[channel].send(message)
            except ChannelUnavailable as error:
                await self._receipts.end_send(request.idempotency_key)  # known: not sent
                self._metrics.deliveries.labels(channel, "unavailable").inc()
                log.warning("delivery_unavailable", **ids, failure=str(error))
                raise NotDelivered(grpc.StatusCode.UNAVAILABLE, str(error)) from None
            except ChannelRefused as error:
                await self._receipts.end_send(request.idempotency_key)
                self._metrics.deliveries.labels(channel, "refused").inc()
                log.error("delivery_refused", **ids, failure=str(error))
                raise NotDelivered(grpc.StatusCode.FAILED_PRECONDITION, str(error)) from None
            except Exception:
                # An error we lived to see is retried as before; only a death leaves the note.
                await self._receipts.end_send(request.idempotency_key)
                raise
            stored = await self._store_receipt(request.idempotency_key, channel, channel_message_id)
        self._metrics.deliveries.labels(channel, "sent").inc()
        log.info("delivery_sent", **ids, receipt_id=stored.receipt_id)
        return _receipt(stored, request.channel, duplicate=False)
