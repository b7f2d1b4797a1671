"""The public location page and the free-places figures, as plain dictionaries ready to cache."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from contracts import municipalities
from services.offer.adapters import store
from services.offer.adapters.tables import Correction, Location, Provider
from services.offer.domain.free_places import FreePlaces


def municipality_of(nis_code: str) -> dict[str, str]:
    found = municipalities.get(nis_code)
    return {"nis_code": nis_code, "name": found.name_nl if found else nis_code}


def free_days(places: FreePlaces, start: date) -> list[dict[str, Any]]:
    days = []
    for weekday in places.weekdays:
        figures = places.on(start, weekday)
        days.append({"weekday": weekday.value, "licensed": figures.licensed, "allocated": figures.allocated,
                     "corrected": figures.corrected, "free": figures.free,
                     "lasting": places.lasting(start, weekday)})
    return days


async def free_places_view(session: AsyncSession, location_id: str, start: date,
                           until: date | None = None) -> dict[str, Any] | None:
    row = await session.get(Location, location_id)
    if row is None:
        return None
    places = (await store.free_places_of(session, [row]))[location_id]
    corrections = (await session.exec(select(Correction).where(Correction.location_id == location_id)
                                      .order_by(col(Correction.valid_from)))).all()
    changes = [
        {"date": f.day.isoformat(), "weekday": f.weekday.value, "licensed": f.licensed, "allocated": f.allocated,
         "corrected": f.corrected, "free": f.free}
        for f in places.timeline(start, until) if f.day > start
    ]
    return {
        "location_id": location_id, "as_of": start.isoformat(), "days": free_days(places, start), "changes": changes,
        "corrections": [public_correction(c) for c in corrections if c.valid_until is None or c.valid_until >= start],
    }


def public_correction(row: Correction) -> dict[str, Any]:
    return {"weekdays": row.weekdays.split(), "places_delta": row.places_delta,
            "valid_from": row.valid_from.isoformat(),
            "valid_until": row.valid_until.isoformat() if row.valid_until else None, "reason": row.reason}


async def location_public(session: AsyncSession, location_id: str, today: date) -> dict[str, Any] | None:
    row = await session.get(Location, location_id)
    if row is None:
        return None
    provider = await session.get(Provider, row.provider_id)
    places = (await store.free_places_of(session, [row]))[location_id]
    latitude, longitude, approximate = store.coordinates_of(row)
    return {
        "location_id": row.location_id, "provider_id": row.provider_id,
        "provider_name": provider.name if provider else "", "name": row.name, "kind": row.kind,
        "street": row.street, "postal_code": row.postal_code, "city": row.city,
        "municipality": municipality_of(row.nis_code), "latitude": latitude, "longitude": longitude,
        "coordinates_approximate": approximate, "age_min_months": row.age_min_months,
        "age_max_months": row.age_max_months,
        "opening_hours": [h.model_dump(mode="json") for h in store.opening_hours_of(row)],
        "atypical_hours": row.atypical_hours, "atypical_note": row.atypical_note, "ikt": row.ikt,
        "specific_care": row.specific_care, "languages": row.languages.split(), "phone": row.phone,
        "email": row.email, "website": row.website, "status": row.status,
        "free_places": free_days(places, today),
    }
