"""Outgoing mail over real SMTP (the local sink in development, a relay in production).

The Message-ID is derived from the delivery id: if a crash ever makes us send the same delivery
again, mail systems and readers see the same message, not a new one.
"""

from __future__ import annotations

import asyncio
import smtplib
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from email.utils import format_datetime

from services.runtime.smtp_connection import SmtpPool, plain_message


@dataclass(frozen=True)
class SendResult:
    ok: bool
    detail: str = ""
    permanent: bool = False


class Mailer:
    """Sends over a few kept connections (services/runtime/smtp_connection.py): the dispatcher sends
    a chunk of mails at once, and a connection per mail cost this service and the relay a handshake,
    EHLO and QUIT each time."""

    def __init__(self, host: str, port: int, sender: str, *, timeout: float = 15, connections: int = 4) -> None:
        self.sender = sender
        self.pool = SmtpPool(host, port, size=connections, timeout=timeout)

    def build(self, *, to: str, subject: str, body: str, message_id: str, sent_at: datetime,
              language: str) -> Message:
        message = plain_message(self.sender, to, subject, body)
        message["Date"] = format_datetime(sent_at)
        message["Message-ID"] = f"<{message_id}@notifications.opvangloket>"
        message["Content-Language"] = language
        message["Auto-Submitted"] = "auto-generated"
        return message

    async def send(self, message: Message) -> SendResult:
        try:
            await asyncio.to_thread(self.pool.send, message)
        except smtplib.SMTPRecipientsRefused as exc:
            return SendResult(False, f"recipient refused: {list(exc.recipients.values())!r}"[:300], permanent=True)
        except smtplib.SMTPResponseException as exc:
            return SendResult(False, f"SMTP {exc.smtp_code}", permanent=500 <= exc.smtp_code < 600)
        except (OSError, smtplib.SMTPException) as exc:
            return SendResult(False, f"SMTP unreachable: {exc!r}"[:300])
        return SendResult(True, "SMTP 250 accepted")
