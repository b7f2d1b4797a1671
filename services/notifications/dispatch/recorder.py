"""Group commit of send results: each result is committed as soon as possible, several per transaction.

A sender hands its result over and waits until a transaction holding it committed. While one
commit runs, the results that arrive meanwhile wait for it and go together in the next one: one
send alone costs one transaction, like before, and under load many sends share one. The window in
which a crash repeats a send (sent, not yet recorded) stays what it was: the sends in flight.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from services.notifications.adapters.mailer import SendResult
from services.notifications.dispatch.outcomes import record_many
from services.runtime.clock import Clock
from services.runtime.uow import UnitOfWorkFactory


class Recorder:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, token: str) -> None:
        self._uow = uow
        self._clock = clock
        self._token = token
        self._waiting: list[tuple[list[str], SendResult, asyncio.Future[None]]] = []
        self._turn = asyncio.Lock()

    async def record(self, ids: list[str], result: SendResult) -> None:
        """Returns once the result is committed; raises what its transaction raised."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((ids, result, done))
        async with self._turn:
            if not done.done():
                batch, self._waiting = self._waiting, []
                await self._commit(batch, self._clock.now())
        await done

    async def _commit(self, batch: list[tuple[list[str], SendResult, asyncio.Future[None]]], at: datetime) -> None:
        try:
            async with self._uow() as unit:
                await record_many(unit, [(ids, result) for ids, result, _ in batch], self._token, at)
        except BaseException as exc:
            for _, _, done in batch:
                if not done.done():
                    done.set_exception(exc)
            if isinstance(exc, asyncio.CancelledError):
                raise
            return
        for _, _, done in batch:
            if not done.done():
                done.set_result(None)
