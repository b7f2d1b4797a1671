"""Changes to a request after registration, each with its history row and its event.

Preferences are checked against the policy version the request was registered under; contact
details are personal data and change nothing on the bus.
"""

from __future__ import annotations

import json
from datetime import datetime

from contracts.events.intake import DeskPolicyChanged, RequestSnapshot, RequestUpdated, RequestWithdrawn
from services.intake.adapters.tables import CareRequest, DeskPolicyVersion, FamilyData
from services.intake.domain.checks import Problem, check_pattern, check_preferences, check_start, needs_atypical_hours
from services.intake.domain.commands import UpdateFlags, UpdatePreferences, UpdateRequest, Withdraw
from services.intake.domain.flags import SETTABLE, changed_flags
from services.intake.handlers.common import (
    Actor,
    answers_of,
    problems_error,
    record_change,
    record_flags,
    require_open,
    snapshot_of,
    store_snapshot,
)
from services.runtime.auth import Principal
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


async def request_policy(uow: UnitOfWork, request: CareRequest) -> DeskPolicyChanged:
    row = await uow.session.get(DeskPolicyVersion, (request.desk_id, request.policy_version))
    if row is None:
        raise AppError("no_policy", 409)
    return DeskPolicyChanged.model_validate_json(row.body)


async def apply_snapshot(uow: UnitOfWork, request: CareRequest, after: RequestSnapshot, actor: Actor,
                         now: datetime, action: str) -> tuple[str, ...]:
    """Store *after*; record and announce what changed (nothing when nothing did)."""
    before = snapshot_of(request)
    changed = tuple(name for name in RequestSnapshot.model_fields if getattr(before, name) != getattr(after, name))
    if not changed:
        return ()
    store_snapshot(request, after, now)
    uow.session.add(request)
    await record_change(uow, request, actor, action, now, changed)
    if request.on_bus:
        await uow.emit(RequestUpdated(request=after, changed=changed), occurred_at=now)
    return changed


async def update_preferences(uow: UnitOfWork, request: CareRequest, command: UpdatePreferences, actor: Actor,
                             now: datetime) -> tuple[str, ...]:
    require_open(request)
    policy = await request_policy(uow, request)
    problems = check_preferences(command.preferences, policy.max_preferences)
    if problems:
        raise problems_error(problems)
    after = snapshot_of(request).model_copy(update={"preferences": command.preferences})
    return await apply_snapshot(uow, request, after, actor, now, "preferences")


async def update_details(uow: UnitOfWork, request: CareRequest, command: UpdateRequest, actor: Actor,
                         now: datetime) -> tuple[str, ...]:
    require_open(request)
    snapshot = snapshot_of(request)
    problems: list[Problem] = []
    update: dict[str, object] = {}
    if command.wanted_start_date is not None:
        problems += check_start(command.wanted_start_date, request.child_birth_date, now.date())
        update["wanted_start_date"] = command.wanted_start_date
    if command.care_pattern is not None:
        problems += check_pattern(command.care_pattern)
        update["care_pattern"] = command.care_pattern
        if needs_atypical_hours(command.care_pattern):
            update["categories"] = snapshot.categories.model_copy(update={"atypical_hours": True})
            update["atypical_hours_needed"] = True
    if command.ikt_wanted is not None:
        update["ikt_wanted"] = command.ikt_wanted
    if problems:
        raise problems_error(problems)
    if "categories" in update:
        record_flags(uow, request.request_id, changed_flags(snapshot.categories, update["categories"]),  # type: ignore[arg-type]
                     actor, now)
    changed = await apply_snapshot(uow, request, snapshot.model_copy(update=update), actor, now, "updated")
    return changed + await update_contact(uow, request, command, actor, now)


async def update_contact(uow: UnitOfWork, request: CareRequest, command: UpdateRequest, actor: Actor,
                         now: datetime) -> tuple[str, ...]:
    data = await uow.session.get(FamilyData, request.request_id)
    if data is None:
        return ()
    given = {"contact_email": command.contact_email, "contact_phone": command.contact_phone,
             "contact_address": command.contact_address.model_dump_json() if command.contact_address else None,
             "preferred_contact": command.preferred_contact}
    changed = tuple(name for name, value in given.items() if value is not None and getattr(data, name) != value)
    for name in changed:
        setattr(data, name, given[name])
    if changed:
        uow.session.add(data)
        await record_change(uow, request, actor, "contact_updated", now, changed)
    return changed


async def set_flags(uow: UnitOfWork, request: CareRequest, command: UpdateFlags, principal: Principal,
                    now: datetime) -> tuple[str, ...]:
    require_open(request)
    given = command.given()
    allowed = SETTABLE.get(principal.role.value, frozenset())
    problems = [Problem(name, "flag_not_allowed") for name in given if name not in allowed]
    answers = answers_of(request)
    consent = command.vulnerability_consent or bool(answers.get("vulnerability_consent"))
    if given.get("vulnerable_family") and not consent:
        problems.append(Problem("vulnerability_consent", "vulnerability_consent_required"))
    if problems:
        raise problems_error(problems)
    actor = Actor.of(principal)
    if command.vulnerability_consent and not answers.get("vulnerability_consent"):
        answers["vulnerability_consent"] = True
        request.answers = json.dumps(answers)
    snapshot = snapshot_of(request)
    flags = snapshot.categories.model_copy(update=given)
    record_flags(uow, request.request_id, changed_flags(snapshot.categories, flags), actor, now)
    after = snapshot.model_copy(update={"categories": flags, "atypical_hours_needed": flags.atypical_hours,
                                        "specific_care_need": flags.specific_care_need})
    return await apply_snapshot(uow, request, after, actor, now, "flags")


async def withdraw(uow: UnitOfWork, request: CareRequest, command: Withdraw, actor: Actor, now: datetime) -> None:
    if request.status not in ("open", "allocated"):
        raise AppError("request_closed", 409, state=request.status)
    request.status = "withdrawn"
    request.withdrawn_at = now
    request.closed_at = now
    request.withdrawal_reason = command.reason
    request.updated_at = now
    uow.session.add(request)
    await record_change(uow, request, actor, "withdrawn", now, ("status",))
    if request.on_bus:
        await uow.emit(RequestWithdrawn(request_id=request.request_id, desk_id=request.desk_id,
                                        reason=command.reason, withdrawn_at=now), occurred_at=now)


async def mark_reviewed(uow: UnitOfWork, request: CareRequest, actor: Actor, now: datetime) -> None:
    if request.reviewed_at is None:
        request.reviewed_at = now
        uow.session.add(request)
        await record_change(uow, request, actor, "reviewed", now)
