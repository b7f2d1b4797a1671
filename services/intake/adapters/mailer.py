"""Sends queued mails over real SMTP, after the commit that queued them, with retries.

Rows are claimed with a lease (several replicas may run), the personal link is made just before
sending, and a failure is retried with backoff: a registration never fails because mail is down.
A round claims up to 20 due mails in one statement, reads them and their families in two, sends
them over one kept SMTP connection, and marks the sent ones in one statement.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import or_, update
from sqlmodel import col, select

from services.intake.adapters.links import LinkIssuer
from services.intake.adapters.mail_texts import compose
from services.intake.adapters.smtp import Outgoing, SmtpSender
from services.intake.adapters.tables import CareRequest, Desk, MailOutbox
from services.intake.handlers.mails import families_of
from services.runtime.logs import get_logger
from services.runtime.service import ServiceRuntime

log = get_logger(__name__)
LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 12
ROUND = 20


@dataclass(frozen=True)
class Due:
    """A claimed mail with what its link and text need."""

    mail: MailOutbox
    subject: str
    request_ids: list[str]
    desk_name: str


class MailWorker:
    def __init__(self, runtime: ServiceRuntime, links: LinkIssuer, *, poll_seconds: float = 1.0) -> None:
        self.runtime = runtime
        self.links = links
        self.poll_seconds = poll_seconds
        self.sent_total = 0
        settings = runtime.settings
        self.smtp = SmtpSender(settings.smtp_host, settings.smtp_port, settings.mail_from)
        self._wake = asyncio.Event()
        self._stopped = False

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopped = True
        self._wake.set()

    async def run(self) -> None:
        try:
            while not self._stopped:
                try:
                    await self.drain_once()
                except Exception as exc:  # the database may be restarting: try again on the next round
                    log.warning("mail round failed", error=repr(exc))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
                self._wake.clear()
        finally:
            await asyncio.to_thread(self.smtp.close)

    async def _claim(self) -> list[int]:
        """Lease the due mails in one statement (the lease is checked again in the UPDATE itself, so two
        replicas that picked the same rows cannot both get them)."""
        now = self.runtime.clock.now()
        free = or_(col(MailOutbox.lease_until).is_(None), col(MailOutbox.lease_until) < now)
        due = (select(MailOutbox.id).where(MailOutbox.status == "pending", col(MailOutbox.next_attempt_at) <= now, free)
               .order_by(col(MailOutbox.id)).limit(ROUND))
        async with self.runtime.uow() as uow:
            result = await uow.session.execute(
                update(MailOutbox).where(col(MailOutbox.id).in_(due.scalar_subquery()), free)
                .values(lease_until=now + LEASE).returning(col(MailOutbox.id)))
            return sorted(int(mail_id) for mail_id in result.scalars().all())

    async def _load(self, ids: list[int]) -> list[Due]:
        async with self.runtime.db.session(readonly=True) as session:
            rows = (await session.exec(
                select(MailOutbox, CareRequest, Desk.name)
                .join(CareRequest, col(CareRequest.request_id) == col(MailOutbox.request_id))
                .outerjoin(Desk, col(Desk.desk_id) == col(CareRequest.desk_id))
                .where(col(MailOutbox.id).in_(ids)).order_by(col(MailOutbox.id)))).all()
            families = await families_of(session, [request for _, request, _ in rows])
        return [Due(mail, request.parent_subject, families[request.request_id], name or "")
                for mail, request, name in rows]

    async def drain_once(self) -> int:
        ids = await self._claim()
        if not ids:
            return 0
        due = await self._load(ids)
        errors: dict[int, str] = {}
        outgoing: list[tuple[int, Outgoing]] = []
        for item in due:  # network outside any transaction: the database stays free meanwhile
            mail_id = int(item.mail.id or 0)
            try:
                token = await self.links.token(item.subject, item.request_ids, item.mail.language)
            except Exception as exc:
                errors[mail_id] = repr(exc)[:500]
                continue
            subject, body = compose(item.mail.kind, item.mail.language, self.links.url(token), item.desk_name)
            outgoing.append((mail_id, Outgoing(item.mail.to_address, subject, body)))
        if outgoing:
            sent = await asyncio.to_thread(self.smtp.send_all, [mail for _, mail in outgoing])
            errors.update({mail_id: error for (mail_id, _), error in zip(outgoing, sent, strict=True) if error})
        return await self._record(due, errors)

    async def _record(self, due: list[Due], errors: dict[int, str]) -> int:
        """Sent mails in one statement (the address stays in familydata only); failures one by one."""
        now = self.runtime.clock.now()
        sent = [int(item.mail.id or 0) for item in due if int(item.mail.id or 0) not in errors]
        async with self.runtime.uow() as uow:
            if sent:
                await uow.session.execute(
                    update(MailOutbox).where(col(MailOutbox.id).in_(sent))
                    .values(status="sent", sent_at=now, to_address="", lease_until=None))
            for mail_id, error in errors.items():
                row = await uow.session.get(MailOutbox, mail_id)
                if row is None:
                    continue
                row.lease_until = None
                row.attempts += 1
                row.last_error = error
                row.next_attempt_at = now + timedelta(seconds=min(2 ** row.attempts, 3600))
                row.status = "failed" if row.attempts >= MAX_ATTEMPTS else "pending"
                uow.session.add(row)
                log.warning("mail not sent", mail_id=mail_id, kind=row.kind, attempts=row.attempts, error=error)
        self.sent_total += len(sent)
        for item in due:
            if int(item.mail.id or 0) not in errors:
                log.info("mail sent", mail_id=item.mail.id, kind=item.mail.kind, request_id=item.mail.request_id)
        return len(sent)
