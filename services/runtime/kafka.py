"""Kafka clients from settings: the FastStream broker, a raw producer and topic administration.

Plain TCP for the embedded tansu broker; SASL (PLAIN or SCRAM) and/or TLS for a production
Apache Kafka cluster, chosen by KAFKA_SECURITY_PROTOCOL.
"""

from __future__ import annotations

import ssl
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from faststream.kafka import KafkaBroker
from faststream.security import BaseSecurity, SASLPlaintext, SASLScram256, SASLScram512

from contracts.topics import TOPICS, TopicSpec, topic_layout
from services.runtime.logs import get_logger
from services.runtime.settings import ServiceSettings
from services.runtime.topic_guard import install_topic_guard


def _ssl_context(settings: ServiceSettings) -> ssl.SSLContext | None:
    if settings.kafka_security_protocol not in {"SSL", "SASL_SSL"}:
        return None
    return ssl.create_default_context(cafile=settings.kafka_ssl_cafile or None)


def broker_security(settings: ServiceSettings) -> BaseSecurity | None:
    context = _ssl_context(settings)
    if not settings.kafka_security_protocol.startswith("SASL"):
        return BaseSecurity(ssl_context=context) if context else None
    user, password = settings.kafka_sasl_username, settings.kafka_sasl_password
    if settings.kafka_sasl_mechanism == "PLAIN":
        return SASLPlaintext(user, password, ssl_context=context)
    if settings.kafka_sasl_mechanism == "SCRAM-SHA-256":
        return SASLScram256(user, password, ssl_context=context)
    return SASLScram512(user, password, ssl_context=context)


def client_kwargs(settings: ServiceSettings) -> dict[str, Any]:
    """Connection arguments for raw aiokafka clients, matching the broker's security."""
    kwargs: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap_servers,
        "security_protocol": settings.kafka_security_protocol,
        "client_id": f"opvangloket-{settings.service}",
    }
    context = _ssl_context(settings)
    if context:
        kwargs["ssl_context"] = context
    if settings.kafka_security_protocol.startswith("SASL"):
        kwargs.update(
            sasl_mechanism=settings.kafka_sasl_mechanism,
            sasl_plain_username=settings.kafka_sasl_username,
            sasl_plain_password=settings.kafka_sasl_password,
        )
    return kwargs


def make_broker(settings: ServiceSettings, **extra: Any) -> KafkaBroker:
    install_topic_guard(settings.kafka_replication_factor)
    return KafkaBroker(
        settings.kafka_bootstrap_servers,
        security=broker_security(settings),
        client_id=f"opvangloket-{settings.service}",
        logger=get_logger("faststream"),
        **extra,
    )


def make_producer(settings: ServiceSettings) -> AIOKafkaProducer:
    """Acks from all in-sync replicas; the outbox gives at-least-once, the inbox dedupes."""
    install_topic_guard(settings.kafka_replication_factor)
    return AIOKafkaProducer(
        **client_kwargs(settings),
        acks="all",
        linger_ms=2,
        request_timeout_ms=10_000,
        max_batch_size=256 * 1024,
    )


async def ensure_topics(settings: ServiceSettings, specs: tuple[TopicSpec, ...] = TOPICS) -> list[str]:
    """Create missing topics (and their dead-letter topics); return the names created."""
    admin = AIOKafkaAdminClient(**client_kwargs(settings), request_timeout_ms=10_000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        replicas = settings.kafka_replication_factor
        wanted = [NewTopic(name, partitions, replicas, topic_configs=config)
                  for name, partitions, config in topic_layout(specs) if name not in existing]
        created = []
        for topic in wanted:
            try:
                await admin.create_topics([topic])
                created.append(topic.name)
            except TopicAlreadyExistsError:
                pass
        return created
    finally:
        await admin.close()
