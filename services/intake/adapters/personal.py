"""Families' personal data: the only tables with names, contacts and national numbers."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from services.intake.adapters.base import IntakeTable


class FamilyData(IntakeTable, table=True):
    request_id: str = Field(primary_key=True, max_length=36)
    child_first_name: str = ""
    child_last_name: str = ""
    child_national_number: str = ""
    parents: str = Field(default="[]", description="JSON list of {first_name, last_name, national_number}")
    contact_email: str = ""
    contact_phone: str = ""
    contact_address: str = Field(default="", description="JSON postal address or empty")
    preferred_contact: str = "email"
    search_text: str = Field(default="", description="Normalised names, e-mail and phone for desk search")


class Fingerprint(IntakeTable, table=True):
    """Keyed hashes of normalised identity data for duplicate detection (see domain/duplicates.py)."""

    request_id: str = Field(primary_key=True, max_length=36)
    national_number: str = Field(default="", index=True, max_length=32)
    first_name: str = Field(default="", max_length=32)
    last_name: str = Field(index=True, max_length=32)
    birth_date: date
    birth_expected: bool = False
    contacts: str = Field(default="", description="Space-separated hashed contact keys")
