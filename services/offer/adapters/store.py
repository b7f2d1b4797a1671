"""Between rows and rules: load locations, allocations and corrections as domain objects.

Every write that changes what a search would show also raises ``OfferVersion`` in the same
transaction; the search cache keys on that number, so a cached answer is never older than the
data it was computed from (see ``adapters/cache.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from contracts import municipalities
from contracts.events.offer import CapacityCorrection, LocationSnapshot, OpeningHours
from contracts.types import DayPart, Weekday
from services.offer.adapters.tables import Allocation, Correction, Location, OfferVersion
from services.offer.domain import free_places
from services.offer.domain.location import LocationDetails, snapshot_of
from services.offer.domain.search import LocationFacts
from services.runtime.upserts import conflict_insert, dialect_of


def details_of(row: Location) -> LocationDetails:
    return LocationDetails.model_validate({
        "name": row.name, "external_ref": row.external_ref, "street": row.street, "postal_code": row.postal_code,
        "city": row.city, "nis_code": row.nis_code, "latitude": row.latitude, "longitude": row.longitude,
        "kind": row.kind, "capacity_per_weekday": json.loads(row.capacity), "age_min_months": row.age_min_months,
        "age_max_months": row.age_max_months, "opening_hours": json.loads(row.opening_hours),
        "atypical_hours": row.atypical_hours, "atypical_note": row.atypical_note, "ikt": row.ikt,
        "specific_care": row.specific_care, "languages": tuple(row.languages.split()), "phone": row.phone,
        "email": row.email, "website": row.website,
    })


def apply_details(row: Location, details: LocationDetails) -> None:
    row.external_ref = details.external_ref
    row.name, row.street, row.postal_code, row.city = details.name, details.street, details.postal_code, details.city
    row.nis_code, row.latitude, row.longitude, row.kind = (details.nis_code, details.latitude, details.longitude,
                                                           details.kind)
    row.capacity = json.dumps({day.value: n for day, n in details.capacity_per_weekday.items()})
    row.age_min_months, row.age_max_months = details.age_min_months, details.age_max_months
    row.opening_hours = json.dumps([h.model_dump(mode="json") for h in details.opening_hours])
    row.atypical_hours, row.atypical_note = details.atypical_hours, details.atypical_note
    row.ikt, row.specific_care, row.languages = details.ikt, details.specific_care, " ".join(details.languages)
    row.phone, row.email, row.website = details.phone, details.email, details.website


def coordinates_of(row: Location) -> tuple[float, float, bool]:
    """(latitude, longitude, approximate): the municipality centre when the provider gave none."""
    if row.latitude is not None and row.longitude is not None:
        return row.latitude, row.longitude, False
    centre = municipalities.get(row.nis_code)
    return (centre.latitude, centre.longitude, True) if centre else (0.0, 0.0, True)


def capacity_of(row: Location) -> dict[Weekday, int]:
    return {Weekday(day): places for day, places in json.loads(row.capacity).items()}


def facts_of(row: Location) -> LocationFacts:
    """Searchable facts straight from the columns (no full validation: search reads thousands)."""
    latitude, longitude, _ = coordinates_of(row)
    return LocationFacts(
        location_id=row.location_id, nis_code=row.nis_code, latitude=latitude, longitude=longitude, kind=row.kind,
        ikt=row.ikt, atypical_hours=row.atypical_hours, specific_care=row.specific_care,
        languages=tuple(row.languages.split()), opening_hours=opening_hours_of(row), capacity=capacity_of(row),
    )


def opening_hours_of(row: Location) -> tuple[OpeningHours, ...]:
    return tuple(OpeningHours.model_validate(h) for h in json.loads(row.opening_hours))


def correction_of(row: Correction) -> free_places.Correction:
    return free_places.Correction(row.correction_id, frozenset(Weekday(d) for d in row.weekdays.split()),
                                  row.places_delta, row.valid_from, row.valid_until)


def occupation_of(row: Allocation) -> free_places.Occupation | None:
    """The allocation as the derivation sees it; None when cancelled or not known yet."""
    if row.cancelled or not row.known or row.start_date is None:
        return None
    days = {Weekday(day): DayPart(part) for day, part in json.loads(row.days).items()}
    return free_places.Occupation(row.allocation_id, row.start_date, days, row.last_day)


async def corrections_of(session: AsyncSession, location_ids: Sequence[str]) -> dict[str, list[Correction]]:
    result: dict[str, list[Correction]] = {location_id: [] for location_id in location_ids}
    rows = await session.exec(select(Correction).where(col(Correction.location_id).in_(location_ids))
                              .order_by(col(Correction.valid_from), col(Correction.correction_id)))
    for row in rows.all():
        result[row.location_id].append(row)
    return result


async def free_places_of(session: AsyncSession, locations: Iterable[Location]) -> dict[str, free_places.FreePlaces]:
    """The derivation of each location, with two queries for all of them."""
    by_id = {row.location_id: row for row in locations}
    ids = list(by_id)
    occupations: dict[str, list[free_places.Occupation]] = {location_id: [] for location_id in ids}
    allocations = await session.exec(select(Allocation).where(col(Allocation.location_id).in_(ids)))
    for allocation in allocations.all():
        occupation = occupation_of(allocation)
        if occupation is not None:
            occupations[allocation.location_id].append(occupation)
    corrections = await corrections_of(session, ids)
    return {
        location_id: free_places.FreePlaces(
            capacity_of(row) if row.status == "active" else {},
            occupations[location_id], [correction_of(c) for c in corrections[location_id]],
        )
        for location_id, row in by_id.items()
    }


def bus_corrections(rows: Iterable[Correction], today: date) -> tuple[CapacityCorrection, ...]:
    """Corrections still in force or to come: those that ended are of no use downstream."""
    return tuple(
        CapacityCorrection(correction_id=row.correction_id, weekdays=tuple(Weekday(d) for d in row.weekdays.split()),
                           places_delta=row.places_delta, valid_from=row.valid_from, valid_until=row.valid_until)
        for row in rows if row.valid_until is None or row.valid_until >= today
    )


async def snapshot_for(session: AsyncSession, row: Location, today: date) -> LocationSnapshot:
    corrections = (await corrections_of(session, [row.location_id]))[row.location_id]
    return snapshot_of(row.location_id, row.provider_id, details_of(row),
                       corrections=bus_corrections(corrections, today), status=row.status)  # type: ignore[arg-type]


async def upsert(session: AsyncSession, model: Any, values: dict[str, Any], on_conflict: dict[str, Any]) -> None:
    """Insert a row or update *on_conflict* of the existing one, in one statement (no ORM objects pending:
    a batch of hundreds of events stays one cheap transaction)."""
    table = model.__table__
    statement = conflict_insert(dialect_of(session), table).values(**values).on_conflict_do_update(
        index_elements=[column.name for column in table.primary_key.columns], set_=on_conflict)
    await session.execute(statement)


async def bump_version(session: AsyncSession) -> None:
    """Raise the cache generation inside the caller's transaction - once, however many changes it holds."""
    if session.info.get("offer_version_raised"):
        return
    table = OfferVersion.__table__  # type: ignore[attr-defined]
    result = await session.execute(update(table).where(table.c.id == 1).values(version=table.c.version + 1))
    if result.rowcount == 0:  # type: ignore[attr-defined]
        session.add(OfferVersion(id=1, version=1))
        await session.flush()
    session.info["offer_version_raised"] = True


async def current_version(session: AsyncSession) -> int:
    found = await session.get(OfferVersion, 1)
    return found.version if found else 0
