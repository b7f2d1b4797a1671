"""Wiring of the intake service: runtime, consumers, routes, demo desks."""

from __future__ import annotations

from datetime import date

from fastapi import FastAPI
from sqlmodel import select

import services.intake.domain.messages  # noqa: F401 - registers message texts
from contracts.events.intake import DeskPolicyChanged, PriorityRule
from contracts.events.matching import MATCHING_TOPIC
from infra.demo.data import DESKS
from services.intake.adapters.tables import Desk, DeskPolicyVersion, metadata
from services.intake.entrypoints.http import router
from services.intake.handlers import STATUS_HANDLERS
from services.runtime.clock import Clock, SettableClock
from services.runtime.http import create_app
from services.runtime.service import ServiceRuntime, Subscription
from services.runtime.settings import ServiceSettings, load_settings


async def seed_demo_desks(runtime: ServiceRuntime) -> None:
    """Create the demo desks with a first policy version, once."""
    async with runtime.uow() as uow:
        existing = {d.desk_id for d in (await uow.session.exec(select(Desk))).all()}
        for desk in DESKS:
            if desk.desk_id in existing:
                continue
            uow.session.add(Desk(desk_id=desk.desk_id, name=desk.name, email=desk.email,
                                 working_area=" ".join(desk.working_area)))
            policy = DeskPolicyChanged(
                desk_id=desk.desk_id, version=1, valid_from=date(2024, 1, 1), working_area=desk.working_area,
                provider_response_days=5, reminder_before_days=1, family_answer_days=10,
                earliest_answer_months=9, max_preferences=5, distribution_mode="broadcast_when_urgent",
                priority_rules=(PriorityRule(code="work_related", weight=10),
                                PriorityRule(code="sibling_present", weight=20)),
                vulnerable_quota_percent=20,
            )
            uow.session.add(DeskPolicyVersion(desk_id=desk.desk_id, version=1, valid_from=policy.valid_from,
                                              body=policy.model_dump_json()))
            await uow.emit(policy)


def build_app(settings: ServiceSettings | None = None, clock: Clock | None = None) -> FastAPI:
    settings = settings or load_settings("intake")
    if clock is None and settings.env == "test":
        clock = SettableClock()
    runtime = ServiceRuntime(settings, metadata, clock=clock)
    runtime.subscribe(Subscription(
        group="intake.request-status",
        topics=(MATCHING_TOPIC,),
        handlers=STATUS_HANDLERS,
        description="Keeps each request's status for parents: allocated, reopened.",
    ))

    async def seed(_: FastAPI) -> None:
        if settings.env != "prod":
            await seed_demo_desks(runtime)

    return create_app(settings=settings, title="Opvangloket intake", routers=[router], runtime=runtime,
                      on_startup=[seed])
