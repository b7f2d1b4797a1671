"""Dependencies of offer's routes: the runtime, the search cache, and who acts for which provider.

A token minted from an API key (subject ``apikey:<key id>``) is checked against the key on every
call: revoking a key stops its tokens here at once, and a scoped key sees only its locations.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Request

from services.offer.adapters.cache import SearchCache
from services.offer.handlers.api_keys import key_still_works
from services.offer.handlers.common import ProviderScope, belgian_date
from services.runtime.auth import CurrentPrincipal, Role
from services.runtime.errors import AppError
from services.runtime.service import ServiceRuntime

API_KEY_SUBJECT = "apikey:"


def runtime_of(request: Request) -> ServiceRuntime:
    return request.app.state.runtime  # type: ignore[no-any-return]


def cache_of(request: Request) -> SearchCache:
    return request.app.state.search_cache  # type: ignore[no-any-return]


Runtime = Annotated[ServiceRuntime, Depends(runtime_of)]
Cache = Annotated[SearchCache, Depends(cache_of)]


def today(runtime: ServiceRuntime) -> date:
    return belgian_date(runtime.clock.now())


async def provider_scope(principal: CurrentPrincipal, runtime: Runtime) -> ProviderScope:
    """The provider this caller acts for; 403 for every other role."""
    if principal.role is not Role.PROVIDER or not principal.provider_id:
        raise AppError("forbidden", 403)
    if not principal.subject.startswith(API_KEY_SUBJECT):
        return ProviderScope(principal.provider_id, principal.subject)
    key_id = principal.subject.removeprefix(API_KEY_SUBJECT)
    async with runtime.db.session(readonly=True) as session:
        key = await key_still_works(session, key_id, principal.provider_id, runtime.clock.now())
    if key is None:
        raise AppError("api_key_invalid", 401)
    scoped = frozenset(key.location_ids.split()) or None
    return ProviderScope(principal.provider_id, principal.subject, scoped, via_api_key=True)


Scope = Annotated[ProviderScope, Depends(provider_scope)]
