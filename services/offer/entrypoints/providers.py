"""Providers themselves: the operator registers an organisation; a provider reads its own record."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from sqlmodel import select

from services.offer.adapters.tables import Provider
from services.offer.domain.provider import valid_kbo
from services.offer.entrypoints.deps import Runtime, Scope
from services.offer.entrypoints.schemas_provider import ProviderIn, ProviderOut
from services.runtime.auth import CurrentPrincipal, Role
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["providers"])


def provider_out(row: Provider) -> ProviderOut:
    return ProviderOut(provider_id=row.provider_id, name=row.name, kbo_number=row.kbo_number, email=row.email,
                       phone=row.phone)


@router.post("/providers", response_model=ProviderOut, status_code=201,
             summary="Register a provider organisation (operator)",
             description="One provider account serves all its locations in every municipality and desk.")
async def register(body: ProviderIn, principal: CurrentPrincipal, runtime: Runtime) -> ProviderOut:
    if principal.role not in (Role.OPERATOR, Role.SERVICE):
        raise AppError("forbidden", 403)
    if not valid_kbo(body.kbo_number):
        raise AppError("bad_kbo", 422, field="kbo_number")
    async with runtime.uow() as uow:
        taken = (await uow.session.exec(select(Provider).where(Provider.kbo_number == body.kbo_number))).first()
        if taken is not None:
            raise AppError("kbo_taken", 409, field="kbo_number")
        row = Provider(provider_id=str(uuid.uuid4()), **body.model_dump())
        uow.session.add(row)
    return provider_out(row)


@router.get("/provider/profile", response_model=ProviderOut, summary="Your organisation")
async def profile(scope: Scope, runtime: Runtime) -> ProviderOut:
    async with runtime.db.session(readonly=True) as session:
        row = await session.get(Provider, scope.provider_id)
    if row is None:
        raise AppError("not_found", 404)
    return provider_out(row)
