"""Operators open a desk: its name, contact address and first policy version (working area included).

Demo desks are seeded at start; every other desk — a new intermunicipal desk, or the desks of a
simulated Flemish year — comes in through this endpoint, so nothing has to be typed into a database.
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from contracts.events.intake import DeskPolicyChanged
from services.intake.adapters.tables import Desk
from services.intake.domain.policy import PublishPolicy
from services.intake.entrypoints.deps import Runtime
from services.intake.handlers.common import Actor
from services.intake.handlers.policies import publish_policy
from services.runtime.auth import CurrentPrincipal, Role
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["desks and policies"])


class OpenDesk(BaseModel):
    """Command: open a desk with its first policy version."""

    model_config = ConfigDict(extra="forbid")

    desk_id: str = Field(min_length=1, max_length=36, description="Chosen by the operator (a UUID)")
    name: str = Field(min_length=2, max_length=120, examples=["Lokaal Loket Kinderopvang Gent en omstreken"])
    email: str = Field(default="", max_length=120)
    policy: PublishPolicy


@router.post("/desks", response_model=DeskPolicyChanged, status_code=201,
             summary="Open a desk with its first policy version (operators)")
async def open_desk(command: OpenDesk, runtime: Runtime, principal: CurrentPrincipal) -> DeskPolicyChanged:
    """Emits DeskPolicyChanged (version 1). An existing desk id answers 409 and changes nothing."""
    if principal.role is not Role.OPERATOR:
        raise AppError("forbidden", 403)
    async with runtime.uow() as uow:
        if await uow.session.get(Desk, command.desk_id) is not None:
            raise AppError("desk_exists", 409)
        uow.session.add(Desk(desk_id=command.desk_id, name=command.name, email=command.email,
                             working_area=" ".join(command.policy.working_area)))
        await uow.session.flush()
        return await publish_policy(uow, command.desk_id, command.policy, Actor.of(principal),
                                    runtime.clock.now())
