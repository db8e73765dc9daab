"""The delivery gateway's composition root: a gRPC server with DeliveryGateway, health and
reflection, and the channel adapters chosen by settings."""

from __future__ import annotations

import asyncio
import signal
import sys
from dataclasses import dataclass

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1._async import HealthServicer
from grpc_reflection.v1alpha import reflection
from prometheus_client import CollectorRegistry

from haruul.notify.v1 import delivery_pb2, delivery_pb2_grpc
from haruul_common.asgi_server import RunningAsgiServer, start_asgi_server
from haruul_common.logs import configure_logging
from haruul_common.metrics_http import serve_metrics
from haruul_common.settings import SettingsError, load_settings
from haruul_common.start_up import freeze_start_up_objects
from haruul_notify.gateway.adapters import (
    ChannelAdapter,
    FileSmsAdapter,
    SmtpConfig,
    SmtpEmailAdapter,
)
from haruul_notify.gateway.dlr_http import build_dlr_app
from haruul_notify.gateway.kannel import KannelSmsAdapter
from haruul_notify.gateway.metrics import GatewayMetrics
from haruul_notify.gateway.receipts import ReceiptStore
from haruul_notify.gateway.service import DeliveryGatewayService
from haruul_notify.gateway.settings import GatewaySettings

SERVICE_NAME = delivery_pb2.DESCRIPTOR.services_by_name["DeliveryGateway"].full_name


@dataclass
class GatewayServer:
    server: grpc.aio.Server
    port: int
    health: HealthServicer
    receipts: ReceiptStore
    metrics: GatewayMetrics
    http: RunningAsgiServer
    email: SmtpEmailAdapter
    sms: ChannelAdapter

    async def stop(self, grace_s: float = 2.0) -> None:
        await self.health.enter_graceful_shutdown()
        await self.server.stop(grace_s)
        await self.http.stop()
        await self.email.close()
        if isinstance(self.sms, KannelSmsAdapter):  # the file adapter keeps nothing open
            await self.sms.close()
        self.receipts.close()


def _sms_adapter(settings: GatewaySettings) -> ChannelAdapter:
    if settings.sms_adapter == "file" or settings.kannel_password is None:
        return FileSmsAdapter(settings.sms_outbox_dir)
    return KannelSmsAdapter(
        settings.kannel_url,
        settings.kannel_username,
        settings.kannel_password.get_secret_value(),
        settings.sms_sender,
        settings.kannel_timeout_s,
        settings.kannel_dlr_url,
        max_segments=settings.sms_max_segments,
    )


def server_credentials(settings: GatewaySettings) -> grpc.ServerCredentials | None:
    """Mutual TLS when configured: callers must show a certificate the client CA signed."""
    if not (settings.tls_cert_file and settings.tls_key_file and settings.tls_client_ca_file):
        return None
    return grpc.ssl_server_credentials(
        [(settings.tls_key_file.read_bytes(), settings.tls_cert_file.read_bytes())],
        root_certificates=settings.tls_client_ca_file.read_bytes(),
        require_client_auth=True,
    )


async def start_gateway(
    settings: GatewaySettings, *, registry: CollectorRegistry | None = None
) -> GatewayServer:
    """Bind (port 0 picks a free port), start serving, and report SERVING on health."""
    metrics = GatewayMetrics(registry or CollectorRegistry())
    receipts = ReceiptStore(settings.receipts_db)
    email = SmtpEmailAdapter(
        SmtpConfig(
            host=settings.smtp_host,
            port=settings.smtp_port,
            sender=settings.email_from,
            starttls=settings.smtp_starttls,
            username=settings.smtp_username,
            password=settings.smtp_password,
            timeout_s=settings.smtp_timeout_s,
            ca_file=str(settings.smtp_ca_file) if settings.smtp_ca_file else None,
            connections=settings.smtp_connections,
        )
    )
    sms = _sms_adapter(settings)
    adapters: dict[str, ChannelAdapter] = {"email": email, "sms": sms}
    server = grpc.aio.server()
    delivery_pb2_grpc.add_DeliveryGatewayServicer_to_server(
        DeliveryGatewayService(adapters, receipts, metrics), server
    )
    health = HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health, server)
    reflection.enable_server_reflection(
        (
            SERVICE_NAME,
            health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
            reflection.SERVICE_NAME,
        ),
        server,
    )
    address = f"{settings.host}:{settings.port}"
    credentials = server_credentials(settings)
    port = (
        server.add_secure_port(address, credentials)
        if credentials is not None
        else server.add_insecure_port(address)
    )
    await server.start()
    http = await start_asgi_server(
        build_dlr_app(
            receipts, metrics.delivery_reports, settings.callback_token.get_secret_value()
        ),
        settings.http_host,
        settings.http_port,
    )
    await health.set(SERVICE_NAME, health_pb2.HealthCheckResponse.SERVING)
    await health.set("", health_pb2.HealthCheckResponse.SERVING)
    return GatewayServer(
        server=server,
        port=port,
        health=health,
        receipts=receipts,
        metrics=metrics,
        http=http,
        email=email,
        sms=sms,
    )


async def _serve(settings: GatewaySettings) -> None:
    gateway = await start_gateway(settings)
    freeze_start_up_objects()
    metrics_server = serve_metrics(
        gateway.metrics.registry, settings.metrics_host, settings.metrics_port
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    await gateway.stop()
    metrics_server.stop()


def main() -> None:
    try:
        settings = load_settings(GatewaySettings)
    except SettingsError as error:
        sys.exit(f"haruul-gateway: {error}")
    configure_logging("gateway", json=settings.log_json, level=settings.log_level)
    asyncio.run(_serve(settings))


if __name__ == "__main__":
    main()
