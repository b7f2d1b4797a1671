"""Valid request bodies for tests, with small variations.

Dates are relative to today: intake refuses a wanted start date in the past (by its clock) and a
birth date in the future, so fixed dates would turn invalid as time passes. Every call is another
family (a fresh name token): intake merges a second registration of the same child into the first,
so tests that want a duplicate must build it on purpose.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any


def registration(index: int = 0, *, home_nis: str = "44021", **overrides: Any) -> dict[str, Any]:
    family = uuid.uuid4().hex[:10]
    body: dict[str, Any] = {
        "child_first_name": f"Kind{index}",
        "child_last_name": f"Test-{family}",
        "child_birth_date": (date.today() - timedelta(days=60 + index % 300)).isoformat(),
        "home_nis": home_nis,
        "wanted_start_date": (date.today() + timedelta(days=30 + index % 200)).isoformat(),
        "care_pattern": {"days": [{"weekday": d} for d in ("mon", "tue", "thu")]},
        "preferences": {"mode": "distance", "max_distance_km": 5},
        "contact_email": f"ouder{index}.{family}@example.org",
        "consent": True,
    }
    body.update(overrides)
    return body
