"""National register numbers, phone numbers and names: checked and normalised (table-driven)."""

from __future__ import annotations

from datetime import date

import pytest

from services.intake.domain.identifiers import (
    national_number_matches_birth,
    normalise_name,
    normalise_phone,
    valid_national_number,
    valid_phone,
)


@pytest.mark.parametrize(("number", "valid"), [
    ("85.07.30-033.28", True),     # born in the 1900s: 97 - (850730033 % 97) = 28
    ("17.07.30-033.84", True),     # born after 2000: the check is computed on 2 + the nine digits
    ("85073003328", True),
    ("85073003327", False),        # one digit off
    ("8507300332", False),         # ten digits
    ("abc", False),
])
def test_national_number_checksum(number: str, valid: bool) -> None:
    assert valid_national_number(number) is valid


@pytest.mark.parametrize(("number", "birth", "matches"), [
    ("17073003384", date(2017, 7, 30), True),
    ("17073003384", date(2017, 7, 31), False),
    ("17273003384", date(2017, 7, 30), True),   # bis number: month + 20
    ("17003003384", date(2017, 7, 30), True),   # month 00: date unknown, nothing to compare
])
def test_national_number_against_birth_date(number: str, birth: date, matches: bool) -> None:
    assert national_number_matches_birth(number, birth) is matches


@pytest.mark.parametrize(("raw", "normal"), [
    ("0475 12 34 56", "32475123456"),
    ("+32 475 12 34 56", "32475123456"),
    ("0032475123456", "32475123456"),
    ("09/123.45.67", "3291234567"),
    ("+31 6 1234 5678", "31612345678"),
])
def test_phone_numbers_are_normalised_to_international_digits(raw: str, normal: str) -> None:
    assert valid_phone(raw)
    assert normalise_phone(raw) == normal


@pytest.mark.parametrize("raw", ["12345", "call me", "0475 12 34 56 78 90 12 34"])
def test_bad_phone_numbers(raw: str) -> None:
    assert not valid_phone(raw)


@pytest.mark.parametrize(("a", "b"), [
    ("Van den Berg", "vandenberg"), ("Émile", "emile"), ("Anne-Marie", "annemarie"), ("  NOOR ", "noor"),
    ("Çelik", "celik"),
])
def test_names_are_compared_without_case_accents_or_separators(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)
