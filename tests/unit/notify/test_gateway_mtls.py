"""Mutual TLS between notify and the gateway: only a caller with a certificate from the
configured CA gets through; half a configuration stops the gateway at start-up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from haruul_common.settings import SettingsError, load_settings
from haruul_notify.domain.alerts import Channel, Delivery
from haruul_notify.gateway.main import GatewayServer, start_gateway
from haruul_notify.gateway.settings import GatewaySettings
from haruul_notify.gateway_client import GatewayClient
from haruul_notify.settings import NotifySettings
from tests.support.certificates import certificate_authority, signed_certificate

Pair = tuple[Path, Path]


@dataclass(frozen=True)
class Pki:
    ca: Pair
    server: Pair
    client: Pair
    stranger: Pair  # a client certificate from another CA


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    directory = tmp_path_factory.mktemp("pki")
    ca = certificate_authority(directory)
    other = certificate_authority(directory, "other-ca")
    return Pki(
        ca=ca,
        server=signed_certificate(directory, ca, "gateway"),
        client=signed_certificate(directory, ca, "notify", client=True),
        stranger=signed_certificate(directory, other, "stranger", client=True),
    )


@pytest.fixture
async def gateway(tmp_path: Path, pki: Pki) -> AsyncIterator[GatewayServer]:
    settings = GatewaySettings(
        port=0,
        http_port=0,
        receipts_db=tmp_path / "gateway.db",
        sms_outbox_dir=tmp_path / "sms",
        tls_cert_file=pki.server[0],
        tls_key_file=pki.server[1],
        tls_client_ca_file=pki.ca[0],
    )
    server = await start_gateway(settings)
    yield server
    await server.stop(0)


async def _health(port: int, credentials: grpc.ChannelCredentials) -> int:
    async with grpc.aio.secure_channel(f"127.0.0.1:{port}", credentials) as channel:
        reply = await health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(), timeout=5
        )
        return int(reply.status)


def _credentials(ca: Path, client: Pair | None) -> grpc.ChannelCredentials:
    return grpc.ssl_channel_credentials(
        root_certificates=ca.read_bytes(),
        private_key=client[1].read_bytes() if client else None,
        certificate_chain=client[0].read_bytes() if client else None,
    )


async def test_a_caller_with_a_certificate_from_the_ca_is_served(
    gateway: GatewayServer, pki: Pki
) -> None:
    status = await _health(gateway.port, _credentials(pki.ca[0], pki.client))
    assert status == health_pb2.HealthCheckResponse.SERVING


@pytest.mark.parametrize("who", ["no certificate", "another CA's certificate"])
async def test_a_caller_without_the_right_certificate_is_refused(
    gateway: GatewayServer, pki: Pki, who: str
) -> None:
    client = None if who == "no certificate" else pki.stranger
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await _health(gateway.port, _credentials(pki.ca[0], client))
    assert refused.value.code() is grpc.StatusCode.UNAVAILABLE


async def test_plaintext_is_refused(gateway: GatewayServer) -> None:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{gateway.port}") as channel:
        with pytest.raises(grpc.aio.AioRpcError):
            await health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(), timeout=5
            )


def test_half_a_tls_configuration_is_refused_naming_the_settings(pki: Pki) -> None:
    with pytest.raises(SettingsError, match="HARUUL_GATEWAY_TLS_CLIENT_CA_FILE together"):
        load_settings(GatewaySettings, tls_cert_file=pki.server[0], tls_key_file=pki.server[1])


def test_a_key_that_is_not_the_certificates_is_named(pki: Pki) -> None:
    with pytest.raises(SettingsError, match="HARUUL_GATEWAY_TLS_KEY_FILE: not the PEM private"):
        load_settings(
            GatewaySettings,
            tls_cert_file=pki.server[0],
            tls_key_file=pki.client[1],
            tls_client_ca_file=pki.ca[0],
        )


async def test_notify_delivers_through_the_gateway_with_its_client_certificate(
    gateway: GatewayServer, pki: Pki, tmp_path: Path
) -> None:
    settings = NotifySettings(
        gateway_target=f"127.0.0.1:{gateway.port}",
        gateway_tls_ca_file=pki.ca[0],
        gateway_tls_cert_file=pki.client[0],
        gateway_tls_key_file=pki.client[1],
    )
    client = GatewayClient(
        settings.gateway_target,
        deadline_s=5,
        attempts=1,
        backoff_s=0,
        credentials=settings.gateway_credentials(),
    )
    delivery = Delivery(
        "alt-1/officer/sms/step-300",
        "alt-1",
        "r1",
        "officer",
        Channel.SMS,
        "+97699000042",
        "",
        "HARUUL CRITICAL alt-1",
    )
    try:
        receipt = await client.deliver(delivery)
    finally:
        await client.close()
    assert receipt.receipt_id
    assert list((tmp_path / "sms").glob("alt-1-*"))


def test_notify_refuses_half_a_gateway_tls_configuration(pki: Pki) -> None:
    with pytest.raises(SettingsError, match="HARUUL_NOTIFY_GATEWAY_TLS_KEY_FILE together"):
        load_settings(NotifySettings, gateway_tls_ca_file=pki.ca[0])
