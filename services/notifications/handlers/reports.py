"""A desk shared its yearly report: plan one message per provider of its working area.

Mail and webhook only: the pull feed lists requests for the provider's software, and a shared report
is fetched from reporting's API (`download_path`) by whoever is told. The idempotency key (provider,
share, kind, channel) means a republished event never tells a provider twice.
"""

from __future__ import annotations

from typing import Any

from contracts.envelope import Envelope
from services.notifications.planning import plan_provider_message
from services.runtime.uow import UnitOfWork


async def on_yearly_report_shared(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    details = {"share_id": data.share_id, "year": data.year, "cutoff": data.cutoff.isoformat(),
               "download_path": data.download_path}
    for provider_id in sorted(set(data.provider_ids)):
        await plan_provider_message(
            uow.session, provider_id=provider_id, desk_id=data.desk_id, request_id=data.share_id, location_ids=(),
            kind="report_shared", ref="share", details=details, source_time=data.shared_at,
            now=uow._clock.now(), desk_mode="immediate",  # noqa: SLF001 - row creation time, as elsewhere
        )
