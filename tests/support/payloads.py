"""Valid request bodies for tests, with small variations."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any


def registration(index: int = 0, *, home_nis: str = "44021", **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "child_first_name": f"Kind{index}",
        "child_last_name": "Test",
        "child_birth_date": (date(2026, 1, 1) + timedelta(days=index % 300)).isoformat(),
        "home_nis": home_nis,
        "wanted_start_date": (date(2026, 9, 1) + timedelta(days=index % 200)).isoformat(),
        "care_pattern": {"days": [{"weekday": d} for d in ("mon", "tue", "thu")]},
        "preferences": {"mode": "distance", "max_distance_km": 5},
        "contact_email": f"ouder{index}@example.org",
    }
    body.update(overrides)
    return body
