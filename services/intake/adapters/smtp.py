"""Intake's mail over real SMTP, one connection kept open between rounds of mail
(services/runtime/smtp_connection.py). Blocking: run it in a worker thread."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass

from services.runtime.smtp_connection import KeptSmtpConnection, plain_message


@dataclass(frozen=True)
class Outgoing:
    to: str
    subject: str
    body: str


class SmtpSender:
    """Intake's mail worker sends its rounds in one thread: one kept connection is enough."""

    def __init__(self, host: str, port: int, sender: str, *, idle_seconds: float = 20.0) -> None:
        self.sender = sender
        self.connection = KeptSmtpConnection(host, port, idle_seconds=idle_seconds)

    def send_all(self, mails: list[Outgoing]) -> list[str]:
        """Send each mail; the error of each ('' when the relay accepted it)."""
        return [self._send(mail) for mail in mails]

    def _send(self, mail: Outgoing) -> str:
        try:
            self.connection.send(plain_message(self.sender, mail.to, mail.subject, mail.body))
        except (smtplib.SMTPException, OSError) as exc:
            return repr(exc)[:500]
        return ""

    def close(self) -> None:
        self.connection.close()
