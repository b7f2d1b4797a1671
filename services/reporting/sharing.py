"""Sharing the yearly report with every provider of the working area (seed 003: "De gegevens die
jaarlijks gerapporteerd worden aan Opgroeien worden ook meegedeeld aan alle organisatoren").

The figures are frozen as they were shared (JSON), each provider of the working area becomes a
recipient who can fetch them with its own token, and YearlyReportShared tells a notifier whom
to tell: all in one transaction.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date

from contracts.events.reporting import YearlyReportShared
from services.reporting.adapters.fact_queries import facts_for_desk, location_facts, policies
from services.reporting.adapters.tables import ReportShare, ReportShareRecipient
from services.reporting.domain.calendar import end_of_day
from services.reporting.domain.locations import fold_locations, providers_in
from services.reporting.domain.policy import policy_in_force
from services.reporting.domain.state import fold_all
from services.reporting.domain.yearly import build_yearly_report
from services.reporting.exports.json_export import to_json
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


@dataclass(frozen=True)
class Shared:
    share_id: str
    provider_ids: tuple[str, ...]


def download_path(share_id: str) -> str:
    return f"/api/v1/provider/reports/{share_id}"


async def share_yearly_report(uow: UnitOfWork, *, desk_id: str, year: int, cutoff: date, shared_by: str) -> Shared:
    session = uow.session
    now = uow._clock.now()  # noqa: SLF001 - when the desk decided to share: a command, not a fact
    policy = policy_in_force(await policies(session, desk_id), cutoff)
    area = policy.working_area if policy else ()
    views = fold_locations(await location_facts(session, area)).values()
    providers = providers_in(views, area, now.date())
    if not providers:
        raise AppError("no_providers", 409)
    states = fold_all(await facts_for_desk(session, desk_id, year), end_of_day(cutoff)).values()
    report = build_yearly_report(desk_id=desk_id, year=year, cutoff=cutoff, working_area=area, states=states)
    share_id = str(uuid.uuid4())
    session.add(ReportShare(share_id=share_id, desk_id=desk_id, year=year, cutoff=cutoff, shared_at=now,
                            shared_by=shared_by[:100], document=to_json(report).decode()))
    for provider_id in providers:
        session.add(ReportShareRecipient(share_id=share_id, provider_id=provider_id))
    await uow.emit(YearlyReportShared(share_id=share_id, desk_id=desk_id, year=year, cutoff=cutoff,
                                      provider_ids=providers, download_path=download_path(share_id),
                                      shared_at=now), occurred_at=now)
    return Shared(share_id=share_id, provider_ids=providers)


def frozen_document(share: ReportShare) -> dict[str, object]:
    return json.loads(share.document)  # type: ignore[no-any-return]
