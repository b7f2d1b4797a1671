"""What every intake command needs: the caller, loading a request, its snapshot, its records.

Every change lands in ``requestchange`` (who, when, which fields - never values) in the same unit
of work as the change itself and the events it emits.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from fastapi.exceptions import RequestValidationError
from sqlmodel import col, select

from contracts.events.intake import DeskPolicyChanged, RequestSnapshot
from contracts.types import CategoryFlags
from services.intake.adapters.tables import CareRequest, DeskPolicyVersion, FlagChange, RequestChange
from services.intake.domain.checks import Problem
from services.intake.domain.policy import in_force
from services.runtime.auth import Principal, Role
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


@dataclass(frozen=True)
class Actor:
    """Who acts, as recorded in the history (the family itself when nobody is signed in)."""

    subject: str
    role: str
    name: str

    @classmethod
    def of(cls, principal: Principal | None) -> Actor:
        if principal is None:
            return cls("", "family", "")
        role = "family" if principal.role is Role.PARENT else principal.role.value
        return cls(principal.subject, role, principal.name)


def problems_error(problems: list[Problem]) -> RequestValidationError:
    """Problems as a validation error: the shared handler answers 422 with texts per field."""
    errors = []
    for problem in problems:
        ctx: dict[str, Any] = {"error": ValueError(problem.code)}
        if "max" in problem.params:
            ctx["le"] = problem.params["max"]
        errors.append({"type": "value_error", "loc": ("body", *problem.field.split(".")), "msg": problem.code,
                       "ctx": ctx})
    return RequestValidationError(errors)


def snapshot_of(request: CareRequest) -> RequestSnapshot:
    return RequestSnapshot.model_validate_json(request.snapshot)


def store_snapshot(request: CareRequest, snapshot: RequestSnapshot, now: datetime) -> None:
    """Keep the columns the worklist filters on in step with the snapshot."""
    request.snapshot = snapshot.model_dump_json()
    request.wanted_start_date = snapshot.wanted_start_date
    for name, value in snapshot.categories.model_dump().items():
        setattr(request, name, value)
    request.updated_at = now


def answers_of(request: CareRequest) -> dict[str, Any]:
    return json.loads(request.answers)  # type: ignore[no-any-return]


async def load_request(uow: UnitOfWork, request_id: str) -> CareRequest:
    request = await uow.session.get(CareRequest, request_id)
    if request is None:
        raise AppError("not_found", 404)
    return request


async def record_change(uow: UnitOfWork, request: CareRequest, actor: Actor, action: str, now: datetime,
                        fields: tuple[str, ...] = ()) -> None:
    uow.session.add(RequestChange(request_id=request.request_id, desk_id=request.desk_id, at=now,
                                  actor_subject=actor.subject, actor_role=actor.role, actor_name=actor.name,
                                  action=action, fields=",".join(fields)))


def record_flags(uow: UnitOfWork, request_id: str, flags: dict[str, bool], actor: Actor, now: datetime) -> None:
    for flag, value in flags.items():
        uow.session.add(FlagChange(request_id=request_id, flag=flag, value=value, at=now,
                                   actor_subject=actor.subject, actor_role=actor.role, actor_name=actor.name))


def true_flags(flags: CategoryFlags) -> dict[str, bool]:
    return {name: True for name, value in flags.model_dump().items() if value}


@lru_cache(maxsize=1024)
def parsed_policy(body: str) -> DeskPolicyChanged:
    """Each stored text is parsed once per process: the model is frozen, so sharing it is safe, and a
    registration reads every desk's versions (validating them each time was a third of the handler)."""
    return DeskPolicyChanged.model_validate_json(body)


async def policy_versions(uow: UnitOfWork, desk_id: str) -> list[DeskPolicyChanged]:
    rows = (await uow.session.exec(select(DeskPolicyVersion.body).where(DeskPolicyVersion.desk_id == desk_id)
                                   .order_by(col(DeskPolicyVersion.version)))).all()
    return [parsed_policy(body) for body in rows]


async def policies_by_desk(uow: UnitOfWork) -> dict[str, list[DeskPolicyChanged]]:
    """Every desk's versions (oldest first), desks in id order: one query instead of one per desk."""
    rows = (await uow.session.exec(select(DeskPolicyVersion.desk_id, DeskPolicyVersion.body)
                                   .order_by(col(DeskPolicyVersion.desk_id), col(DeskPolicyVersion.version)))).all()
    desks: dict[str, list[DeskPolicyChanged]] = {}
    for desk_id, body in rows:
        desks.setdefault(desk_id, []).append(parsed_policy(body))
    return desks


async def policy_on(uow: UnitOfWork, desk_id: str, on: date) -> DeskPolicyChanged:
    policy = in_force(await policy_versions(uow, desk_id), on)
    if policy is None:
        raise AppError("no_policy", 409)
    return policy


def may_see(principal: Principal | None, request: CareRequest) -> bool:
    """Parents through their link, desk workers of the desk, the referrer who registered it, services."""
    if principal is None:
        return False
    if principal.role is Role.PARENT:
        return request.request_id in principal.request_ids
    if principal.role is Role.DESK:
        return request.desk_id in principal.desk_ids
    if principal.role is Role.REFERRER:
        return bool(request.registered_by_subject) and request.registered_by_subject == principal.subject
    return principal.role is Role.SERVICE


def require_desk_of(principal: Principal, request: CareRequest) -> None:
    if not (principal.role is Role.DESK and request.desk_id in principal.desk_ids) \
            and principal.role is not Role.SERVICE:
        raise AppError("forbidden", 403)


def require_open(request: CareRequest) -> None:
    if request.status != "open":
        raise AppError("request_closed", 409, state=request.status)
