"""Writing a family's personal data and fingerprint, and finding the open request it duplicates."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlmodel import col, or_, select

from services.intake.adapters.tables import CareRequest, FamilyData
from services.intake.adapters.tables import Fingerprint as FingerprintRow
from services.intake.domain.duplicates import Fingerprint, contact_keys, fingerprint, first_duplicate
from services.intake.domain.identifiers import normalise_email, normalise_name, normalise_phone
from services.intake.domain.registration import RegisterRequest
from services.runtime.uow import UnitOfWork


@dataclass(frozen=True)
class Child:
    first_name: str
    last_name: str
    birth_date: date
    birth_expected: bool
    national_number: str | None


def children_of(command: RegisterRequest) -> list[Child]:
    """The child of the request first, then each sibling registered with it."""
    first = Child(command.child_first_name, command.child_last_name, command.child_birth_date,
                  command.birth_expected, command.child_national_number)
    return [first] + [Child(s.first_name, s.last_name, s.birth_date, s.birth_expected, s.national_number)
                      for s in command.siblings]


def family_row(request_id: str, child: Child, command: RegisterRequest) -> FamilyData:
    address = command.contact_address
    words = [child.first_name, child.last_name, child.first_name + child.last_name]
    for parent in command.parents:
        words += [parent.first_name, parent.last_name, parent.first_name + parent.last_name]
    search = [normalise_name(w) for w in words if w]
    if command.contact_email:
        search.append(normalise_email(command.contact_email))
    if command.contact_phone:
        search.append(normalise_phone(command.contact_phone))
    return FamilyData(
        request_id=request_id, child_first_name=child.first_name, child_last_name=child.last_name,
        child_national_number=child.national_number or "",
        parents=json.dumps([p.model_dump() for p in command.parents]),
        contact_email=command.contact_email or "", contact_phone=command.contact_phone or "",
        contact_address=address.model_dump_json() if address else "",
        preferred_contact=command.contact_channel(), search_text=" ".join(search),
    )


def fingerprint_of(child: Child, command: RegisterRequest, secret: str) -> Fingerprint:
    address = command.contact_address
    contacts = contact_keys(command.contact_email, command.contact_phone,
                            (address.street, address.house_number, address.postcode) if address else None)
    return fingerprint(first_name=child.first_name, last_name=child.last_name, birth_date=child.birth_date,
                       birth_expected=child.birth_expected, national_number=child.national_number,
                       contacts=contacts, secret=secret)


def fingerprint_row(request_id: str, print_: Fingerprint) -> FingerprintRow:
    return FingerprintRow(request_id=request_id, national_number=print_.national_number,
                          first_name=print_.first_name, last_name=print_.last_name, birth_date=print_.birth_date,
                          birth_expected=print_.birth_expected, contacts=" ".join(sorted(print_.contacts)))


def _from_row(row: FingerprintRow) -> Fingerprint:
    return Fingerprint(national_number=row.national_number, first_name=row.first_name, last_name=row.last_name,
                       birth_date=row.birth_date, birth_expected=row.birth_expected,
                       contacts=frozenset(row.contacts.split()))


async def lock_fingerprints(uow: UnitOfWork, prints: list[Fingerprint]) -> None:
    """On PostgreSQL, serialise registrations of the same last name until commit, so two identical
    registrations at the same moment cannot both miss each other (SQLite serialises writers anyway)."""
    connection = await uow.session.connection()
    if connection.dialect.name != "postgresql":
        return
    for key in sorted({int(p.last_name[:15], 16) for p in prints if p.last_name}):
        await uow.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


async def find_duplicate(uow: UnitOfWork, print_: Fingerprint) -> str | None:
    """The oldest open request of the same child, if any (see domain/duplicates.py for the rule)."""
    match = col(FingerprintRow.last_name) == print_.last_name
    if print_.national_number:
        match = or_(match, col(FingerprintRow.national_number) == print_.national_number)
    rows = (await uow.session.exec(
        select(FingerprintRow).join(CareRequest, col(CareRequest.request_id) == col(FingerprintRow.request_id))
        .where(CareRequest.status == "open", match).order_by(col(CareRequest.registered_at))
    )).all()
    return first_duplicate(print_, [(row.request_id, _from_row(row)) for row in rows])
