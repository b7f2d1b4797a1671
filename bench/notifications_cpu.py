"""CPU that notifications spends per registration, in one process, without the rest of the stack.

``python -m bench.notifications_cpu [--registrations 300] [--batch 1]``: feeds the service's own
consumers a RequestRegistered and a RequestDistributed per registration (as records, through the
inbox), lets the dispatcher send the planned webhook (real redis-server for the send locks; the HTTP
post itself is replaced by an answer of 204, so only the bookkeeping is measured) and the relay
publish the ProviderNotified (a producer that only acknowledges). Prints the process CPU time per
registration: steadier than wall-clock figures on a shared machine. ``--batch`` registrations are
handed to the consumers at once, as under load.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from aiokafka.structs import ConsumerRecord

from bench.in_process import AckingProducer, event_record
from contracts.events.intake import RequestRegistered, RequestSnapshot
from contracts.events.matching import Recipient, RequestDistributed
from contracts.types import CareDay, CarePattern, CategoryFlags, Channel, PreferenceMode, Preferences, Weekday
from infra.demo.data import DESK_LEUVEN, LOCATIONS, PROVIDER_LEUVEN
from infra.local.processes import ManagedProcess, free_port, port_open
from infra.local.stack import redis_binary
from services.notifications.adapters.mailer import SendResult
from services.notifications.adapters.provider_tables import ProviderPreferences, WebhookSubscription
from services.notifications.adapters.tables import metadata
from services.notifications.bootstrap import build_app
from services.runtime.migrations import upgrade_to_head
from services.runtime.settings import load_settings

LEUVEN = [loc.location_id for loc in LOCATIONS if loc.provider_id == PROVIDER_LEUVEN]
PATTERN = CarePattern(days=(CareDay(weekday=Weekday.MON), CareDay(weekday=Weekday.TUE)))


class Answering:
    """Stands in for the webhook's HTTP POST: the receiver's cost is not notifications' cost."""

    def __init__(self) -> None:
        self.posts = 0

    async def post(self, url: str, secret: str, msg_id: str, timestamp: int, body: bytes) -> SendResult:
        self.posts += 1
        return SendResult(True, "HTTP 204")

    async def close(self) -> None:
        return None


def registration(offset: int, at: datetime) -> tuple[ConsumerRecord[bytes, bytes], ConsumerRecord[bytes, bytes]]:
    request_id = str(uuid.uuid4())
    registered = RequestRegistered(request=RequestSnapshot(
        request_id=request_id, desk_id=DESK_LEUVEN, family_ref=str(uuid.uuid4()), home_nis="24062",
        in_working_area=True, child_birth_date=date(2025, 1, 10), wanted_start_date=date(2025, 9, 1),
        original_wanted_start_date=date(2025, 9, 1), care_pattern=PATTERN,
        preferences=Preferences(mode=PreferenceMode.DISTANCE, max_distance_km=5), categories=CategoryFlags(),
        policy_version=1, registered_at=at, channel=Channel.ONLINE,
    ))
    distributed = RequestDistributed(
        request_id=request_id, desk_id=DESK_LEUVEN, mode="all_fitting", distribution_round=1, distributed_at=at,
        recipients=tuple(Recipient(location_id=loc, provider_id=PROVIDER_LEUVEN) for loc in LEUVEN),
    )
    return event_record(registered, offset, at), event_record(distributed, offset, at)


async def run(registrations: int, batch: int, redis_url: str, var: Path) -> None:
    settings = load_settings("notifications", env="test", database_url=f"sqlite+aiosqlite:///{var}/n.db",
                             redis_url=redis_url, service_urls={"offer": "http://127.0.0.1:9", "portal": "http://p"})
    app = build_app(settings, run_scheduler=False)
    runtime, dispatcher = app.state.runtime, app.state.dispatcher
    dispatcher.webhooks = answering = Answering()
    runtime._producer = AckingProducer()  # noqa: SLF001 - the relay's producer, acknowledging only
    await upgrade_to_head(runtime.db, "notifications", metadata)
    now = datetime.now(UTC)
    async with runtime.uow() as unit:
        unit.session.add(ProviderPreferences(provider_id=PROVIDER_LEUVEN, channels="webhook", updated_at=now))
        unit.session.add(WebhookSubscription(subscription_id="bench-hook", provider_id=PROVIDER_LEUVEN,
                                             url="http://receiver/hook", secret="whsec_" + "A" * 43, created_at=now))
    requests, matching = runtime.processors["notifications.requests"], runtime.processors["notifications.matching"]

    async def one_round(first: int) -> None:
        pairs = [registration(first + i, datetime.now(UTC)) for i in range(batch)]
        await requests.process_batch([p[0] for p in pairs])
        await matching.process_batch([p[1] for p in pairs])
        while await dispatcher.dispatch_due():
            pass
        while await runtime.relay.publish_pending():
            pass

    await one_round(0)  # warm-up: compiled statements, caches, the offer lookup that fails
    cpu, wall = time.process_time(), time.perf_counter()
    for first in range(batch, registrations + batch, batch):
        await one_round(first)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    done = answering.posts - batch
    assert done == registrations, (done, registrations)
    print(f"registrations: {registrations}, handed to the consumers {batch} at a time")
    print(f"CPU per registration (process time): {cpu * 1000 / registrations:6.2f} ms")
    print(f"wall per registration:               {wall * 1000 / registrations:6.2f} ms")
    await app.state.directory.close()
    await app.state.redis.aclose()
    await runtime.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=300)
    parser.add_argument("--batch", type=int, default=1)
    args = parser.parse_args()
    var = Path(tempfile.mkdtemp(prefix="bench-notifications-cpu-"))
    port = free_port()
    redis = ManagedProcess("redis", [redis_binary(), "--port", str(port), "--save", "", "--appendonly", "no"],
                           var / "redis.log", ready=lambda: port_open(port))
    redis.start()
    try:
        asyncio.run(run(args.registrations - args.registrations % args.batch, args.batch,
                        f"redis://127.0.0.1:{port}/0", var))
    finally:
        redis.stop()


if __name__ == "__main__":
    main()
