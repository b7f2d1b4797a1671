"""Belgian identifiers and contact details: checked and normalised the same way everywhere.

Normalised forms are what duplicate detection compares, so "0475 12 34 56" and "+32475123456"
are one phone number, and "Van den Berg" and "vandenberg" one name.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_NON_ALNUM = re.compile(r"[^a-z0-9]")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ./()\-]{6,25}$")


def national_number_digits(value: str) -> str:
    """Only the digits of a national register number (written with dots, dashes or spaces)."""
    return "".join(ch for ch in value if ch.isdigit())


def valid_national_number(value: str) -> bool:
    """Checksum of the Belgian national register number (rijksregisternummer), both centuries."""
    digits = national_number_digits(value)
    if len(digits) != 11:
        return False
    body, check = int(digits[:9]), int(digits[9:])
    return check in (97 - body % 97, 97 - int("2" + digits[:9]) % 97)


def national_number_birth_date(value: str) -> tuple[int, int, int] | None:
    """(yy, month, day) encoded in the number, or None for bis numbers with an unknown date."""
    digits = national_number_digits(value)
    yy, month, day = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    month = month % 20 if month > 12 else month  # bis numbers add 20 or 40 to the month
    if not 1 <= month <= 12 or day == 0:
        return None
    return yy, month, day


def national_number_matches_birth(value: str, birth: date) -> bool:
    """True when the number's encoded date is *birth* (or the number encodes no date)."""
    encoded = national_number_birth_date(value)
    if encoded is None:
        return True
    return encoded == (birth.year % 100, birth.month, birth.day)


def normalise_name(value: str) -> str:
    """Lower case, accents and every non-letter removed: 'Van den Berg-Émile' -> 'vandenbergemile'."""
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub("", plain.lower())


def normalise_email(value: str) -> str:
    return value.strip().lower()


def valid_phone(value: str) -> bool:
    digits = national_number_digits(value)
    return bool(_PHONE_CHARS.match(value.strip())) and 8 <= len(digits) <= 15


def normalise_phone(value: str) -> str:
    """International digits without '+': '0475 12 34 56' -> '32475123456'."""
    raw = value.strip()
    digits = national_number_digits(raw)
    if raw.startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        return "32" + digits[1:]
    return digits


def normalise_address(street: str, house_number: str, postcode: str) -> str:
    return f"{normalise_name(street)}|{normalise_name(house_number)}|{postcode.strip()}"
