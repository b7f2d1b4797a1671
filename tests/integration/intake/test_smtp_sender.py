"""Intake's SMTP sender against a real SMTP server: many mails over one connection, a refused
recipient fails only its own mail, a connection the server dropped is opened again, a server that is
down gives every mail an error (so the mail worker retries them later)."""

from __future__ import annotations

from aiosmtpd.controller import Controller

from infra.local.processes import free_port
from services.intake.adapters.smtp import Outgoing, SmtpSender
from tests.support.smtp_inbox import Inbox


def mail(to: str) -> Outgoing:
    return Outgoing(to, "Je opvangvraag", "Dag,\n\nhttp://portal/ouders/link/x\n")


def test_many_mails_over_one_connection_and_a_refusal_fails_only_its_own(smtp_inbox: tuple[Controller, Inbox]) -> None:
    controller, inbox = smtp_inbox
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


def test_a_dropped_connection_is_opened_again(smtp_inbox: tuple[Controller, Inbox]) -> None:
    controller, inbox = smtp_inbox
    sender = SmtpSender("127.0.0.1", controller.port, "loket@example.org")
    try:
        assert sender.send_all([mail("a@example.org")]) == [""]
        assert sender.connection.smtp is not None  # the kept connection
        sender.connection.smtp.sock.close()  # type: ignore[union-attr]  # the relay hung up meanwhile
        assert sender.send_all([mail("b@example.org")]) == [""]
    finally:
        sender.close()
    assert inbox.received == [("a@example.org",), ("b@example.org",)]


def test_a_server_that_is_down_fails_every_mail() -> None:
    sender = SmtpSender("127.0.0.1", free_port(), "loket@example.org")
    errors = sender.send_all([mail("a@example.org"), mail("b@example.org")])
    assert all(errors) and len(errors) == 2
