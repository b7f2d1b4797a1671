"""How fast the dispatcher sends planned messages, against raw sends in the same run.

``python -m bench.notifications_dispatch [count]``: plans *count* provider e-mails and *count*
webhooks in a fresh SQLite database, lets the dispatcher send them (Redis lock, database lease,
send, log row, ProviderNotified in the outbox - everything it does in production), and sends the
same number of messages with a bare SMTP client and a bare HTTP client. Prints both rates and their
ratio: the cost of exactly-once bookkeeping per message. Real redis-server, aiosmtpd and uvicorn.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
from aiosmtpd.controller import Controller
from fastapi import FastAPI, Response

from infra.local.processes import ManagedProcess, free_port, port_open
from infra.local.serving import serving
from infra.local.stack import redis_binary
from services.notifications.adapters.mailer import Mailer
from services.notifications.adapters.provider_tables import ProviderPreferences, WebhookSubscription
from services.notifications.adapters.tables import metadata
from services.notifications.bootstrap import build_app
from services.notifications.domain.signing import new_secret
from services.notifications.planning import plan_provider_message
from services.runtime.migrations import upgrade_to_head
from services.runtime.settings import load_settings


class Counter:
    """aiosmtpd handler that only counts what it accepted."""

    def __init__(self) -> None:
        self.accepted = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802
        self.accepted += 1
        return "250 OK"


async def plan(runtime: object, count: int, hook_url: str) -> None:
    uow = runtime.uow  # type: ignore[attr-defined]
    now = datetime.now(UTC)
    async with uow() as unit:
        unit.session.add(ProviderPreferences(provider_id="bench", channels="email webhook", email="bench@example.org",
                                             updated_at=now))
        unit.session.add(WebhookSubscription(subscription_id="bench-hook", provider_id="bench", url=hook_url,
                                             secret=new_secret(), created_at=now))
        await unit.session.flush()
        for _ in range(count):
            await plan_provider_message(
                unit.session, provider_id="bench", desk_id="desk", request_id=str(uuid.uuid4()),
                location_ids=["loc"], kind="new_request", ref="round1", details={"due_date": "2026-01-02"},
                source_time=now, now=now, desk_mode="immediate")


async def main(count: int) -> None:
    var = Path(tempfile.mkdtemp(prefix="bench-notifications-"))
    redis_port = free_port()
    redis = ManagedProcess("redis", [redis_binary(), "--port", str(redis_port), "--save", "", "--appendonly", "no"],
                           var / "redis.log", ready=lambda: port_open(redis_port))
    redis.start()
    box, smtp_port = Counter(), free_port()
    controller = Controller(box, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    receiver = FastAPI()

    @receiver.post("/hook")
    async def hook() -> Response:
        return Response(status_code=204)

    try:
        async with serving(receiver) as hook_base:
            settings = load_settings("notifications", env="test", database_url=f"sqlite+aiosqlite:///{var}/n.db",
                                     redis_url=f"redis://127.0.0.1:{redis_port}/0", smtp_port=smtp_port,
                                     service_urls={"offer": "http://127.0.0.1:9", "portal": "http://portal"})
            app = build_app(settings, run_scheduler=False)
            runtime = app.state.runtime
            await upgrade_to_head(runtime.db, "notifications", metadata)
            await plan(runtime, count, f"{hook_base}/hook")
            started = time.perf_counter()
            while await app.state.dispatcher.dispatch_due():
                pass
            dispatched = time.perf_counter() - started
            assert box.accepted == count, box.accepted

            mailer = Mailer("127.0.0.1", smtp_port, settings.mail_from)
            started = time.perf_counter()
            for index in range(count):
                await mailer.send(mailer.build(to="raw@example.org", subject="raw", body="raw", message_id=str(index),
                                               sent_at=datetime.now(UTC), language="nl"))
            async with httpx.AsyncClient() as http:
                for _ in range(count):
                    await http.post(f"{hook_base}/hook", content=b"{}")
            raw = time.perf_counter() - started
            await runtime.db.dispose()
    finally:
        controller.stop()
        redis.stop()
    total = 2 * count
    print(f"messages: {total} ({count} e-mails + {count} webhooks)")
    print(f"dispatcher (lock, lease, send, log, outbox event): {total / dispatched:8.1f} messages/s")
    print(f"raw SMTP + HTTP clients, same run:                 {total / raw:8.1f} messages/s")
    print(f"ratio dispatcher / raw: {raw / dispatched:.2f}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
