"""What every reporting route needs: the runtime, the caller's desk scope, the projection state."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from services.reporting.adapters.tables import ProjectionStatus
from services.runtime.auth import Principal, Role
from services.runtime.errors import AppError
from services.runtime.service import ServiceRuntime

DESK_ROLES = (Role.DESK, Role.OPERATOR)


def runtime_of(request: Request) -> ServiceRuntime:
    return request.app.state.runtime  # type: ignore[no-any-return]


Runtime = Annotated[ServiceRuntime, Depends(runtime_of)]


def check_desk(principal: Principal, desk_id: str) -> None:
    """Desk workers see their own desks only (operators and services see every desk)."""
    if not desk_id:
        raise AppError("desk_required", 422, field="desk_id")
    if not principal.may_see_desk(desk_id):
        raise AppError("forbidden", 403)


async def projection_state(runtime: ServiceRuntime) -> str:
    async with runtime.db.session(readonly=True) as session:
        status = await session.get(ProjectionStatus, "projection")
    return status.state if status else "live"


async def refuse_while_rebuilding(runtime: ServiceRuntime) -> None:
    """Figures of a half-rebuilt projection are wrong: say so instead of serving them."""
    if await projection_state(runtime) == "rebuilding":
        raise AppError("rebuild_running", 503, seconds=60)
