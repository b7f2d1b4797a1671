"""The portal's calls to the notifications service (and to intake for a letter's address),
always with the signed-in user's own token, so each service checks that user's rights itself.
"""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import Request

from services.portal.i18n import page_language
from services.portal.session import user_token


class ServiceAnswer:
    def __init__(self, response: httpx.Response | None) -> None:
        self.response = response
        self.status = response.status_code if response is not None else 503

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def json(self) -> Any:
        return self.response.json() if self.response is not None and self.response.content else None

    def errors(self) -> list[str]:
        """The service's own messages, already in the user's language."""
        error = (self.json() or {}).get("error") or {}
        fields = [f.get("message", "") for f in error.get("fields", [])]
        return fields or [error.get("message", "")]


async def call(request: Request, service: str, method: str, path: str, **kwargs: Any) -> ServiceAnswer:
    settings = request.app.state.settings
    headers = {"Authorization": f"Bearer {user_token(request) or ''}", "Accept-Language": page_language(request)}
    try:
        async with httpx.AsyncClient(base_url=settings.url_of(service), timeout=10) as http:
            return ServiceAnswer(await http.request(method, path, headers=headers, **kwargs))
    except httpx.HTTPError:
        return ServiceAnswer(None)


async def notifications(request: Request, method: str, path: str, **kwargs: Any) -> ServiceAnswer:
    return await call(request, "notifications", method, path, **kwargs)


def address_lines(contact: dict[str, Any] | None) -> list[str]:
    """Name and postal address from intake's contact answer, whatever its exact shape."""
    if not contact:
        return []
    name = contact.get("name") or contact.get("parent_name") or contact.get("contact_name") or ""
    address = contact.get("postal_address") or contact.get("address") or ""
    if isinstance(address, dict):
        street = " ".join(str(address.get(k, "")) for k in ("street", "number", "box") if address.get(k))
        city = " ".join(str(address.get(k, "")) for k in ("postal_code", "municipality", "city") if address.get(k))
        address = "\n".join(part for part in (street, city) if part)
    return [line for line in [str(name), *str(address).splitlines()] if line.strip()]
