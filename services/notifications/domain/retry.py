"""When to try a failed delivery again: exponential backoff for up to 24 hours, then dead.

Why: a provider's webhook endpoint or a mail relay may be down for a night; trying again with
growing pauses reaches it when it is back without hammering it, and after a day the desk must
know (the delivery is dead-lettered and shown to the provider and on the desk's worklist) rather
than believe the provider was told.

Schedule after the n-th failed attempt: 1, 2, 4, 8, ... minutes, at most 4 hours between tries,
and one last try exactly 24 hours after the first one.
"""

from __future__ import annotations

from datetime import datetime, timedelta

FIRST_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=4)
RETRY_WINDOW = timedelta(hours=24)


def retry_delay(failed_attempts: int) -> timedelta:
    """Pause after the *failed_attempts*-th failure (1-based)."""
    exponent = min(max(failed_attempts - 1, 0), 20)
    return min(FIRST_DELAY * (2**exponent), MAX_DELAY)


def next_attempt_at(first_attempt_at: datetime, failed_attempts: int, failed_at: datetime) -> datetime | None:
    """The moment of the next try, or None when the 24-hour window is used up (dead-letter it)."""
    window_end = first_attempt_at + RETRY_WINDOW
    candidate = failed_at + retry_delay(failed_attempts)
    if candidate <= window_end:
        return candidate
    return window_end if failed_at < window_end else None
