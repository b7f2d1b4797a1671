"""Operations: run the retention job now (operators and services), besides its own schedule."""

from __future__ import annotations

from fastapi import APIRouter

from services.intake.entrypoints.deps import Runtime
from services.intake.handlers.erase import erase_expired
from services.runtime.auth import CurrentPrincipal, Role
from services.runtime.errors import AppError

router = APIRouter(prefix="/ops", tags=["operations"])


@router.post("/retention", summary="Erase personal data of requests closed longer than the retention period")
async def run_retention(runtime: Runtime, principal: CurrentPrincipal) -> dict[str, int]:
    if principal.role not in (Role.OPERATOR, Role.SERVICE):
        raise AppError("forbidden", 403)
    async with runtime.uow() as uow:
        erased = await erase_expired(uow, runtime.clock.now())
    return {"erased": erased}
