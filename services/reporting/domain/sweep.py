"""Evaluate every request at a series of moments in one pass over its facts (pure).

Monthly figures ("open at the end of each month") would otherwise fold every request once per
month; sweeping applies each fact once and looks at the state at each month's end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TypeVar

from services.reporting.domain.facts import Fact, ordered
from services.reporting.domain.state import RequestState, apply

T = TypeVar("T")


def sweep(
    facts: Iterable[Fact], instants: Sequence[datetime], evaluate: Callable[[RequestState, int], T | None],
) -> list[list[T]]:
    """For each of the ascending *instants*: evaluate(state as of that instant, index) per request."""
    grouped: dict[str, list[Fact]] = {}
    for fact in facts:
        grouped.setdefault(fact.request_id, []).append(fact)
    results: list[list[T]] = [[] for _ in instants]
    for request_id in sorted(grouped):
        items = ordered(grouped[request_id])
        state = RequestState(request_id=request_id)
        position = 0
        for index, instant in enumerate(instants):
            while position < len(items) and items[position].at < instant:
                apply(state, items[position])
                position += 1
            value = evaluate(state, index)
            if value is not None:
                results[index].append(value)
    return results
