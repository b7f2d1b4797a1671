"""Sends queued mails over real SMTP, after the commit that queued them, with retries.

Rows are claimed with a lease (several replicas may run), the personal link is made just before
sending, and a failure is retried with backoff: a registration never fails because mail is down.
"""

from __future__ import annotations

import asyncio
import contextlib
import smtplib
from datetime import timedelta
from email.message import EmailMessage

from sqlalchemy import or_, update
from sqlmodel import col, select

from services.intake.adapters.links import LinkIssuer
from services.intake.adapters.mail_texts import compose
from services.intake.adapters.tables import CareRequest, Desk, MailOutbox
from services.intake.handlers.mails import family_request_ids
from services.runtime.logs import get_logger
from services.runtime.service import ServiceRuntime

log = get_logger(__name__)
LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 12


def send_smtp(host: str, port: int, sender: str, to: str, subject: str, body: str) -> None:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    with smtplib.SMTP(host, port, timeout=10) as smtp:
        smtp.send_message(message)


class MailWorker:
    def __init__(self, runtime: ServiceRuntime, links: LinkIssuer, *, poll_seconds: float = 1.0) -> None:
        self.runtime = runtime
        self.links = links
        self.poll_seconds = poll_seconds
        self.sent_total = 0
        self._wake = asyncio.Event()
        self._stopped = False

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopped = True
        self._wake.set()

    async def run(self) -> None:
        while not self._stopped:
            try:
                await self.drain_once()
            except Exception as exc:  # the database may be restarting: try again on the next round
                log.warning("mail round failed", error=repr(exc))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
            self._wake.clear()

    async def _claim(self) -> list[int]:
        now = self.runtime.clock.now()
        claimed = []
        async with self.runtime.uow() as uow:
            due = (await uow.session.exec(
                select(MailOutbox.id).where(MailOutbox.status == "pending", col(MailOutbox.next_attempt_at) <= now,
                                            or_(col(MailOutbox.lease_until).is_(None),
                                                col(MailOutbox.lease_until) < now))
                .order_by(col(MailOutbox.id)).limit(20))).all()
            for mail_id in due:
                result = await uow.session.execute(
                    update(MailOutbox).where(col(MailOutbox.id) == mail_id, or_(
                        col(MailOutbox.lease_until).is_(None), col(MailOutbox.lease_until) < now))
                    .values(lease_until=now + LEASE))
                if result.rowcount:  # type: ignore[attr-defined]
                    claimed.append(int(mail_id))  # type: ignore[arg-type]
        return claimed

    async def drain_once(self) -> int:
        sent = 0
        for mail_id in await self._claim():
            sent += await self._send_one(mail_id)
        return sent

    async def _send_one(self, mail_id: int) -> int:
        settings = self.runtime.settings
        async with self.runtime.db.session(readonly=True) as session:
            mail = await session.get(MailOutbox, mail_id)
            request = await session.get(CareRequest, mail.request_id) if mail else None
            if mail is None or request is None:
                return 0
            desk = await session.get(Desk, request.desk_id)
            ids = await family_request_ids(session, request)
        error = ""
        try:  # network outside any transaction: the database stays free meanwhile
            token = await self.links.token(request.parent_subject, ids, mail.language)
            subject, body = compose(mail.kind, mail.language, self.links.url(token), desk.name if desk else "")
            await asyncio.to_thread(send_smtp, settings.smtp_host, settings.smtp_port, settings.mail_from,
                                    mail.to_address, subject, body)
        except Exception as exc:
            error = repr(exc)[:500]
        async with self.runtime.uow() as uow:
            row = await uow.session.get(MailOutbox, mail_id)
            if row is None:
                return 0
            now = self.runtime.clock.now()
            row.lease_until = None
            if error:
                row.attempts += 1
                row.last_error = error
                row.next_attempt_at = now + timedelta(seconds=min(2 ** row.attempts, 3600))
                row.status = "failed" if row.attempts >= MAX_ATTEMPTS else "pending"
                log.warning("mail not sent", mail_id=mail_id, kind=row.kind, attempts=row.attempts, error=error)
            else:
                row.status = "sent"
                row.sent_at = now
                row.to_address = ""  # the address stays in familydata only
            uow.session.add(row)
        if error:
            return 0
        self.sent_total += 1
        log.info("mail sent", mail_id=mail_id, kind=mail.kind, request_id=mail.request_id)
        return 1
