"""How a client proves itself to the cluster: TLS and SASL, from the shared Kafka settings,
translated once for each client library — FastStream/aiokafka in the services, kafka-python in
the admin tools (topic creation, group offsets) — so every client gets the same settings."""

from __future__ import annotations

import ssl
from typing import Any

from faststream.security import (
    BaseSecurity,
    SASLPlaintext,
    SASLScram256,
    SASLScram512,
)

from haruul_common.settings import KafkaSettings


def ssl_context(settings: KafkaSettings) -> ssl.SSLContext | None:
    """Verifies the brokers with the CA file (or the system's), and shows our certificate
    when one is set; None when the connection is not TLS."""
    if not settings.security_protocol.endswith("SSL"):
        return None
    context = ssl.create_default_context(
        cafile=str(settings.ssl_ca_file) if settings.ssl_ca_file else None
    )
    if settings.ssl_cert_file and settings.ssl_key_file:
        context.load_cert_chain(str(settings.ssl_cert_file), str(settings.ssl_key_file))
    return context


def faststream_security(settings: KafkaSettings) -> BaseSecurity | None:
    context = ssl_context(settings)
    if not settings.security_protocol.startswith("SASL"):
        return BaseSecurity(ssl_context=context) if context else None
    username = settings.sasl_username or ""
    password = settings.sasl_password.get_secret_value() if settings.sasl_password else ""
    mechanism = {
        "PLAIN": SASLPlaintext,
        "SCRAM-SHA-256": SASLScram256,
        "SCRAM-SHA-512": SASLScram512,
    }[settings.sasl_mechanism]
    # SASL_PLAINTEXT sends the credentials unencrypted: for loopback and test clusters only.
    return mechanism(username, password, ssl_context=context, use_ssl=context is not None)


def kafka_python_options(settings: KafkaSettings) -> dict[str, Any]:
    """Keyword arguments for kafka-python's clients (KafkaAdminClient, KafkaConsumer, …)."""
    options: dict[str, Any] = {"security_protocol": settings.security_protocol}
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if settings.security_protocol.startswith("SASL"):
        options["sasl_mechanism"] = settings.sasl_mechanism
        options["sasl_plain_username"] = settings.sasl_username
        options["sasl_plain_password"] = (
            settings.sasl_password.get_secret_value() if settings.sasl_password else None
        )
    return options
