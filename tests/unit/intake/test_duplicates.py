"""When is a new registration the same child as an open request? Table-driven, plus invariants."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.intake.domain.duplicates import Fingerprint, contact_keys, fingerprint, first_duplicate, is_duplicate

SECRET = "test-secret"
BIRTH = date(2026, 3, 14)


def child(**changes: Any) -> Fingerprint:
    values: dict[str, Any] = {"first_name": "Noor", "last_name": "Peeters", "birth_date": BIRTH,
                              "birth_expected": False, "national_number": None,
                              "email": "sara@example.org", "phone": None, "address": None}
    values.update(changes)
    contacts = contact_keys(values.pop("email"), values.pop("phone"), values.pop("address"))
    return fingerprint(contacts=contacts, secret=SECRET, **values)


@pytest.mark.parametrize(("existing", "new", "same"), [
    ({}, {}, True),
    ({}, {"first_name": "NOOR", "last_name": "peeters "}, True),                          # case and spaces
    ({"last_name": "Van den Berg"}, {"last_name": "vandenberg"}, True),                  # separators
    ({"first_name": "Zoë"}, {"first_name": "Zoe"}, True),                                # accents
    ({}, {"email": "SARA@example.org "}, True),                                          # e-mail case
    ({"email": None, "phone": "0475 12 34 56"}, {"email": None, "phone": "+32475123456"}, True),
    ({"address": ("Kerkstraat", "1", "9000")}, {"email": "x@y.be", "address": ("kerkstraat ", "1", "9000")}, True),
    ({}, {"email": "other@example.org"}, False),                                         # no contact in common
    ({}, {"birth_date": BIRTH + timedelta(days=1)}, False),                              # another birth date
    ({}, {"first_name": "Lina"}, False),                                                 # a sibling, not a twin copy
    ({"national_number": "26031400125"}, {"national_number": "26031400125", "first_name": "Nora",
                                          "email": "x@y.be"}, True),                    # equal numbers decide
    ({"national_number": "26031400125"}, {"national_number": "26031400224"}, False),     # twins: other numbers
    ({"national_number": "26031400125"}, {}, True),                                      # one number missing
    ({"birth_expected": True, "first_name": "", "birth_date": BIRTH}, {"birth_date": BIRTH + timedelta(days=12)},
     True),                                                                              # born after registering
    ({"birth_expected": True, "first_name": "", "birth_date": BIRTH}, {"birth_date": BIRTH + timedelta(days=60)},
     False),                                                                             # too far apart
    ({"birth_expected": True, "first_name": "Noor"}, {"birth_expected": True, "first_name": "Lina"}, False),
    ({"birth_expected": True}, {"birth_expected": True, "last_name": "Janssens"}, False),
])
def test_duplicate_rule(existing: dict[str, Any], new: dict[str, Any], same: bool) -> None:
    assert is_duplicate(child(**new), child(**existing)) is same


def test_fingerprints_keep_no_readable_personal_data() -> None:
    print_ = child(national_number="26031400125", phone="0475 12 34 56")
    text = repr(print_)
    assert "Noor" not in text and "peeters" not in text and "sara" not in text and "475" not in text
    assert child().last_name != fingerprint(first_name="Noor", last_name="Peeters", birth_date=BIRTH,
                                            birth_expected=False, national_number=None, contacts=(),
                                            secret="another").last_name


def test_the_oldest_matching_request_wins() -> None:
    candidates = [("a", child(first_name="Lina")), ("b", child()), ("c", child())]
    assert first_duplicate(child(), candidates) == "b"
    assert first_duplicate(child(first_name="Mats"), candidates) is None


names = st.text(alphabet="abcdefghij éè-", min_size=1, max_size=12).filter(lambda s: any(c.isalpha() for c in s))


@given(first=names, last=names, days=st.integers(0, 1000), expected=st.booleans(),
       email=st.emails())
def test_a_registration_is_a_duplicate_of_itself_and_the_rule_is_symmetric(
    first: str, last: str, days: int, expected: bool, email: str
) -> None:
    a = child(first_name=first, last_name=last, birth_date=BIRTH + timedelta(days=days), birth_expected=expected,
              email=email)
    b = child(first_name=first.upper(), last_name=last, birth_date=BIRTH + timedelta(days=days),
              birth_expected=expected, email=email.upper())
    assert is_duplicate(a, b) and is_duplicate(b, a)
    other = child(first_name=first, last_name=last + "x", birth_date=BIRTH + timedelta(days=days), email=email)
    assert is_duplicate(a, other) == is_duplicate(other, a)
