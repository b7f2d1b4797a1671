"""The demo providers and their locations (development and test only), published once."""

from __future__ import annotations

from datetime import time

from contracts.events.offer import OpeningHours
from contracts.types import Weekday
from infra.demo.data import LOCATIONS, PROVIDERS, demo_id
from services.offer.adapters.tables import Location, OfferVersion, Provider
from services.offer.domain.location import LocationDetails
from services.offer.handlers.common import ProviderScope
from services.offer.handlers.locations import publish_location
from services.runtime.uow import UnitOfWork

WORKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)
POSTAL = {  # the demo data has streets but no postal codes
    demo_id("location:zonnebloem-brugse-poort"): ("9000", "Gent"),
    demo_id("location:zonnebloem-ledeberg"): ("9050", "Gent"),
    demo_id("location:zonnebloem-melle"): ("9090", "Merelbeke-Melle"),
    demo_id("location:kaboutertjes-destelbergen"): ("9070", "Destelbergen"),
    demo_id("location:leuven-centrum"): ("3000", "Leuven"),
    demo_id("location:leuven-heverlee"): ("3001", "Leuven"),
}


async def ensure_version_row(uow: UnitOfWork) -> None:
    if await uow.session.get(OfferVersion, 1) is None:
        uow.session.add(OfferVersion(id=1, version=0))


async def seed_demo_offer(uow: UnitOfWork) -> int:
    """Create the demo providers and publish their locations, once."""
    await ensure_version_row(uow)
    created = 0
    for provider in PROVIDERS:
        if await uow.session.get(Provider, provider.provider_id) is None:
            uow.session.add(Provider(provider_id=provider.provider_id, name=provider.name,
                                     kbo_number=provider.kbo_number, email=provider.email))
    for demo in LOCATIONS:
        if await uow.session.get(Location, demo.location_id) is not None:
            continue
        postal_code, city = POSTAL.get(demo.location_id, ("9000", "Gent"))
        opens, closes = (time(6, 0), time(20, 0)) if demo.atypical_hours else (time(7, 0), time(18, 0))
        details = LocationDetails(
            name=demo.name, street=demo.street, postal_code=postal_code, city=city, nis_code=demo.nis_code,
            latitude=demo.latitude, longitude=demo.longitude, kind=demo.kind,  # type: ignore[arg-type]
            capacity_per_weekday=dict.fromkeys(WORKDAYS, demo.capacity),
            opening_hours=tuple(OpeningHours(weekday=day, opens=opens, closes=closes) for day in WORKDAYS),
            atypical_hours=demo.atypical_hours, atypical_note="Open van 6 tot 20 uur" if demo.atypical_hours else "",
            ikt=demo.ikt, specific_care=demo.specific_care,
            languages=("nl", "fr") if demo.nis_code == "24062" else ("nl",),
        )
        await publish_location(uow, ProviderScope(demo.provider_id, "seed"), details, demo.location_id)
        created += 1
    return created
