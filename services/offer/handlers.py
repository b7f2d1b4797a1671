"""Offer's commands, registered explicitly."""

from __future__ import annotations

from contracts.events.offer import LocationPublished, LocationSnapshot
from contracts.types import Weekday
from infra.demo.data import LOCATIONS, PROVIDERS
from services.offer.adapters.tables import Location, Provider
from services.runtime.uow import UnitOfWork

WORKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)


async def seed_demo_offer(uow: UnitOfWork) -> int:
    """Create the demo providers and publish their locations, once."""
    created = 0
    for provider in PROVIDERS:
        if await uow.session.get(Provider, provider.provider_id) is None:
            uow.session.add(Provider(provider_id=provider.provider_id, name=provider.name,
                                     kbo_number=provider.kbo_number, email=provider.email))
    for demo in LOCATIONS:
        if await uow.session.get(Location, demo.location_id) is not None:
            continue
        snapshot = LocationSnapshot(
            location_id=demo.location_id, provider_id=demo.provider_id, nis_code=demo.nis_code,
            latitude=demo.latitude, longitude=demo.longitude, kind=demo.kind,  # type: ignore[arg-type]
            capacity_per_weekday={day: demo.capacity for day in WORKDAYS},
            age_min_months=0, age_max_months=36, ikt=demo.ikt, atypical_hours=demo.atypical_hours,
            specific_care=demo.specific_care,
        )
        uow.session.add(Location(location_id=demo.location_id, provider_id=demo.provider_id, name=demo.name,
                                 street=demo.street, nis_code=demo.nis_code, snapshot=snapshot.model_dump_json()))
        await uow.emit(LocationPublished(location=snapshot, published_at=uow._clock.now()))  # noqa: SLF001
        created += 1
    return created
