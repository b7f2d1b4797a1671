"""Backoff for up to 24 hours, and Standard Webhooks signatures (the specification's test vector)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest

from services.notifications.domain.retry import RETRY_WINDOW, next_attempt_at, retry_delay
from services.notifications.domain.signing import new_secret, sign, signed_headers, verify


@pytest.mark.parametrize(("failures", "pause"), [
    (1, timedelta(minutes=1)), (2, timedelta(minutes=2)), (3, timedelta(minutes=4)),
    (8, timedelta(minutes=128)), (9, timedelta(hours=4)), (30, timedelta(hours=4)),
])
def test_pauses_double_up_to_four_hours(failures: int, pause: timedelta) -> None:
    assert retry_delay(failures) == pause


def test_an_endpoint_that_never_answers_is_tried_for_24_hours_then_given_up() -> None:
    first = datetime(2025, 4, 17, 8, tzinfo=UTC)
    attempts = [first]
    while True:
        following = next_attempt_at(first, len(attempts), attempts[-1])
        if following is None:
            break
        assert following > attempts[-1]
        attempts.append(following)
    assert attempts[-1] == first + RETRY_WINDOW
    assert 10 <= len(attempts) <= 16
    gaps = [b - a for a, b in pairwise(attempts)]
    assert gaps[:3] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]


def test_a_late_failure_still_gets_the_last_try_at_24_hours() -> None:
    first = datetime(2025, 4, 17, 8, tzinfo=UTC)
    failed = first + timedelta(hours=23, minutes=59)
    assert next_attempt_at(first, 12, failed) == first + RETRY_WINDOW
    assert next_attempt_at(first, 13, first + RETRY_WINDOW) is None


def test_signature_matches_the_standard_webhooks_test_vector() -> None:
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    assert sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body) == \
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_verification_refuses_tampering_other_secrets_and_stale_timestamps() -> None:
    secret = new_secret()
    body = b'{"type":"request.distributed"}'
    headers = signed_headers(secret, "msg_1", 1_700_000_000, body)
    assert verify(secret, headers, body, now=1_700_000_010)
    assert not verify(secret, headers, body + b" ", now=1_700_000_010)
    assert not verify(new_secret(), headers, body, now=1_700_000_010)
    assert not verify(secret, headers, body, now=1_700_000_000 + 301)
    assert not verify(secret, {**headers, "webhook-id": "msg_2"}, body, now=1_700_000_010)


def test_new_secrets_are_random_and_standard_shaped() -> None:
    first, second = new_secret(), new_secret()
    assert first != second and first.startswith("whsec_") and len(first) > 40
