"""What notifications asks other services when it sends: a family's contact, a location's name.

* Family contact comes from intake (``GET /api/v1/requests/{id}/contact``) with this service's
  token; intake writes the access to its audit log and so do we. Nothing is stored here: the
  address is fetched when the message is sent and forgotten afterwards.
* Location names come from offer's public location endpoint; best effort (the message still goes
  out, with "the childcare location", when offer does not answer).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx

from services.runtime.logs import get_logger
from services.runtime.service_client import ServiceClient
from services.runtime.settings import ServiceSettings

log = get_logger(__name__)
NAME_SECONDS = 3600
MISS_SECONDS = 60


@dataclass(frozen=True)
class FamilyContact:
    email: str | None
    language: str


class ContactUnavailable(Exception):
    """Intake did not answer; try again later."""


def _language(body: dict[str, Any]) -> str:
    value = str(body.get("language") or body.get("locale") or "nl")[:2].lower()
    return value if value in ("nl", "fr", "en") else "nl"


class Directory:
    def __init__(self, settings: ServiceSettings) -> None:
        self._intake = ServiceClient(settings, "intake")
        self._offer = httpx.AsyncClient(base_url=settings.url_of("offer"), timeout=3)
        self._names: dict[str, tuple[str | None, float]] = {}

    async def family_contact(self, request_id: str, *, purpose: str) -> FamilyContact | None:
        """The family's e-mail and language; None when intake has no such request any more."""
        try:
            response = await self._intake.request("GET", f"/api/v1/requests/{request_id}/contact")
        except (httpx.HTTPError, OSError) as exc:
            raise ContactUnavailable(repr(exc)) from exc
        log.info("family contact read", request_id=request_id, purpose=purpose, status=response.status_code)
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise ContactUnavailable(f"intake answered {response.status_code}")
        body = response.json()
        email = body.get("email") or body.get("contact_email") or None
        return FamilyContact(email=str(email) if email else None, language=_language(body))

    async def location_name(self, location_id: str) -> str | None:
        """Cached: names for an hour, a failed lookup for a minute (offer away must not slow sending)."""
        cached = self._names.get(location_id)
        if cached is not None and cached[1] > time.monotonic():
            return cached[0]
        try:
            response = await self._offer.get(f"/api/v1/locations/{location_id}")
            found = response.json().get("name") if response.status_code == 200 else None
        except (httpx.HTTPError, ValueError, AttributeError):
            found = None
        name = str(found) if found else None
        self._names[location_id] = (name, time.monotonic() + (NAME_SECONDS if name else MISS_SECONDS))
        return name

    async def close(self) -> None:
        await self._intake.close()
        await self._offer.aclose()
