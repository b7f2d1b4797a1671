"""Desks' working areas from intake's DeskPolicyChanged: which desk may close which location.

The highest policy version wins, whatever order the versions arrive in.
"""

from __future__ import annotations

from typing import Any

from contracts.envelope import Envelope
from services.offer.adapters.tables import DeskArea
from services.runtime.consumer import Handler
from services.runtime.uow import UnitOfWork


async def on_desk_policy_changed(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    row = await uow.session.get(DeskArea, data.desk_id)
    if row is not None and row.version > data.version:
        return
    row = row or DeskArea(desk_id=data.desk_id, version=data.version, working_area="")
    row.version, row.working_area = data.version, " ".join(data.working_area)
    uow.session.add(row)


DESK_HANDLERS: dict[str, Handler] = {"DeskPolicyChanged": on_desk_policy_changed}
