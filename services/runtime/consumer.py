"""Consuming events exactly once in effect, with bounded retries and a dead-letter topic.

For each record: parse and check the contract (producer may emit this type, on this topic),
then in ONE transaction claim the inbox row and apply the handler. Then, and only then, the
offset is committed (FastStream ack policy NACK_ON_ERROR: ack after success).

* A record that can never be applied (malformed, unknown producer, a handler that keeps
  failing) is retried a bounded number of times, then written to ``<topic>.dlt`` with the
  original topic/partition/offset/error in headers, and acknowledged: the partition flows on.
* An infrastructure failure (database or broker unreachable) is retried without limit: the
  record is not poison, the world is, and skipping it would lose it.
* Records are taken in batches and applied in one transaction for throughput; if a batch fails,
  its records are applied one by one so that only the poison one is dead-lettered.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import structlog
from aiokafka import AIOKafkaProducer, ConsumerRecord
from aiokafka.errors import KafkaError
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, OperationalError

from contracts.envelope import MAX_EVENT_BYTES, Envelope
from contracts.registry import ContractViolation, parse_event
from contracts.topics import dead_letter_topic
from services.runtime import inbox
from services.runtime.dead_letters import dead_letter_for
from services.runtime.logs import get_logger
from services.runtime.uow import UnitOfWork, UnitOfWorkFactory

log = get_logger(__name__)

Handler = Callable[[UnitOfWork, Envelope[Any]], Awaitable[None]]
INFRASTRUCTURE_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError, ConnectionError, OSError, KafkaError, TimeoutError,
)


class PoisonRecord(Exception):
    """The record cannot be applied by any number of retries."""


def parse_record(record: ConsumerRecord[Any, Any]) -> Envelope[Any]:
    """The typed envelope of a record, or PoisonRecord: what no retry can ever make readable.

    The live consumers and the reporting rebuild both read the log through this one door, so a record
    the consumers dead-lettered is skipped by a rebuild instead of stopping it."""
    try:
        if record.value is None:
            raise ContractViolation("empty record")
        if len(record.value) > MAX_EVENT_BYTES:
            raise ContractViolation(f"record of {len(record.value)} bytes, more than any event may be")
        return parse_event(record.value, record.topic, record.headers)
    except (ContractViolation, ValidationError, ValueError, UnicodeDecodeError, RecursionError, TypeError) as exc:
        # RecursionError: JSON nested deeper than the parser's stack. Parsing is pure, so no
        # retry can help; before this was caught, it escaped the batch and stopped the partition.
        raise PoisonRecord(f"{type(exc).__name__}: {exc}"[:1000]) from exc


def _is_infrastructure(exc: BaseException) -> bool:
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, INFRASTRUCTURE_ERRORS)


@dataclass
class ConsumerStats:
    applied: int = 0
    duplicates: int = 0
    ignored: int = 0
    dead_lettered: int = 0
    retries: int = 0
    by_type: dict[str, int] = field(default_factory=dict)


class EventProcessor:
    """Applies records for one consumer group with the inbox, retries and dead letters."""

    def __init__(
        self,
        *,
        group: str,
        handlers: Mapping[str, Handler],
        uow: UnitOfWorkFactory,
        dlt_producer: Callable[[], AIOKafkaProducer],
        max_attempts: int = 3,
        retry_base_seconds: float = 0.2,
    ) -> None:
        self.group = group
        self.handlers = dict(handlers)
        self._uow = uow
        self._dlt = dlt_producer
        self._max_attempts = max_attempts
        self._retry_base = retry_base_seconds
        self.stats = ConsumerStats()

    async def process_batch(self, records: Sequence[ConsumerRecord[Any, Any]]) -> None:
        """Apply *records* in one transaction; on failure fall back to one at a time."""
        if len(records) == 1:
            await self.process_one(records[0])
            return
        try:
            parsed = [(record, self._parse(record)) for record in records]
        except PoisonRecord:
            for record in records:
                await self.process_one(record)
            return
        try:
            await self._apply(parsed)
        except Exception as exc:
            if _is_infrastructure(exc):
                log.warning("batch waits for infrastructure", error=repr(exc))
            for record in records:
                await self.process_one(record)

    async def process_one(self, record: ConsumerRecord[Any, Any]) -> None:
        attempt = 0
        infra_attempt = 0
        while True:
            try:
                envelope = self._parse(record)
                await self._apply([(record, envelope)])
                return
            except PoisonRecord as exc:
                await self._dead_letter(record, exc, attempt + 1)
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if _is_infrastructure(exc):
                    infra_attempt += 1
                    self.stats.retries += 1
                    delay = min(self._retry_base * 2 ** min(infra_attempt, 6), 10.0)
                    log.warning("infrastructure unavailable, retrying", error=repr(exc), delay=delay)
                    await asyncio.sleep(delay)
                    continue
                attempt += 1
                if attempt >= self._max_attempts:
                    await self._dead_letter(record, exc, attempt)
                    return
                self.stats.retries += 1
                await asyncio.sleep(self._retry_base * 2 ** (attempt - 1))

    def _parse(self, record: ConsumerRecord[Any, Any]) -> Envelope[Any] | None:
        """The typed envelope, None for a type this group does not handle; poison otherwise."""
        envelope = parse_record(record)
        if envelope.type not in self.handlers:
            return None
        return envelope

    async def _apply(self, items: Sequence[tuple[ConsumerRecord[Any, Any], Envelope[Any] | None]]) -> None:
        applied: list[str] = []
        duplicates = ignored = 0
        async with self._uow() as uow:
            now = uow._clock.now()  # noqa: SLF001 - the inbox time follows the service clock
            for record, envelope in items:
                if envelope is None:
                    ignored += 1
                    continue
                fresh = await inbox.claim(
                    uow.session, self._uow.tables, group=self.group, event_id=envelope.id,
                    event_type=envelope.type, topic=record.topic, partition=record.partition,
                    offset=record.offset, now=now,
                )
                if not fresh:
                    duplicates += 1
                    continue
                with structlog.contextvars.bound_contextvars(
                    correlation_id=envelope.correlation_id, event_id=envelope.id, event_type=envelope.type
                ):
                    await self.handlers[envelope.type](uow, envelope)
                applied.append(envelope.type)
        self.stats.applied += len(applied)
        self.stats.duplicates += duplicates
        self.stats.ignored += ignored
        for name in applied:
            self.stats.by_type[name] = self.stats.by_type.get(name, 0) + 1

    async def _dead_letter(self, record: ConsumerRecord[Any, Any], error: BaseException, attempts: int) -> None:
        letter = dead_letter_for(record, group=self.group, error=error, attempts=attempts)
        await self._dlt().send_and_wait(
            dead_letter_topic(record.topic), value=letter.value, key=letter.key, headers=letter.headers
        )
        self.stats.dead_lettered += 1
        log.error(
            "record dead-lettered", topic=record.topic, partition=record.partition,
            offset=record.offset, group=self.group, error=repr(error)[:300],
        )
