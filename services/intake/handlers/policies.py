"""Publishing a desk's policy version, and the demo desks with their policy history.

The demo history shows the versioning SPEC 6 asks for: local rules from 1 January 2024, the
priority rules of 1 April 2024, and their annulment on 30 April 2025 (only the desk's own local
rules stay in force from then on).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import select

from contracts.events.intake import DeskPolicyChanged, PriorityRule
from infra.demo.data import DESKS
from services.intake.adapters.tables import Desk, DeskPolicyVersion
from services.intake.domain.policy import PublishPolicy, check_publish, in_force, next_version
from services.intake.handlers.common import Actor, policy_versions, problems_error
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


async def publish_policy(uow: UnitOfWork, desk_id: str, command: PublishPolicy, actor: Actor,
                         now: datetime) -> DeskPolicyChanged:
    desk = await uow.session.get(Desk, desk_id)
    if desk is None:
        raise AppError("not_found", 404)
    versions = await policy_versions(uow, desk_id)
    latest = max(versions, key=lambda v: v.version, default=None)
    problems = check_publish(command, latest)
    if problems:
        raise problems_error(problems)
    policy = next_version(desk_id, command, latest)
    await store_version(uow, desk, policy, actor, now, [*versions, policy])
    return policy


async def store_version(uow: UnitOfWork, desk: Desk, policy: DeskPolicyChanged, actor: Actor, now: datetime,
                        versions: list[DeskPolicyChanged]) -> None:
    uow.session.add(DeskPolicyVersion(desk_id=desk.desk_id, version=policy.version, valid_from=policy.valid_from,
                                      body=policy.model_dump_json(), published_at=now,
                                      published_by=actor.name or actor.subject))
    current = in_force(versions, now.date())
    if current is not None:
        desk.working_area = " ".join(current.working_area)
        uow.session.add(desk)
    await uow.emit(policy, occurred_at=now)


def demo_policies(desk_id: str, working_area: tuple[str, ...]) -> list[DeskPolicyChanged]:
    common = dict(desk_id=desk_id, working_area=working_area, provider_response_days=5, reminder_before_days=1,
                  family_answer_days=10, earliest_answer_months=9, max_preferences=5,
                  distribution_mode="broadcast_when_urgent")
    local = (PriorityRule(code="sibling_present", weight=20), PriorityRule(code="foster_child", weight=30))
    decree = (PriorityRule(code="work_related", weight=25), PriorityRule(code="single_parent", weight=15),
              PriorityRule(code="low_income", weight=15), *local)
    return [
        DeskPolicyChanged(version=1, valid_from=date(2024, 1, 1), priority_rules=(
            PriorityRule(code="work_related", weight=10), PriorityRule(code="sibling_present", weight=20)),
            vulnerable_quota_percent=20, **common),  # type: ignore[arg-type]
        DeskPolicyChanged(version=2, valid_from=date(2024, 4, 1), priority_rules=decree,
                          vulnerable_quota_percent=20, **common),  # type: ignore[arg-type]
        DeskPolicyChanged(version=3, valid_from=date(2025, 4, 30), priority_rules=local,
                          vulnerable_quota_percent=20, **common),  # type: ignore[arg-type]
    ]


async def seed_demo_desks(uow: UnitOfWork, now: datetime) -> None:
    """Create the demo desks and any policy version of their history that is missing, once."""
    actor = Actor("system:demo", "system", "demo")
    for demo in DESKS:
        desk = await uow.session.get(Desk, demo.desk_id)
        if desk is None:
            desk = Desk(desk_id=demo.desk_id, name=demo.name, email=demo.email,
                        working_area=" ".join(demo.working_area))
            uow.session.add(desk)
        have = {row.version for row in (await uow.session.exec(
            select(DeskPolicyVersion).where(DeskPolicyVersion.desk_id == demo.desk_id))).all()}
        history = demo_policies(demo.desk_id, demo.working_area)
        for policy in history:
            if policy.version not in have:
                await store_version(uow, desk, policy, actor, now, history)
