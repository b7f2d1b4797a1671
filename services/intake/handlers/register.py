"""Register a request: checks, the desk and its policy in force, duplicates merged, one event.

One request per child: siblings registered together each get their own request, linked to each
other. A child that already has an open request is merged into it instead of counting twice.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from contracts.events.intake import DeskPolicyChanged, RequestRegistered, RequestSnapshot
from services.intake.adapters.tables import CareRequest, Desk
from services.intake.domain.checks import Problem, check_registration
from services.intake.domain.flags import check_role, derive_flags, priority_codes
from services.intake.domain.followup import answer_due
from services.intake.domain.policy import in_force
from services.intake.domain.registration import RegisterRequest
from services.intake.handlers.common import (
    Actor,
    may_see,
    policies_by_desk,
    policy_on,
    problems_error,
    record_change,
    record_flags,
    true_flags,
)
from services.intake.handlers.family import (
    Child,
    children_of,
    family_row,
    find_duplicate,
    fingerprint_of,
    fingerprint_row,
    lock_fingerprints,
)
from services.intake.handlers.mails import queue_link_mails
from services.intake.handlers.merge import merge_into
from services.intake.handlers.siblings import link_siblings
from services.runtime.auth import Principal, Role
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


@dataclass(frozen=True)
class Registration:
    request_ids: tuple[str, ...]
    merged_into: tuple[str | None, ...]
    desk_id: str
    parent_subject: str


async def choose_policy(uow: UnitOfWork, command: RegisterRequest, principal: Principal | None,
                        today: date) -> DeskPolicyChanged:
    """The policy in force of the desk asked for, the desk worker's own desk, or the desk whose working
    area holds home (desks in id order; a desk without a version in force takes nobody)."""
    desk_id = command.desk_id
    if desk_id is None and principal is not None and principal.role is Role.DESK and principal.desk_ids:
        desk_id = principal.desk_ids[0]
    if desk_id is not None:
        if await uow.session.get(Desk, desk_id) is None:
            raise AppError("no_desk", 422, field="desk_id")
        if principal is not None and principal.role is Role.DESK and desk_id not in principal.desk_ids:
            raise AppError("forbidden", 403)
        return await policy_on(uow, desk_id, today)
    for versions in (await policies_by_desk(uow)).values():
        policy = in_force(versions, today)
        if policy is not None and command.home_nis in policy.working_area:
            return policy
    raise AppError("no_desk", 422, field="home_nis")


def snapshot_for(request_id: str, child: Child, command: RegisterRequest, policy: DeskPolicyChanged,
                 family_ref: str, siblings: tuple[str, ...], now: datetime) -> RequestSnapshot:
    codes = priority_codes(command.priority_answers, [rule.code for rule in policy.priority_rules])
    flags = derive_flags(command, codes)
    return RequestSnapshot(
        request_id=request_id, desk_id=policy.desk_id, family_ref=family_ref, home_nis=command.home_nis,
        in_working_area=command.home_nis in policy.working_area, child_birth_date=child.birth_date,
        birth_expected=child.birth_expected, wanted_start_date=command.wanted_start_date,
        original_wanted_start_date=command.wanted_start_date, care_pattern=command.care_pattern,
        atypical_hours_needed=flags.atypical_hours, specific_care_need=flags.specific_care_need,
        ikt_wanted=command.ikt_wanted, preferences=command.preferences, categories=flags, priority_codes=codes,
        policy_version=policy.version, sibling_request_ids=siblings,
        place_siblings_together=command.place_siblings_together and bool(siblings),
        registered_at=now, channel=command.channel,
    )


def answers_json(command: RegisterRequest, now: datetime) -> str:
    return json.dumps({
        "priority_answers": list(command.priority_answers), "priority_sworn": command.priority_sworn,
        "priority_evidence": command.priority_evidence, "vulnerability_consent": command.vulnerability_consent,
        "consent_at": now.isoformat(),
    })


async def register_request(uow: UnitOfWork, command: RegisterRequest, principal: Principal | None, *,
                           now: datetime, secret: str) -> Registration:
    """Store the request(s) with the personal data; emit RequestRegistered (no personal data) or merge."""
    actor = Actor.of(principal)
    problems: list[Problem] = check_role(command, principal.role.value if principal else None)
    policy = await choose_policy(uow, command, principal, now.date())
    problems += check_registration(command, now.date(), policy.max_preferences)
    anchor = await uow.session.get(CareRequest, command.sibling_of) if command.sibling_of else None
    if command.sibling_of and (anchor is None or not may_see(principal, anchor)):
        problems.append(Problem("sibling_of", "sibling_unknown"))
    if problems:
        raise problems_error(problems)
    children = children_of(command)
    prints = [fingerprint_of(child, command, secret) for child in children]
    ids = [str(uuid.uuid4()) for _ in children]
    await lock_fingerprints(uow, prints)
    survivors = [await find_duplicate(uow, p) for p in prints]
    effective = [s or i for s, i in zip(survivors, ids, strict=True)]
    group = set(effective) | ({anchor.request_id} if anchor else set())
    family_ref, parent_subject = str(uuid.uuid4()), f"family:{uuid.uuid4()}"
    for known_id in [anchor.request_id if anchor else None, *survivors]:
        known = await uow.session.get(CareRequest, known_id) if known_id else None
        if known is not None:
            family_ref, parent_subject = known.family_ref, known.parent_subject
            break
    for index, child in enumerate(children):
        request_id, survivor = ids[index], survivors[index]
        siblings = tuple(sorted(group - {effective[index]})) if survivor is None else ()
        snapshot = snapshot_for(request_id, child, command, policy, family_ref, siblings, now)
        row = CareRequest(
            request_id=request_id, desk_id=policy.desk_id, channel=command.channel.value, family_ref=family_ref,
            parent_subject=parent_subject, language=command.language, home_nis=command.home_nis,
            child_birth_date=child.birth_date, birth_expected=child.birth_expected,
            wanted_start_date=command.wanted_start_date, original_wanted_start_date=command.wanted_start_date,
            policy_version=policy.version, registered_at=now, registered_by_subject=actor.subject,
            registered_by_role=actor.role, answers=answers_json(command, now), snapshot=snapshot.model_dump_json(),
            answer_due=answer_due(now.date(), policy.provider_response_days,
                                  flemish_holiday=policy.count_flemish_holiday),
            updated_at=now, **snapshot.categories.model_dump(),
        )
        uow.session.add(row)
        uow.session.add(family_row(request_id, child, command))
        uow.session.add(fingerprint_row(request_id, prints[index]))
        await record_change(uow, row, actor, "registered", now)
        record_flags(uow, request_id, true_flags(snapshot.categories), actor, now)
        if survivor is None:
            row.on_bus = True
            await uow.emit(RequestRegistered(request=snapshot), occurred_at=now)
        else:
            await merge_into(uow, row, survivor, actor, now)
    existing = group - set(ids)
    if existing and len(group) > 1:
        await link_siblings(uow, group, command.place_siblings_together, actor, now, skip=set(ids))
    await queue_link_mails(uow, ids, survivors, command, now)
    return Registration(tuple(ids), tuple(survivors), policy.desk_id, parent_subject)
