"""Opt-in (``pytest --docker``, needs a Docker engine): the same runtime guarantees against Apache
Kafka, PostgreSQL and Redis containers through testcontainers. Without --docker these tests are
deselected (not skipped): CI machines have no Docker engine and run the local processes instead."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer
from redis.asyncio import Redis

from services.runtime.kafka import ensure_topics, make_producer
from services.runtime.redis_tools import RedisLock
from services.runtime.relay import OutboxRelay
from services.runtime.settings import load_settings
from tests.integration.runtime.harness import Harness, withdrawn

pytestmark = [pytest.mark.docker]


@pytest.fixture(scope="module")
def containers() -> Iterator[dict[str, str]]:
    from testcontainers.kafka import KafkaContainer
    from testcontainers.postgres import PostgresContainer
    from testcontainers.redis import RedisContainer

    with KafkaContainer("confluentinc/cp-kafka:7.6.1").with_kraft() as kafka, \
            PostgresContainer("postgres:16", driver="asyncpg") as postgres, RedisContainer("redis:7") as redis:
        yield {
            "kafka": kafka.get_bootstrap_server(),
            "postgres": postgres.get_connection_url(),
            "redis": f"redis://{redis.get_container_host_ip()}:{redis.get_exposed_port(6379)}/0",
        }


async def test_outbox_relay_publishes_to_apache_kafka_from_postgres(containers: dict[str, str],
                                                                   tmp_path: Path) -> None:
    settings = load_settings("intake", kafka_bootstrap_servers=containers["kafka"])
    await ensure_topics(settings)
    harness = Harness(containers["postgres"])
    await harness.create()
    async with harness.uow() as uow:
        await uow.emit(withdrawn("container-1"))
    producer: AIOKafkaProducer = make_producer(settings)
    await producer.start()
    try:
        relay = OutboxRelay(db=harness.db, tables=harness.tables, settings=settings, producer=lambda: producer,
                            clock=harness.uow.clock)
        assert await relay.publish_pending() == 1
        assert await relay.detect_lost_log() is False
    finally:
        await producer.stop()


async def test_job_lock_on_redis_container(containers: dict[str, str]) -> None:
    redis = Redis.from_url(containers["redis"])
    first, second = RedisLock(redis, "job"), RedisLock(redis, "job")
    assert await first.acquire() and not await second.acquire()
    await first.release()
    await redis.aclose()
