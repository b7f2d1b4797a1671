"""Notifications' mailer against a real SMTP server: a chunk of mails sent at once goes over the
pool's few kept connections (not one each), a refused recipient is a permanent failure of that mail
only, and a server that is down is a failure to retry later."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.message import Message

from aiosmtpd.controller import Controller

from infra.local.processes import free_port
from services.notifications.adapters.mailer import Mailer
from tests.support.smtp_inbox import Inbox


def message(mailer: Mailer, to: str, index: int) -> Message:
    return mailer.build(to=to, subject="Nieuwe opvangvraag", body="Dag,\n", message_id=f"delivery-{index}",
                        sent_at=datetime(2026, 12, 7, 9, tzinfo=UTC), language="nl")


async def test_a_chunk_goes_over_the_kept_connections_and_a_refusal_is_permanent(
    smtp_inbox: tuple[Controller, Inbox],
) -> None:
    controller, inbox = smtp_inbox
    mailer = Mailer("127.0.0.1", controller.port, "meldingen@example.org", connections=3)
    try:
        addresses = [f"provider-{index}@example.org" for index in range(12)] + ["refused@example.org"]
        results = await asyncio.gather(*(mailer.send(message(mailer, to, index))
                                         for index, to in enumerate(addresses)))
        again = await mailer.send(message(mailer, "later@example.org", 99))
    finally:
        mailer.pool.close()
    assert all(result.ok for result in results[:12]) and again.ok
    refused = results[12]
    assert not refused.ok and refused.permanent and "recipient refused" in refused.detail
    assert sorted(to for (to,) in inbox.received) == sorted([*addresses[:12], "later@example.org"])
    assert 1 <= len(inbox.sessions) <= 3, "at most one SMTP session per kept connection"


async def test_a_server_that_is_down_is_a_failure_to_retry() -> None:
    mailer = Mailer("127.0.0.1", free_port(), "meldingen@example.org", timeout=2)
    result = await mailer.send(message(mailer, "provider@example.org", 1))
    assert not result.ok and not result.permanent and "SMTP unreachable" in result.detail
