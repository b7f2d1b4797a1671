"""Wait on conditions, never on fixed sleeps."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def eventually(
    probe: Callable[[], Awaitable[T]], *, until: Callable[[T], bool] = bool, timeout: float = 60,
    interval: float = 0.1, what: str = "condition",
) -> T:
    """Call *probe* until *until(result)* holds; return the result, or fail with the last value."""
    deadline = time.monotonic() + timeout
    last: T | None = None
    while True:
        try:
            last = await probe()
            if until(last):
                return last
        except Exception as exc:  # the system may be restarting
            last = exc  # type: ignore[assignment]
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not hold within {timeout:.0f}s; last value: {describe(last)}")
        await asyncio.sleep(interval)


def describe(value: object) -> str:
    """An HTTP answer is shown with its body: "409 Conflict" alone does not say which rule refused."""
    text = getattr(value, "text", None)
    status = getattr(value, "status_code", None)
    if status is not None and isinstance(text, str):
        return f"{status} {text[:500]}"
    return repr(value)
