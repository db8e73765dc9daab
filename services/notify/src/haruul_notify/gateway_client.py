"""Calling the delivery gateway: every call has a deadline; UNAVAILABLE and DEADLINE_EXCEEDED
are retried with backoff (safe because a delivery is idempotent on its key).

Deliveries asked for in one turn of the event loop — under load, those of the alerts being
paged side by side — go to the gateway together in one `DeliverMany` call, each answered with
its own receipt or status, exactly as `Deliver` would have answered it: a call costs more than
a delivery's own work. A lone delivery, or a gateway without `DeliverMany`, gets `Deliver`."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import grpc

from haruul.notify.v1 import delivery_pb2, delivery_pb2_grpc
from haruul_notify.domain.alerts import Channel, Delivery

_RETRYABLE = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED}
_REFUSED = {grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.FAILED_PRECONDITION}
_CHANNELS = {Channel.SMS: delivery_pb2.CHANNEL_SMS, Channel.EMAIL: delivery_pb2.CHANNEL_EMAIL}
_STATUS_CODES = {code.value[0]: code for code in grpc.StatusCode}


class DeliveryFailed(Exception):
    """The gateway refused the delivery or stayed unreachable through every retry."""

    def __init__(self, code: grpc.StatusCode | None, detail: str) -> None:
        super().__init__(f"{code.name if code else 'UNKNOWN'}: {detail}")
        self.code = code

    @property
    def permanent(self) -> bool:
        """True when the gateway refused this delivery: sending it again cannot succeed.

        Anything else — an unreachable gateway, or an error inside it — is worth another try
        later: a bug fixed and redeployed must not have cost a page.
        """
        return self.code in _REFUSED


class _NotDelivered(Exception):
    """One call's answer for one delivery, when it is not a receipt."""

    def __init__(self, code: grpc.StatusCode | None, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


Waiting = tuple[delivery_pb2.DeliverRequest, "asyncio.Future[delivery_pb2.DeliveryReceipt]"]


class GatewayClient:
    def __init__(
        self,
        target: str,
        *,
        deadline_s: float,
        attempts: int,
        backoff_s: float,
        credentials: grpc.ChannelCredentials | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._target = target
        self._credentials = credentials  # mutual TLS when the gateway demands it
        # Made on first use: a grpc.aio channel belongs to the event loop it was made in.
        self._channel: grpc.aio.Channel | None = None
        self._stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub | None = None
        self._deadline_s = deadline_s
        self._attempts = attempts
        self._backoff_s = backoff_s
        self._sleep = sleep
        self._waiting: list[Waiting] = []
        self._calls: set[asyncio.Task[None]] = set()  # referenced until done
        self._gateway_has_many = True  # until it answers UNIMPLEMENTED

    async def deliver(self, delivery: Delivery) -> delivery_pb2.DeliveryReceipt:
        request = delivery_pb2.DeliverRequest(
            idempotency_key=delivery.idempotency_key,
            channel=_CHANNELS[delivery.channel],
            address=delivery.address,
            subject=delivery.subject,
            body=delivery.body,
            alert_id=delivery.alert_id,
            report_id=delivery.report_id,
            recipient_id=delivery.recipient_id,
        )
        last_code: grpc.StatusCode | None = None
        for attempt in range(self._attempts):
            if attempt:
                await self._sleep(self._backoff_s * 2 ** (attempt - 1))
            try:
                return await self._send(request)
            except _NotDelivered as answer:
                if answer.code not in _RETRYABLE:
                    raise DeliveryFailed(answer.code, answer.detail) from None
                last_code = answer.code
        raise DeliveryFailed(last_code, f"gave up after {self._attempts} attempts")

    async def _send(self, request: delivery_pb2.DeliverRequest) -> delivery_pb2.DeliveryReceipt:
        """One attempt: the receipt, or _NotDelivered with the gateway's status."""
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[delivery_pb2.DeliveryReceipt] = loop.create_future()
        if not self._waiting:
            # Runs once the tasks now ready to run (other alerts' pages) have asked too.
            loop.call_soon(self._call_waiting)
        self._waiting.append((request, answer))
        return await answer

    def _call_waiting(self) -> None:
        group, self._waiting = self._waiting, []
        call = asyncio.create_task(self._call(group))
        self._calls.add(call)
        call.add_done_callback(lambda done: self._call_ended(done, group))

    def _call_ended(self, call: asyncio.Task[None], group: list[Waiting]) -> None:
        """Nobody is left waiting: a call that ended without answering someone (an error
        that is not the gateway's status, or cancelled at shut-down) passes that on."""
        self._calls.discard(call)
        for _, answer in group:
            if answer.done():
                continue
            if call.cancelled():
                answer.cancel()
            else:
                answer.set_exception(call.exception() or RuntimeError("the call gave no answer"))

    async def _call(self, group: list[Waiting]) -> None:
        stub = self._stub or self._connect()
        if len(group) > 1 and self._gateway_has_many and await self._call_many(stub, group):
            return
        await asyncio.gather(*(self._call_one(stub, each) for each in group))

    async def _call_many(
        self, stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub, group: list[Waiting]
    ) -> bool:
        """Answer the group with one DeliverMany; False when the gateway has none."""
        many = delivery_pb2.DeliverManyRequest(deliveries=[request for request, _ in group])
        try:
            response = await stub.DeliverMany(many, timeout=self._deadline_s)
        except grpc.aio.AioRpcError as error:
            if error.code() is grpc.StatusCode.UNIMPLEMENTED:  # an older gateway
                self._gateway_has_many = False
                return False
            for _, answer in group:
                _settle(answer, _NotDelivered(error.code(), error.details() or ""))
            return True
        for (_, answer), outcome in zip(group, response.outcomes, strict=True):
            if outcome.HasField("receipt"):
                _settle(answer, outcome.receipt)
            else:
                code = _STATUS_CODES.get(outcome.error.code, grpc.StatusCode.UNKNOWN)
                _settle(answer, _NotDelivered(code, outcome.error.message))
        return True

    async def _call_one(
        self, stub: delivery_pb2_grpc.DeliveryGatewayAsyncStub, waiting: Waiting
    ) -> None:
        request, answer = waiting
        try:
            receipt: delivery_pb2.DeliveryReceipt = await stub.Deliver(
                request, timeout=self._deadline_s
            )
        except grpc.aio.AioRpcError as error:
            _settle(answer, _NotDelivered(error.code(), error.details() or ""))
        else:
            _settle(answer, receipt)

    def _connect(self) -> delivery_pb2_grpc.DeliveryGatewayAsyncStub:
        self._channel = (
            grpc.aio.secure_channel(self._target, self._credentials)
            if self._credentials is not None
            else grpc.aio.insecure_channel(self._target)
        )
        self._stub = delivery_pb2_grpc.DeliveryGatewayStub(self._channel)
        return self._stub

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close(None)
            self._channel = None
            self._stub = None


def _settle(
    answer: asyncio.Future[delivery_pb2.DeliveryReceipt],
    outcome: delivery_pb2.DeliveryReceipt | _NotDelivered,
) -> None:
    if answer.done():  # its caller gave up waiting (cancelled)
        return
    if isinstance(outcome, _NotDelivered):
        answer.set_exception(outcome)
    else:
        answer.set_result(outcome)
