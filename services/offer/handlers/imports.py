"""Bulk import of a provider's locations: every row checked first, then all or nothing.

Rows are matched to existing locations by ``location_id`` or else by the provider's own
``external_ref``; other rows create locations. If any row is wrong, the answer lists every bad
row and nothing is written. Otherwise all changes and their events commit in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlmodel import select

from services.offer.adapters import store
from services.offer.adapters.tables import Location
from services.offer.domain.tabular import ParsedRow, RowError, parse_row
from services.offer.handlers.common import ProviderScope
from services.offer.handlers.locations import change_location, publish_location
from services.runtime.uow import UnitOfWork


class ImportRejected(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass
class ImportPlan:
    create: list[ParsedRow] = field(default_factory=list)
    update: list[tuple[Location, ParsedRow]] = field(default_factory=list)
    unchanged: list[Location] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        return {"created": len(self.create), "updated": len(self.update), "unchanged": len(self.unchanged)}


def parse_rows(rows: Sequence[tuple[int, Mapping[str, str]]]) -> tuple[list[ParsedRow], list[RowError]]:
    parsed: list[ParsedRow] = []
    errors: list[RowError] = []
    for number, cells in rows:
        result = parse_row(number, cells)
        if isinstance(result, ParsedRow):
            parsed.append(result)
        else:
            errors.extend(result)
    return parsed, errors


async def plan_import(uow: UnitOfWork, scope: ProviderScope, parsed: list[ParsedRow],
                      errors: list[RowError]) -> ImportPlan:
    """Match rows to this provider's locations; add an error for every row that cannot be applied."""
    own = (await uow.session.exec(select(Location).where(Location.provider_id == scope.provider_id))).all()
    by_id = {row.location_id: row for row in own}
    by_ref = {row.external_ref: row for row in own if row.external_ref}
    plan = ImportPlan()
    seen: set[str] = set()
    for item in parsed:
        target = by_id.get(item.location_id) if item.location_id else by_ref.get(item.details.external_ref or "")
        identity = target.location_id if target else f"ref:{item.details.external_ref or item.row}"
        problem = _problem(item, target, scope, by_ref, identity in seen)
        seen.add(identity)
        if problem:
            errors.append(RowError(item.row, *problem))
        elif target is None:
            plan.create.append(item)
        elif store.details_of(target) == item.details:
            plan.unchanged.append(target)
        else:
            plan.update.append((target, item))
    return plan


def _problem(item: ParsedRow, target: Location | None, scope: ProviderScope, by_ref: dict[str, Location],
             duplicate: bool) -> tuple[str, str] | None:
    if item.location_id and target is None:
        return "location_id", "unknown_location"
    if duplicate:
        return ("location_id" if item.location_id else "external_ref"), "duplicate_in_file"
    if target is None:
        return ("location_id", "outside_key_scope") if scope.location_ids is not None else None
    if not scope.covers(target):
        return "location_id", "outside_key_scope"
    if target.status != "active":
        return "location_id", "location_not_active"
    other = by_ref.get(item.details.external_ref or "")
    if other is not None and other.location_id != target.location_id:
        return "external_ref", "external_ref_taken"
    return None


async def apply_import(uow: UnitOfWork, scope: ProviderScope, plan: ImportPlan) -> list[str]:
    """Apply the plan; the ids of the locations updated and created, in that order."""
    touched = []
    for target, item in plan.update:  # updates first: a freed external_ref may be reused by a new row
        await change_location(uow, target, item.details)
        touched.append(target.location_id)
    for item in plan.create:
        touched.append((await publish_location(uow, scope, item.details)).location_id)
    return touched
