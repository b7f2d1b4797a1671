"""Figures per municipality and month for regional hubs: anonymous, small counts suppressed.

For municipality M (the family's home) and month K, as of the end of K (Brussels time):
requests registered in K, requests still open, places allocated in K that still stand, and
open requests that never received a proposal. A count between 1 and the threshold minus one
is suppressed (None): a hub must not be able to point at a family. Zero is shown: it points
at no one. ``computed_at`` is the time of the latest fact counted, so the figures of a month
depend on the facts only, never on when they were computed.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from contracts import municipalities
from services.reporting.domain.calendar import month_end_instant, month_key, months_between
from services.reporting.domain.facts import Fact, FactKind
from services.reporting.domain.state import RequestState
from services.reporting.domain.sweep import sweep

DEFAULT_THRESHOLD = 5


@dataclass(frozen=True)
class MonthStats:
    nis_code: str
    month: str
    requests_registered: int
    requests_open: int
    places_allocated: int
    unanswered_without_proposal: int
    computed_at: datetime

    def suppressed(self, threshold: int) -> dict[str, int | None]:
        names = ("requests_registered", "requests_open", "places_allocated", "unanswered_without_proposal")
        return {name: suppress(getattr(self, name), threshold) for name in names}


def suppress(value: int, threshold: int) -> int | None:
    return value if value == 0 or value >= threshold else None


def _home(state: RequestState) -> str | None:
    if state.info is None:
        return None
    return municipalities.current_code(state.info.home_nis) or state.info.home_nis


def municipality_months(nis_code: str, facts: Sequence[Fact], horizon: datetime) -> list[MonthStats]:
    """Every month from the first registration of a family of *nis_code* to the *horizon* month."""
    firsts = [f.at for f in facts if f.kind is FactKind.REGISTERED and f.info
              and (municipalities.current_code(f.info.home_nis) or f.info.home_nis) == nis_code]
    if not firsts:
        return []
    months = months_between(month_key(min(firsts)), month_key(horizon))
    instants = [month_end_instant(month) for month in months]

    def evaluate(state: RequestState, index: int) -> tuple[bool, bool, bool, bool] | None:
        if not state.counts or _home(state) != nis_code:
            return None
        assert state.registered_at is not None  # noqa: S101 - counts implies registered
        allocation = state.allocation
        return (month_key(state.registered_at) == months[index], state.open,
                allocation is not None and month_key(allocation.at) == months[index],
                state.open and not state.had_proposal)

    per_month = sweep(facts, instants, evaluate)
    times = sorted(f.at for f in facts)
    result = []
    for month, instant, flags in zip(months, instants, per_month, strict=True):
        position = bisect.bisect_left(times, instant)
        if position == 0:
            continue
        result.append(MonthStats(
            nis_code=nis_code, month=month, requests_registered=sum(f[0] for f in flags),
            requests_open=sum(f[1] for f in flags), places_allocated=sum(f[2] for f in flags),
            unanswered_without_proposal=sum(f[3] for f in flags), computed_at=times[position - 1],
        ))
    return result
