"""Real SMTP over connections kept open between mails, for every service that sends mail.

A connection per mail costs the sender and the relay a TCP handshake, EHLO and QUIT each time; a
relay accepts many messages on one connection. A kept connection that broke is dropped and opened
again once; an idle one is closed after ``idle_seconds``. A refusal (a recipient, a message) fails
that mail only and keeps the connection. Blocking: call from a worker thread.
"""

from __future__ import annotations

import queue
import smtplib
import threading
import time
from email.charset import QP, Charset
from email.header import Header
from email.message import EmailMessage, Message
from email.utils import formataddr, parseaddr

_UTF8_QP = Charset("utf-8")
_UTF8_QP.body_encoding = QP  # readable as it travels, unlike base64


def plain_message(sender: str, to: str, subject: str, body: str) -> Message:
    """A plain-text mail; callers add the headers of their own (Message-ID, Date, ...).

    Built as a classic (compat32) message: the modern ``EmailMessage`` parses every header it is
    given again, about 1 ms of CPU per mail, a tenth of that here. Non-ASCII names and subjects are
    encoded words, a non-ASCII body quoted-printable. Addresses that are not ASCII themselves need
    SMTPUTF8, which only the modern message sends.
    """
    if not (sender + to).isascii() and not (parseaddr(sender)[1] + parseaddr(to)[1]).isascii():
        return _international_message(sender, to, subject, body)
    message = Message()
    message["From"] = _address(sender)
    message["To"] = _address(to)
    message["Subject"] = subject if subject.isascii() else Header(subject, "utf-8", header_name="Subject").encode()
    message["MIME-Version"] = "1.0"
    message.set_payload(body, "us-ascii" if body.isascii() else _UTF8_QP)
    return message


def _address(value: str) -> str:
    """An ASCII address goes as it is; a name in another script as an encoded word."""
    return value if value.isascii() else formataddr(parseaddr(value), charset="utf-8")


def _international_message(sender: str, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    return message


class KeptSmtpConnection:
    """One connection, one mail at a time; raises what smtplib raises for the mail's last attempt."""

    def __init__(self, host: str, port: int, *, timeout: float = 10.0, idle_seconds: float = 20.0) -> None:
        self.host, self.port = host, port
        self.timeout, self.idle_seconds = timeout, idle_seconds
        self.smtp: smtplib.SMTP | None = None
        self._used_at = 0.0
        self._lock = threading.Lock()

    def send(self, message: Message) -> None:
        with self._lock:
            for attempt in (1, 2):  # a kept connection may have been closed by the relay meanwhile
                try:
                    self._connection().send_message(message)
                    self._used_at = time.monotonic()
                    return
                except smtplib.SMTPServerDisconnected:
                    self.close()
                    if attempt == 2:
                        raise
                except smtplib.SMTPException:  # refused by the relay: this mail only, the connection stays
                    self._reset()
                    raise
                except OSError:  # SMTPException is an OSError too: this clause must come after it
                    self.close()
                    if attempt == 2:
                        raise

    def _connection(self) -> smtplib.SMTP:
        if self.smtp is not None and time.monotonic() - self._used_at > self.idle_seconds:
            self.close()
        if self.smtp is None:
            self.smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        return self.smtp

    def _reset(self) -> None:
        try:
            if self.smtp is not None:
                self.smtp.rset()
        except (smtplib.SMTPException, OSError):
            self.close()

    def close(self) -> None:
        smtp, self.smtp = self.smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()


class SmtpPool:
    """A few kept connections, so that mails sent from several threads at once do not wait in line
    behind one slow relay, nor open a connection each."""

    def __init__(self, host: str, port: int, *, size: int = 4, timeout: float = 10.0,
                 idle_seconds: float = 20.0) -> None:
        self.connections = [KeptSmtpConnection(host, port, timeout=timeout, idle_seconds=idle_seconds)
                            for _ in range(size)]
        self._free: queue.LifoQueue[KeptSmtpConnection] = queue.LifoQueue()
        for connection in self.connections:  # the most recently used first: the others may idle out
            self._free.put(connection)

    def send(self, message: Message) -> None:
        connection = self._free.get()
        try:
            connection.send(message)
        finally:
            self._free.put(connection)

    def close(self) -> None:
        for connection in self.connections:
            connection.close()
