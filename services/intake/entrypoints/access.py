"""Who may touch a request: checked first in every unit of work, refusals logged like accesses."""

from __future__ import annotations

from datetime import datetime

from services.intake.adapters.tables import CareRequest
from services.intake.handlers.common import load_request, may_see
from services.intake.handlers.views import audit
from services.runtime.auth import Principal, Role
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork

FOLLOWERS = (Role.PARENT, Role.REFERRER, Role.DESK, Role.SERVICE)
DESK_ONLY = (Role.DESK, Role.SERVICE)


async def visible_request(uow: UnitOfWork, request_id: str, principal: Principal, action: str,
                          now: datetime, roles: tuple[Role, ...] = FOLLOWERS) -> CareRequest:
    """The request if *principal* may see it. Call it first in a unit of work: a refusal is logged
    (committed on its own, as nothing else happened yet) like any access."""
    request = await load_request(uow, request_id)
    if principal.role not in roles or not may_see(principal, request):
        audit(uow.session, principal, request.desk_id, action, now, request_id=request_id, outcome="refused")
        await uow.session.commit()
        raise AppError("forbidden", 403)
    return request
