"""Dependencies shared by matching's routes: the runtime, and who may see which request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from services.matching.adapters.tables import LocationView, OpenRequestView
from services.runtime.auth import Principal, Role
from services.runtime.errors import AppError
from services.runtime.service import ServiceRuntime
from services.runtime.uow import UnitOfWork


def runtime_of(request: Request) -> ServiceRuntime:
    return request.app.state.runtime  # type: ignore[no-any-return]


Runtime = Annotated[ServiceRuntime, Depends(runtime_of)]


def check_family_or_desk(principal: Principal, view: OpenRequestView | None) -> OpenRequestView:
    """Parents through their link (request_ids), desk workers of the request's desk, services."""
    if view is None:
        raise AppError("not_found", 404)
    if principal.role not in (Role.PARENT, Role.DESK, Role.SERVICE, Role.OPERATOR):
        raise AppError("forbidden", 403)
    if not principal.may_see_request(view.request_id, view.desk_id):
        raise AppError("forbidden", 403)
    return view


def check_desk(principal: Principal, desk_id: str) -> None:
    if principal.role not in (Role.DESK, Role.SERVICE, Role.OPERATOR) or not principal.may_see_desk(desk_id):
        raise AppError("forbidden", 403)


async def own_location(uow: UnitOfWork, principal: Principal, location_id: str) -> LocationView:
    """The location, if the calling provider runs it (a service may act for any)."""
    location = await uow.session.get(LocationView, location_id)
    if location is None or not location.snapshot:
        raise AppError("unknown_location", 404, field="location_id")
    if not principal.may_act_for_location(location.provider_id, location_id):
        raise AppError("not_your_location", 403, field="location_id")
    return location
