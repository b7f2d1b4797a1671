"""Shared pieces of notifications' HTTP API: the runtime, and who may see what."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from services.notifications.adapters.directory import Directory
from services.runtime.auth import Principal, Role
from services.runtime.errors import AppError
from services.runtime.service import ServiceRuntime


def runtime_of(request: Request) -> ServiceRuntime:
    return request.app.state.runtime  # type: ignore[no-any-return]


def directory_of(request: Request) -> Directory:
    return request.app.state.directory  # type: ignore[no-any-return]


Runtime = Annotated[ServiceRuntime, Depends(runtime_of)]
Dir = Annotated[Directory, Depends(directory_of)]

EVERYTHING = (Role.SERVICE, Role.OPERATOR)


def require_desk(principal: Principal, desk_id: str) -> None:
    """A desk worker of *this* desk (or the platform itself)."""
    if principal.role in EVERYTHING:
        return
    if principal.role is not Role.DESK or desk_id not in principal.desk_ids:
        raise AppError("forbidden", 403)


def require_provider(principal: Principal) -> str:
    """The provider the caller acts for (a provider account or its software's API-key token)."""
    if principal.role is not Role.PROVIDER or not principal.provider_id:
        raise AppError("provider_only", 403)
    return principal.provider_id
