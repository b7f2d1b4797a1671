"""Providers are organisations identified by their company number (KBO / BCE)."""

from __future__ import annotations


def valid_kbo(number: str) -> bool:
    """Ten digits, starting with 0 or 1, the last two being 97 minus the first eight modulo 97."""
    if len(number) != 10 or not number.isdigit() or number[0] not in "01":
        return False
    return 97 - int(number[:8]) % 97 == int(number[8:])
