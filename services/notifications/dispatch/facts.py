"""The request facts a provider may read, looked up when the message is sent (not when planned).

Why: intake's RequestRegistered and matching's RequestDistributed travel on different topics and
may arrive in either order; reading the facts at send time means a message planned before the
registration arrived still carries the wanted start date, days and municipality.
"""

from __future__ import annotations

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from contracts import municipalities
from services.notifications.adapters.request_tables import TrackedRequest


async def request_facts(session: AsyncSession, request_id: str, planned: dict[str, Any]) -> dict[str, Any]:
    """*planned* details completed with what is known about the request now."""
    return facts_of(await session.get(TrackedRequest, request_id), planned)


def facts_of(row: TrackedRequest | None, planned: dict[str, Any]) -> dict[str, Any]:
    """*planned* completed with the tracked request *row* (read by the caller, possibly for many)."""
    if row is None:
        return dict(planned)
    place = municipalities.get(row.home_nis) if row.home_nis else None
    facts: dict[str, Any] = {
        "wanted_start_date": row.wanted_start_date.isoformat() if row.wanted_start_date else None,
        "weekdays": row.weekdays.split(), "municipality": place.name_nl if place else "",
    }
    merged = {**planned, **{key: value for key, value in facts.items() if value}}
    merged["urgent"] = bool(planned.get("urgent")) or row.urgent
    return merged
