"""Wake the scheduler when a consumer's transaction that may have planned deliveries commits.

Without it a planned message waits for the next scheduler tick (up to a second): most of the
latency between a registration and the provider being told. The wake comes after the commit
(a SQLAlchemy ``after_commit`` listener on that session), so the dispatcher sees the new rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import event as sa_event

from contracts.envelope import Envelope
from services.runtime.consumer import Handler
from services.runtime.uow import UnitOfWork

_ARMED = "notifications_wake_armed"


def waking(handlers: Mapping[str, Handler], wake: Callable[[], None]) -> dict[str, Handler]:
    """The same handlers; each transaction they ran in wakes the scheduler once it committed."""

    def wrap(handler: Handler) -> Handler:
        async def call(uow: UnitOfWork, envelope: Envelope[Any]) -> None:
            await handler(uow, envelope)
            session = uow.session.sync_session
            if not session.info.get(_ARMED):
                session.info[_ARMED] = True
                sa_event.listen(session, "after_commit", lambda _: wake(), once=True)

        return call

    return {event_type: wrap(handler) for event_type, handler in handlers.items()}
