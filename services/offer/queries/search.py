"""Run a family's search over the active locations: cheap filters first, free places last."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from contracts import municipalities
from services.offer.adapters import store
from services.offer.adapters.tables import Location
from services.offer.domain import search
from services.offer.queries.public import municipality_of


async def run_search(session: AsyncSession, query: search.SearchQuery, today: date) -> dict[str, Any]:
    statement = select(Location).where(Location.status == "active")
    if query.nis:
        statement = statement.where(col(Location.nis_code).in_(query.nis))
    box = search.bounding_box(query)
    if box is not None:  # only rows that can be near enough; rows without coordinates by municipality centre
        south, north, west, east = box
        centres = [m.nis_code for m in municipalities.all_municipalities().values()
                   if south <= m.latitude <= north and west <= m.longitude <= east]
        statement = statement.where(or_(
            and_(col(Location.latitude).between(south, north), col(Location.longitude).between(west, east)),
            and_(col(Location.latitude).is_(None), col(Location.nis_code).in_(centres))))
    candidates = []
    for row in (await session.exec(statement)).all():
        facts = store.facts_of(row)
        if not search.fits_without_places(facts, query):
            continue
        km = search.distance(facts, query)
        if search.within_reach(km, query):
            candidates.append((row, facts, km))
    places = await store.free_places_of(session, [row for row, _, _ in candidates])
    start = max(query.free_from or today, today)
    found = []
    for row, facts, km in candidates:
        free = search.lasting_free(places[row.location_id], query, today)
        room = search.has_room(free, query)
        if query.free_from is not None and not room:
            continue
        found.append((search.sort_key(km, free, row.name), result_of(row, facts, km, free, room)))
    found.sort(key=lambda item: item[0])
    return {"as_of": start.isoformat(), "count": len(found), "results": [r for _, r in found[: query.limit]]}


def result_of(row: Location, facts: search.LocationFacts, km: float | None, free: dict[Any, int],
              room: bool) -> dict[str, Any]:
    return {
        "location_id": row.location_id, "name": row.name, "kind": row.kind, "street": row.street,
        "postal_code": row.postal_code, "city": row.city, "municipality": municipality_of(row.nis_code),
        "distance_km": km, "ikt": row.ikt, "atypical_hours": row.atypical_hours, "specific_care": row.specific_care,
        "languages": list(facts.languages),
        "open_weekdays": [day.value for day, places in facts.capacity.items() if places > 0],
        "free": {day.value: count for day, count in free.items()}, "has_room": room,
    }
