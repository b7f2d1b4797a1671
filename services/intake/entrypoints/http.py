"""Intake's HTTP API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from services.intake.adapters.tables import CareRequest
from services.intake.domain.registration import RegisterRequest
from services.intake.handlers import register_request
from services.runtime.auth import OptionalPrincipal
from services.runtime.errors import AppError
from services.runtime.service import ServiceRuntime

router = APIRouter(prefix="/api/v1", tags=["requests"])


def runtime_of(request: Request) -> ServiceRuntime:
    return request.app.state.runtime  # type: ignore[no-any-return]


Runtime = Annotated[ServiceRuntime, Depends(runtime_of)]


class Registered(BaseModel):
    request_id: str
    status: str


@router.post("/requests", status_code=201, response_model=Registered, summary="Register a request for childcare")
async def post_request(command: RegisterRequest, runtime: Runtime, principal: OptionalPrincipal) -> Registered:
    async with runtime.uow() as uow:
        request_id = await register_request(uow, command)
    return Registered(request_id=request_id, status="open")


@router.get("/requests/{request_id}/status", response_model=Registered, summary="Status of one request")
async def get_status(request_id: str, runtime: Runtime, principal: OptionalPrincipal) -> Registered:
    async with runtime.db.session(readonly=True) as session:
        found = await session.get(CareRequest, request_id)
    if found is None:
        raise AppError("not_found", 404)
    return Registered(request_id=found.request_id, status=found.status)
