"""Assembles one service process: database, outbox relay, consumers and the FastStream broker.

A service declares what it consumes as ``Subscription`` objects (consumer group, topics,
handlers per event type); the runtime does inbox, retries, dead letters and commits.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Union

from aiokafka import AIOKafkaProducer
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from sqlalchemy import MetaData

from contracts.envelope import Envelope
from contracts.registry import events_of, topics_of
from services.runtime.clock import Clock, SystemClock
from services.runtime.consumer import EventProcessor, Handler
from services.runtime.db import Database
from services.runtime.kafka import ensure_topics, make_broker, make_producer
from services.runtime.log_rewind import LogRewinder
from services.runtime.logs import get_logger
from services.runtime.migrations import upgrade_to_head
from services.runtime.raw_records import raw_bodies, tolerant_parser
from services.runtime.relay import OutboxRelay
from services.runtime.settings import ServiceSettings
from services.runtime.tables import MessagingTables, messaging_tables
from services.runtime.uow import UnitOfWorkFactory

log = get_logger(__name__)


@dataclass(frozen=True)
class Subscription:
    """One consumer group of this service: which topics, which handler per event type."""

    group: str
    topics: tuple[str, ...]
    handlers: Mapping[str, Handler]
    description: str = ""
    max_records: int = 500


class ServiceRuntime:
    """Everything a service needs to take part in the bus, with explicit dependencies."""

    def __init__(
        self,
        settings: ServiceSettings,
        metadata: MetaData,
        *,
        clock: Clock | None = None,
        database: Database | None = None,
    ) -> None:
        self.settings = settings
        self.service = settings.service
        self.clock: Clock = clock or SystemClock()
        self.db = database or Database(settings.database_url)
        self.metadata = metadata
        self.tables: MessagingTables = messaging_tables(metadata)
        self.uow = UnitOfWorkFactory(self.db, self.tables, self.clock, self.service)
        self.broker: KafkaBroker = make_broker(settings)
        self._producer: AIOKafkaProducer | None = None
        self.relay = OutboxRelay(
            db=self.db, tables=self.tables, settings=settings, producer=self.get_producer, clock=self.clock
        )
        self.uow.set_on_commit(self.relay.wake)
        self.processors: dict[str, EventProcessor] = {}
        self._subscribers: dict[str, Any] = {}
        self.rewinder = LogRewinder(self._subscribers)
        self.relay.on_lost_log = self.rewinder.rewind_all
        self._relay_task: asyncio.Task[None] | None = None
        self._watch_task: asyncio.Task[None] | None = None
        self.started = False
        self._document_publishers()

    def _document_publishers(self) -> None:
        """Declare what this service publishes so FastStream's AsyncAPI document shows it."""
        for topic in topics_of(self.service):
            models = [m for m in events_of(self.service) if m.topic == topic]
            envelopes = tuple(Envelope[m] for m in models)  # type: ignore[valid-type]
            schema: Any = envelopes[0] if len(envelopes) == 1 else Union[envelopes]  # noqa: UP007
            self.broker.publisher(
                topic,
                title=f"{topic}:publish",
                description="Events: " + ", ".join(m.event_type for m in models)
                + ". Key = subject (aggregate id). Published through the transactional outbox.",
                schema=schema,
            )

    def subscribe(self, subscription: Subscription) -> EventProcessor:
        processor = EventProcessor(
            group=subscription.group,
            handlers=subscription.handlers,
            uow=self.uow,
            dlt_producer=self.get_producer,
            max_attempts=self.settings.consumer_max_attempts,
            retry_base_seconds=self.settings.consumer_retry_base_seconds,
        )
        self.processors[subscription.group] = processor

        async def on_records(msg: KafkaMessage) -> None:
            raw = msg.raw_message
            records = raw if isinstance(raw, tuple) else (raw,)
            await processor.process_batch(records)

        on_records.__name__ = subscription.group.replace(".", "_").replace("-", "_")
        on_records.__doc__ = subscription.description or (
            "Handles: " + ", ".join(sorted(subscription.handlers))
        )
        subscriber = self.broker.subscriber(
            *subscription.topics,
            group_id=subscription.group,
            batch=True,
            max_records=subscription.max_records,
            auto_offset_reset="earliest",
            session_timeout_ms=6000,
            fetch_max_wait_ms=self.settings.consumer_fetch_max_wait_ms,
            heartbeat_interval_ms=2000,
            ack_policy=AckPolicy.NACK_ON_ERROR,
            parser=tolerant_parser,
            decoder=raw_bodies,
            title=f"{subscription.group}:consume",
            description=on_records.__doc__,
        )
        subscriber(on_records)
        self._subscribers[subscription.group] = subscriber
        return processor

    def get_producer(self) -> AIOKafkaProducer:
        """The producer of the relay and the dead letters; exists once the runtime started."""
        if self._producer is None:
            raise RuntimeError("the service runtime has not started")
        return self._producer

    async def start(self, *, consume: bool = True) -> None:
        await upgrade_to_head(self.db, self.service, self.metadata)
        await self._retry_until_broker(lambda: ensure_topics(self.settings))
        self._producer = make_producer(self.settings)
        await self._retry_until_broker(self._producer.start)
        self._relay_task = asyncio.create_task(self.relay.run(), name=f"{self.service}-relay")
        if consume and self.processors:
            await self._retry_until_broker(self.broker.start)
            self._watch_task = asyncio.create_task(self.rewinder.watch(), name=f"{self.service}-log-watch")
        self.started = True
        log.info("service runtime started", consumers=sorted(self.processors))

    async def _retry_until_broker(self, action: Any) -> None:
        delay = 0.2
        while True:
            try:
                await action()
                return
            except Exception as exc:
                log.warning("waiting for the broker", error=repr(exc), delay=delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def stop(self) -> None:
        self.relay.stop()
        for task in (self._relay_task, self._watch_task):
            if task:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        with contextlib.suppress(Exception):
            await self.relay.release()
        with contextlib.suppress(Exception):
            await self.broker.stop()
        if self._producer is not None:
            with contextlib.suppress(Exception):
                await self._producer.stop()
        await self.db.dispose()
        self.started = False

    async def ready(self) -> dict[str, bool]:
        checks = {"database": False, "broker": False}
        with contextlib.suppress(Exception):
            checks["database"] = await self.db.ping()
        with contextlib.suppress(Exception):
            client = self.get_producer().client
            checks["broker"] = self.started and bool(client.cluster.brokers())
        return checks
