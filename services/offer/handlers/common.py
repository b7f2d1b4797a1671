"""What every offer command needs: who acts for which provider, today's date, one emit path.

A provider acts through its own account or through one of its API keys; a key may be scoped to
some locations. ``ProviderScope`` carries that, and ``location_for`` is the one door through
which a command reaches a location: another provider's location is "not found", never shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from contracts.events.offer import LocationChanged, LocationSnapshot
from services.offer.adapters import store
from services.offer.adapters.tables import Location
from services.offer.domain.location import changed_fields
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork

BRUSSELS = ZoneInfo("Europe/Brussels")


@dataclass(frozen=True)
class ProviderScope:
    """The provider a caller acts for, and - for a scoped API key - the locations it may touch."""

    provider_id: str
    subject: str
    location_ids: frozenset[str] | None = None  # None = every location of the provider
    via_api_key: bool = False

    def covers(self, location: Location) -> bool:
        if location.provider_id != self.provider_id:
            return False
        return self.location_ids is None or location.location_id in self.location_ids


def now_of(uow: UnitOfWork) -> datetime:
    return uow._clock.now()  # noqa: SLF001 - the service clock, injected (tests move it)


def today_of(uow: UnitOfWork) -> date:
    """Dates of care are Belgian dates, whatever the server's time zone."""
    return belgian_date(now_of(uow))


def belgian_date(moment: datetime) -> date:
    return moment.astimezone(BRUSSELS).date()


async def location_for(session: AsyncSession, scope: ProviderScope, location_id: str) -> Location:
    row = await session.get(Location, location_id)
    if row is None or row.provider_id != scope.provider_id:
        raise AppError("unknown_location", 404)
    if not scope.covers(row):
        raise AppError("outside_key_scope", 403)
    return row


def require_active(row: Location) -> None:
    if row.status != "active":
        raise AppError("location_not_active", 409)


async def publish_change(uow: UnitOfWork, row: Location, before: LocationSnapshot | None) -> tuple[str, ...]:
    """Emit LocationChanged when the bus-visible snapshot changed; always refresh the cache generation."""
    row.updated_at = now_of(uow)
    uow.session.add(row)
    await uow.session.flush()
    after = await store.snapshot_for(uow.session, row, today_of(uow))
    changed = changed_fields(before, after)
    if changed:
        await uow.emit(LocationChanged(location=after, changed=changed, changed_at=row.updated_at))
    await store.bump_version(uow.session)
    return changed
