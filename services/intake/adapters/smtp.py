"""Real SMTP, over one connection kept open between rounds of mail.

A connection per mail cost intake (and the relay) a TCP handshake, EHLO and QUIT each time; a relay
accepts many messages on one connection. A connection that broke is dropped and opened again once;
an idle one is closed after ``idle_seconds``. Blocking: run it in a worker thread.
"""

from __future__ import annotations

import smtplib
import threading
import time
from dataclasses import dataclass
from email.message import EmailMessage


@dataclass(frozen=True)
class Outgoing:
    to: str
    subject: str
    body: str


def message_of(sender: str, mail: Outgoing) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message.set_content(mail.body)
    return message


class SmtpSender:
    def __init__(self, host: str, port: int, sender: str, *, idle_seconds: float = 20.0) -> None:
        self.host, self.port, self.sender = host, port, sender
        self.idle_seconds = idle_seconds
        self._smtp: smtplib.SMTP | None = None
        self._used_at = 0.0
        self._lock = threading.Lock()

    def send_all(self, mails: list[Outgoing]) -> list[str]:
        """Send each mail; the error of each ('' when the relay accepted it)."""
        with self._lock:
            return [self._send(mail) for mail in mails]

    def _send(self, mail: Outgoing) -> str:
        message = message_of(self.sender, mail)
        error = ""
        for _ in (1, 2):  # a kept connection may have been closed by the relay meanwhile: open it once more
            try:
                self._connection().send_message(message)
                self._used_at = time.monotonic()
                return ""
            except smtplib.SMTPServerDisconnected as exc:
                error = repr(exc)[:500]
            except smtplib.SMTPException as exc:  # refused by the relay: this mail only, the connection stays
                self._reset()
                return repr(exc)[:500]
            except OSError as exc:  # SMTPException is an OSError too: this clause must come after it
                error = repr(exc)[:500]
            self.close()
        return error

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is not None and time.monotonic() - self._used_at > self.idle_seconds:
            self.close()
        if self._smtp is None:
            self._smtp = smtplib.SMTP(self.host, self.port, timeout=10)
        return self._smtp

    def _reset(self) -> None:
        try:
            if self._smtp is not None:
                self._smtp.rset()
        except (smtplib.SMTPException, OSError):
            self.close()

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()
