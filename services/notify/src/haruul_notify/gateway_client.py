"""Calling `DeliveryGateway.Deliver`: every call has a deadline; UNAVAILABLE and
DEADLINE_EXCEEDED are retried with backoff (safe because Deliver is idempotent on its key)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import grpc

from haruul.notify.v1 import delivery_pb2, delivery_pb2_grpc
from haruul_notify.domain.alerts import Channel, Delivery

_RETRYABLE = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED}
_REFUSED = {grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.FAILED_PRECONDITION}
_CHANNELS = {Channel.SMS: delivery_pb2.CHANNEL_SMS, Channel.EMAIL: delivery_pb2.CHANNEL_EMAIL}


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
        stub = self._stub or self._connect()
        last_error: grpc.aio.AioRpcError | None = None
        for attempt in range(self._attempts):
            if attempt:
                await self._sleep(self._backoff_s * 2 ** (attempt - 1))
            try:
                receipt: delivery_pb2.DeliveryReceipt = await stub.Deliver(
                    request, timeout=self._deadline_s
                )
                return receipt
            except grpc.aio.AioRpcError as error:
                if error.code() not in _RETRYABLE:
                    raise DeliveryFailed(error.code(), error.details() or "") from None
                last_error = error
        code = last_error.code() if last_error else None
        raise DeliveryFailed(code, f"gave up after {self._attempts} attempts")

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
