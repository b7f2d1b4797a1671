"""A family asks once: when is a new registration the same child as an open request?

1. Both carry a national register number: same child exactly when the numbers are equal.
2. Otherwise: same normalised first and last name, same birth date, and at least one parent
   contact (e-mail, phone or postal address) in common.
3. Before birth the date is only expected and the first name often unknown: same last name, a
   contact in common, dates at most 45 days apart, and first names equal or one of them empty.

Fingerprints hold keyed hashes of the normalised values, so the rule runs on stored data without
keeping a second copy of names and contacts, and erasing a family erases its fingerprint.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from services.intake.domain.identifiers import (
    normalise_address,
    normalise_email,
    normalise_name,
    normalise_phone,
)

EXPECTED_BIRTH_SLACK_DAYS = 45


@dataclass(frozen=True)
class Fingerprint:
    national_number: str
    first_name: str
    last_name: str
    birth_date: date
    birth_expected: bool
    contacts: frozenset[str]


def contact_keys(email: str | None, phone: str | None, address: tuple[str, str, str] | None) -> frozenset[str]:
    keys = set()
    if email:
        keys.add("e:" + normalise_email(email))
    if phone:
        keys.add("p:" + normalise_phone(phone))
    if address:
        keys.add("a:" + normalise_address(*address))
    return frozenset(keys)


def fingerprint(*, first_name: str, last_name: str, birth_date: date, birth_expected: bool,
                national_number: str | None, contacts: Iterable[str], secret: str) -> Fingerprint:
    """A fingerprint of normalised values, each hashed with *secret* (empty values stay empty)."""

    def h(value: str) -> str:
        if not value:
            return ""
        return hmac.new(secret.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]

    return Fingerprint(
        national_number=h(national_number or ""),
        first_name=h(normalise_name(first_name)),
        last_name=h(normalise_name(last_name)),
        birth_date=birth_date,
        birth_expected=birth_expected,
        contacts=frozenset(h(c) for c in contacts),
    )


def is_duplicate(new: Fingerprint, existing: Fingerprint) -> bool:
    """True when *new* is the same child as *existing* (see the module docstring)."""
    if new.national_number and existing.national_number:
        return new.national_number == existing.national_number
    if not new.contacts & existing.contacts or new.last_name != existing.last_name:
        return False
    if new.birth_expected or existing.birth_expected:
        close = abs((new.birth_date - existing.birth_date).days) <= EXPECTED_BIRTH_SLACK_DAYS
        first_ok = new.first_name == existing.first_name or not new.first_name or not existing.first_name
        return close and first_ok
    return new.first_name == existing.first_name and new.birth_date == existing.birth_date


def first_duplicate(new: Fingerprint, candidates: Iterable[tuple[str, Fingerprint]]) -> str | None:
    """Id of the earliest candidate *new* duplicates (candidates come oldest first), or None."""
    for request_id, existing in candidates:
        if is_duplicate(new, existing):
            return request_id
    return None
