"""Public API for families and anyone: search, one location, its free places. Cached in Redis."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from services.offer.adapters import store
from services.offer.domain.search import SearchQuery
from services.offer.entrypoints.deps import Cache, Runtime, today
from services.offer.entrypoints.public_limit import limit_anonymous
from services.offer.entrypoints.schemas_public import FreePlacesOut, LocationPublic, SearchOut
from services.offer.queries.public import free_places_view, location_public
from services.offer.queries.search import run_search
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["search (public)"], dependencies=[Depends(limit_anonymous)],
                   responses={429: {"description": "Too many calls from this address; see Retry-After"}})


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@router.get("/locations", response_model=SearchOut, summary="Search childcare locations (public)",
            description="Every filter is optional. Lists may be repeated or comma-separated "
                        "(`weekdays=mon,tue,thu`). With `near` (a municipality) or `lat`+`lon`, results are "
                        "ordered by distance and limited to `max_km`. With `free_from`, only locations with a "
                        "place that stays free from that date on every wanted weekday are returned.")
async def search_locations(
    runtime: Runtime, cache: Cache,
    nis: Annotated[list[str], Query(description="Municipality NIS codes", examples=["44021"])] = [],  # noqa: B006
    near: Annotated[str | None, Query(description="Centre: a municipality NIS code", examples=["44021"])] = None,
    lat: Annotated[float | None, Query(description="Centre: latitude (e.g. from the browser)")] = None,
    lon: Annotated[float | None, Query(description="Centre: longitude")] = None,
    max_km: Annotated[float, Query(description="Radius around the centre")] = 10,
    weekdays: Annotated[list[str], Query(description="mon..sun", examples=["mon,tue,thu"])] = [],  # noqa: B006
    opens_by: Annotated[time | None, Query(description="Open at the latest at", examples=["07:30"])] = None,
    closes_after: Annotated[time | None, Query(description="Still open at", examples=["18:00"])] = None,
    ikt: Annotated[bool | None, Query(description="Only income-related tariff")] = None,
    atypical_hours: Annotated[bool | None, Query(description="Only with atypical hours")] = None,
    specific_care: Annotated[bool | None, Query(description="Only able to care for specific needs")] = None,
    kind: Annotated[str | None, Query(description="gezinsopvang or groepsopvang")] = None,
    language: Annotated[str | None, Query(description="Two-letter language code", examples=["fr"])] = None,
    free_from: Annotated[date | None, Query(description="A lasting free place from this date")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    raw = {"nis": _split(nis), "near": near, "lat": lat, "lon": lon, "max_km": max_km, "weekdays": _split(weekdays),
           "opens_by": opens_by, "closes_after": closes_after, "ikt": ikt, "atypical_hours": atypical_hours,
           "specific_care": specific_care, "kind": kind, "language": language, "free_from": free_from,
           "limit": limit}
    try:
        query = SearchQuery.model_validate({k: v for k, v in raw.items() if v is not None})
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("query", *e["loc"])} for e in exc.errors()]) from exc
    day = today(runtime)
    async with runtime.db.session(readonly=True) as session:
        version = await store.current_version(session)
        key = cache.key("search", version, day, query.model_dump(mode="json"))
        return await cache.get_or_compute(key, lambda: run_search(session, query, day))  # type: ignore[no-any-return]


@router.get("/locations/{location_id}", response_model=LocationPublic, summary="One location, as families see it")
async def get_location(location_id: str, runtime: Runtime, cache: Cache) -> dict[str, Any]:
    day = today(runtime)
    async with runtime.db.session(readonly=True) as session:
        key = cache.key("location", await store.current_version(session), day, {"id": location_id})
        found = await cache.get_or_compute(key, lambda: location_public(session, location_id, day))
    if found is None:
        raise AppError("not_found", 404)
    return found  # type: ignore[no-any-return]


@router.get("/locations/{location_id}/free-places", response_model=FreePlacesOut,
            summary="Derived free places per weekday from a date, and every later change")
async def get_free_places(
    location_id: str, runtime: Runtime, cache: Cache,
    from_: Annotated[date | None, Query(alias="from", description="Default: today", examples=["2026-09-01"])] = None,
    until: Annotated[date | None, Query(description="Last date of the changes listed")] = None,
) -> dict[str, Any]:
    start = from_ or today(runtime)
    async with runtime.db.session(readonly=True) as session:
        key = cache.key("free", await store.current_version(session), start,
                        {"id": location_id, "until": until})
        found = await cache.get_or_compute(key, lambda: free_places_view(session, location_id, start, until))
    if found is None:
        raise AppError("not_found", 404)
    return found  # type: ignore[no-any-return]

