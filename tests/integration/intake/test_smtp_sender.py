"""Intake's SMTP sender against a real SMTP server: many mails over one connection, a refused
recipient fails only its own mail, a connection the server dropped is opened again, a server that is
down gives every mail an error (so the mail worker retries them later)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from infra.local.processes import free_port
from services.intake.adapters.smtp import Outgoing, SmtpSender


class Inbox:
    def __init__(self) -> None:
        self.received: list[tuple[str, ...]] = []
        self.sessions: set[int] = set()

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,  # noqa: N802 - aiosmtpd API
                          options: list[str]) -> str:
        if address.startswith("refused"):
            return "550 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd API
        self.sessions.add(id(session))
        self.received.append(tuple(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


@pytest.fixture
def server() -> Iterator[tuple[Controller, Inbox]]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


def mail(to: str) -> Outgoing:
    return Outgoing(to, "Je opvangvraag", "Dag,\n\nhttp://portal/ouders/link/x\n")


def test_many_mails_over_one_connection_and_a_refusal_fails_only_its_own(server: tuple[Controller, Inbox]) -> None:
    controller, inbox = server
    sender = SmtpSender("127.0.0.1", controller.port, "loket@example.org")
    try:
        errors = sender.send_all([mail("a@example.org"), mail("refused@example.org"), mail("b@example.org")])
        errors += sender.send_all([mail("c@example.org")])
    finally:
        sender.close()
    assert errors[0] == errors[2] == errors[3] == ""
    assert "550" in errors[1]
    assert inbox.received == [("a@example.org",), ("b@example.org",), ("c@example.org",)]
    assert len(inbox.sessions) == 1


def test_a_dropped_connection_is_opened_again(server: tuple[Controller, Inbox]) -> None:
    controller, inbox = server
    sender = SmtpSender("127.0.0.1", controller.port, "loket@example.org")
    try:
        assert sender.send_all([mail("a@example.org")]) == [""]
        assert sender._smtp is not None  # noqa: SLF001 - the kept connection
        sender._smtp.sock.close()  # type: ignore[union-attr]  # noqa: SLF001 - the relay hung up meanwhile
        assert sender.send_all([mail("b@example.org")]) == [""]
    finally:
        sender.close()
    assert inbox.received == [("a@example.org",), ("b@example.org",)]


def test_a_server_that_is_down_fails_every_mail() -> None:
    sender = SmtpSender("127.0.0.1", free_port(), "loket@example.org")
    errors = sender.send_all([mail("a@example.org"), mail("b@example.org")])
    assert all(errors) and len(errors) == 2
