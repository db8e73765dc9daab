"""The gateway client retries what may succeed later, with backoff, and gives up clearly."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import grpc
import pytest

from haruul.notify.v1 import delivery_pb2, delivery_pb2_grpc
from haruul_notify.domain.alerts import Channel, Delivery
from haruul_notify.gateway_client import DeliveryFailed, GatewayClient
from tests.support.net import free_port

Context = grpc.aio.ServicerContext[delivery_pb2.DeliverRequest, delivery_pb2.DeliveryReceipt]
ManyContext = grpc.aio.ServicerContext[
    delivery_pb2.DeliverManyRequest, delivery_pb2.DeliverManyResponse
]

DELIVERY = Delivery(
    idempotency_key="alt-1/desk/email/0",
    alert_id="alt-1",
    report_id="rep-1",
    recipient_id="desk",
    channel=Channel.EMAIL,
    address="desk@consulate.example",
    subject="[Haruul CRITICAL] alert alt-1 (report rep-1)",
    body="body",
)


class FlakyGateway(delivery_pb2_grpc.DeliveryGatewayServicer):
    """Fails the first `failures` calls with `code` (or hangs, for DEADLINE_EXCEEDED). Like a
    gateway from before `DeliverMany`, it answers that UNIMPLEMENTED (and counts the tries)."""

    def __init__(self, failures: int, code: grpc.StatusCode = grpc.StatusCode.UNAVAILABLE) -> None:
        self.failures = failures
        self.code = code
        self.requests: list[delivery_pb2.DeliverRequest] = []
        self.many_calls = 0
        self._never = asyncio.Event()

    async def Deliver(
        self, request: delivery_pb2.DeliverRequest, context: Context
    ) -> delivery_pb2.DeliveryReceipt:
        self.requests.append(request)
        if len(self.requests) <= self.failures:
            if self.code is grpc.StatusCode.DEADLINE_EXCEEDED:
                await self._never.wait()  # past any deadline; cancelled by the server
            await context.abort(self.code, "channel down")
        return delivery_pb2.DeliveryReceipt(
            receipt_id="rcp-1",
            idempotency_key=request.idempotency_key,
            channel=request.channel,
            status=delivery_pb2.DELIVERY_STATUS_ACCEPTED,
        )

    async def DeliverMany(
        self, request: delivery_pb2.DeliverManyRequest, context: ManyContext
    ) -> delivery_pb2.DeliverManyResponse:
        self.many_calls += 1
        await context.abort(grpc.StatusCode.UNIMPLEMENTED, "Method not implemented!")
        raise AssertionError("abort raises")


@dataclass
class RecordingSleep:
    delays: list[float] = field(default_factory=list)

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


@dataclass
class Harness:
    servicer: FlakyGateway
    sleep: RecordingSleep
    client: GatewayClient


class HarnessFactory:
    """Serves a fake gateway on port 0 and points a client with a recording sleep at it."""

    def __init__(self) -> None:
        self._servers: list[grpc.aio.Server] = []
        self._clients: list[GatewayClient] = []

    async def __call__(
        self, servicer: FlakyGateway, *, attempts: int = 4, deadline_s: float = 5.0
    ) -> Harness:
        server = grpc.aio.server()
        delivery_pb2_grpc.add_DeliveryGatewayServicer_to_server(servicer, server)
        port = server.add_insecure_port("127.0.0.1:0")
        await server.start()
        self._servers.append(server)
        sleep = RecordingSleep()
        client = GatewayClient(
            f"127.0.0.1:{port}",
            deadline_s=deadline_s,
            attempts=attempts,
            backoff_s=0.5,
            sleep=sleep,
        )
        self._clients.append(client)
        return Harness(servicer, sleep, client)

    async def close(self) -> None:
        for client in self._clients:
            await client.close()
        for server in self._servers:
            await server.stop(0)


@pytest.fixture
async def harness() -> AsyncIterator[HarnessFactory]:
    factory = HarnessFactory()
    yield factory
    await factory.close()


async def test_first_call_succeeds_without_sleeping(harness: HarnessFactory) -> None:
    h = await harness(FlakyGateway(failures=0))

    receipt = await h.client.deliver(DELIVERY)

    assert receipt.receipt_id == "rcp-1"
    assert h.sleep.delays == []
    [request] = h.servicer.requests
    assert request.idempotency_key == "alt-1/desk/email/0"
    assert request.channel == delivery_pb2.CHANNEL_EMAIL
    assert request.address == "desk@consulate.example"
    assert request.subject == "[Haruul CRITICAL] alert alt-1 (report rep-1)"
    assert (request.alert_id, request.report_id, request.recipient_id) == (
        "alt-1",
        "rep-1",
        "desk",
    )


async def test_unavailable_is_retried_with_exponential_backoff(
    harness: HarnessFactory,
) -> None:
    h = await harness(FlakyGateway(failures=3), attempts=4)

    receipt = await h.client.deliver(DELIVERY)

    assert receipt.receipt_id == "rcp-1"
    assert len(h.servicer.requests) == 4
    assert h.sleep.delays == [0.5, 1.0, 2.0]
    # Every retry carries the same idempotency key, so the gateway cannot send twice.
    assert {r.idempotency_key for r in h.servicer.requests} == {DELIVERY.idempotency_key}


async def test_non_retryable_code_fails_at_once(harness: HarnessFactory) -> None:
    h = await harness(FlakyGateway(failures=1, code=grpc.StatusCode.INVALID_ARGUMENT))

    with pytest.raises(DeliveryFailed) as caught:
        await h.client.deliver(DELIVERY)

    assert caught.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert str(caught.value) == "INVALID_ARGUMENT: channel down"
    assert len(h.servicer.requests) == 1
    assert h.sleep.delays == []


async def test_gives_up_after_all_attempts(harness: HarnessFactory) -> None:
    h = await harness(FlakyGateway(failures=10), attempts=3)

    with pytest.raises(DeliveryFailed) as caught:
        await h.client.deliver(DELIVERY)

    assert caught.value.code == grpc.StatusCode.UNAVAILABLE
    assert "gave up after 3 attempts" in str(caught.value)
    assert len(h.servicer.requests) == 3
    assert h.sleep.delays == [0.5, 1.0]


async def test_unreachable_gateway_is_unavailable_after_retries() -> None:
    port = free_port()  # nothing listens here
    sleep = RecordingSleep()
    client = GatewayClient(
        f"127.0.0.1:{port}", deadline_s=2.0, attempts=2, backoff_s=0.25, sleep=sleep
    )
    try:
        with pytest.raises(DeliveryFailed) as caught:
            await client.deliver(DELIVERY)
    finally:
        await client.close()

    assert caught.value.code == grpc.StatusCode.UNAVAILABLE
    assert "gave up after 2 attempts" in str(caught.value)
    assert sleep.delays == [0.25]


async def test_call_past_the_deadline_is_retried(harness: HarnessFactory) -> None:
    h = await harness(
        FlakyGateway(failures=1, code=grpc.StatusCode.DEADLINE_EXCEEDED),
        attempts=3,
        deadline_s=0.2,
    )

    receipt = await h.client.deliver(DELIVERY)

    assert receipt.receipt_id == "rcp-1"
    assert len(h.servicer.requests) == 2
    assert h.sleep.delays == [0.5]


async def test_deadline_on_every_attempt_fails_as_deadline_exceeded(
    harness: HarnessFactory,
) -> None:
    h = await harness(
        FlakyGateway(failures=10, code=grpc.StatusCode.DEADLINE_EXCEEDED),
        attempts=2,
        deadline_s=0.1,
    )

    with pytest.raises(DeliveryFailed) as caught:
        await h.client.deliver(DELIVERY)

    assert caught.value.code == grpc.StatusCode.DEADLINE_EXCEEDED
    assert len(h.servicer.requests) == 2


# --- deliveries asked for together go in one DeliverMany call --------------------------------


def _deliveries(count: int) -> list[Delivery]:
    return [
        Delivery(
            idempotency_key=f"alt-1/staff-{n}/email/0",
            alert_id="alt-1",
            report_id="rep-1",
            recipient_id=f"staff-{n}",
            channel=Channel.EMAIL,
            address=f"staff-{n}@consulate.example",
            subject="[Haruul CRITICAL] alert alt-1 (report rep-1)",
            body="body",
        )
        for n in range(count)
    ]


class BatchingGateway(FlakyGateway):
    """Answers DeliverMany: refuses the keys in `refused`; fails the first `failed_calls` calls
    whole with UNAVAILABLE."""

    def __init__(self, refused: frozenset[str] = frozenset(), failed_calls: int = 0) -> None:
        super().__init__(failures=0)
        self.refused = refused
        self.failed_calls = failed_calls
        self.batches: list[list[str]] = []

    async def DeliverMany(
        self, request: delivery_pb2.DeliverManyRequest, context: ManyContext
    ) -> delivery_pb2.DeliverManyResponse:
        self.batches.append([each.idempotency_key for each in request.deliveries])
        if len(self.batches) <= self.failed_calls:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "restarting")
        outcomes = []
        for each in request.deliveries:
            if each.idempotency_key in self.refused:
                error = delivery_pb2.DeliveryError(
                    code=grpc.StatusCode.INVALID_ARGUMENT.value[0], message="address is required"
                )
                outcomes.append(delivery_pb2.DeliveryOutcome(error=error))
            else:
                receipt = delivery_pb2.DeliveryReceipt(
                    receipt_id=f"rcp-{each.recipient_id}", idempotency_key=each.idempotency_key
                )
                outcomes.append(delivery_pb2.DeliveryOutcome(receipt=receipt))
        return delivery_pb2.DeliverManyResponse(outcomes=outcomes)


async def test_deliveries_asked_together_go_in_one_call_each_with_its_own_receipt(
    harness: HarnessFactory,
) -> None:
    gateway = BatchingGateway()
    h = await harness(gateway)
    deliveries = _deliveries(4)

    receipts = await asyncio.gather(*(h.client.deliver(d) for d in deliveries))

    assert gateway.batches == [[d.idempotency_key for d in deliveries]]
    assert gateway.requests == []  # no single Deliver calls
    assert [r.idempotency_key for r in receipts] == [d.idempotency_key for d in deliveries]
    assert [r.receipt_id for r in receipts] == [f"rcp-staff-{n}" for n in range(4)]


async def test_a_lone_delivery_uses_deliver(harness: HarnessFactory) -> None:
    gateway = BatchingGateway()
    h = await harness(gateway)

    receipt = await h.client.deliver(DELIVERY)

    assert receipt.receipt_id == "rcp-1"
    assert gateway.batches == []
    assert len(gateway.requests) == 1


async def test_a_refused_delivery_fails_only_its_own_caller(harness: HarnessFactory) -> None:
    deliveries = _deliveries(3)
    gateway = BatchingGateway(refused=frozenset({deliveries[1].idempotency_key}))
    h = await harness(gateway)

    first, refused, third = await asyncio.gather(
        *(h.client.deliver(d) for d in deliveries), return_exceptions=True
    )

    assert isinstance(first, delivery_pb2.DeliveryReceipt)
    assert isinstance(third, delivery_pb2.DeliveryReceipt)
    assert isinstance(refused, DeliveryFailed)
    assert refused.code is grpc.StatusCode.INVALID_ARGUMENT
    assert refused.permanent
    assert h.sleep.delays == []  # a refusal is not retried


async def test_a_call_the_gateway_could_not_take_is_retried_for_every_delivery_in_it(
    harness: HarnessFactory,
) -> None:
    gateway = BatchingGateway(failed_calls=1)
    h = await harness(gateway)
    deliveries = _deliveries(3)

    receipts = await asyncio.gather(*(h.client.deliver(d) for d in deliveries))

    keys = [d.idempotency_key for d in deliveries]
    assert gateway.batches == [keys, keys]  # the same keys again: the gateway sends each once
    assert [r.idempotency_key for r in receipts] == keys
    assert h.sleep.delays == [0.5, 0.5, 0.5]


async def test_a_gateway_without_deliver_many_gets_one_deliver_per_delivery(
    harness: HarnessFactory,
) -> None:
    gateway = FlakyGateway(failures=0)
    h = await harness(gateway)

    first_page = await asyncio.gather(*(h.client.deliver(d) for d in _deliveries(2)))
    second_page = await asyncio.gather(*(h.client.deliver(d) for d in _deliveries(3)))

    assert len(first_page) == 2
    assert len(second_page) == 3
    assert len(gateway.requests) == 5
    assert gateway.many_calls == 1  # asked once, then remembered
