"""Webhook signatures: the example receiver (examples/webhook_receiver.py, standard library only)
accepts a real delivery of the notifications service, and refuses a wrong secret, an old or future
timestamp (the replay window), a changed body and missing headers; a repeat is not handled twice."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from contracts.builder import envelope_for
from contracts.envelope import encode
from contracts.events.matching import Recipient, RequestDistributed
from examples.webhook_receiver import TOLERANCE_SECONDS, Receiver
from infra.demo.data import DESK_LEUVEN, LOCATIONS, PROVIDER_LEUVEN, PROVIDERS
from infra.local.processes import free_port
from infra.local.stack import LocalStack
from services.notifications.domain.signing import new_secret, signed_headers, verify
from tests.abuse.principals import password_token
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]


class Clock:
    """The receiver's clock, moved by the test to replay a delivery later."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, str, Clock, list[Any]]]:
    handled: list[Any] = []
    clock = Clock()
    hooks = Receiver(new_secret(), lambda msg_id, event: handled.append((msg_id, event)), clock=clock)
    server = hooks.server("127.0.0.1", free_port())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield hooks, f"http://127.0.0.1:{server.server_address[1]}", clock, handled
    server.shutdown()
    server.server_close()


async def test_signed_deliveries_are_checked_by_an_independent_receiver(
    receiver: tuple[Receiver, str, Clock, list[Any]], http: httpx.AsyncClient,
) -> None:
    hooks, url, _, handled = receiver
    body, msg_id, now = b'{"type":"new_request","request_id":"r-1"}', f"msg_{uuid.uuid4().hex}", int(time.time())

    async def send(headers: dict[str, str], content: bytes = body) -> int:
        return (await http.post(f"{url}/opvangloket", content=content, headers=headers)).status_code

    right = signed_headers(hooks.secret, msg_id, now, body)
    cases = {
        "wrong secret": (signed_headers(new_secret(), msg_id, now, body), body),
        "old timestamp": (signed_headers(hooks.secret, msg_id, now - TOLERANCE_SECONDS - 60, body), body),
        "future timestamp": (signed_headers(hooks.secret, msg_id, now + TOLERANCE_SECONDS + 60, body), body),
        "changed body": (right, body.replace(b"r-1", b"r-2")),
        "no signature": ({k: v for k, v in right.items() if k != "webhook-signature"}, body),
        "no timestamp": ({k: v for k, v in right.items() if k != "webhook-timestamp"}, body),
    }
    for name, (headers, content) in cases.items():
        assert await send(headers, content) == 401, name
        assert not verify(hooks.secret, headers, content, now=now), f"the service's own check agrees: {name}"
    assert await send(right) == 200
    assert await send(right) == 200, "a retried delivery is acknowledged"
    assert handled == [(msg_id, {"type": "new_request", "request_id": "r-1"})], "and handled once"


@pytest.fixture
async def leuven_webhook(
    system: LocalStack, receiver: tuple[Receiver, str, Clock, list[Any]]
) -> AsyncIterator[dict[str, str]]:
    """Stad Leuven's software listens on the example receiver; its demo settings come back after."""
    hooks, url, _, _ = receiver
    api = system.url("notifications")
    async with httpx.AsyncClient(timeout=10) as http:
        provider = await password_token(http, system, "leuven.kdv")
        answer = await http.put(f"{api}/api/v1/provider/preferences", headers=provider,
                                json={"mode": "immediate", "channels": ["webhook", "pull"]})
        assert answer.status_code == 200, answer.text
        made = await http.post(f"{api}/api/v1/provider/webhooks", headers=provider,
                               json={"url": f"{url}/opvangloket"})
        assert made.status_code == 201, made.text
        hooks.secret = made.json()["secret"]
        yield provider
        await http.delete(f"{api}/api/v1/provider/webhooks/{made.json()['subscription_id']}", headers=provider)
        demo = next(p for p in PROVIDERS if p.provider_id == PROVIDER_LEUVEN)
        await http.put(f"{api}/api/v1/provider/preferences", headers=provider, json={
            "mode": "immediate", "digest_hour": 8, "channels": ["email", "pull"], "email": demo.email,
            "language": "nl"})


async def test_a_real_delivery_verifies_and_cannot_be_replayed_or_altered(
    system: LocalStack, http: httpx.AsyncClient, receiver: tuple[Receiver, str, Clock, list[Any]],
    leuven_webhook: dict[str, str],
) -> None:
    hooks, url, clock, handled = receiver
    request_id = str(uuid.uuid4())
    await _distribute_to_leuven(system, request_id)
    await eventually(lambda: _handled(handled, request_id), what="the signed delivery reached the receiver")
    headers, body, status = next(entry for entry in hooks.log if request_id.encode() in entry[1])
    assert status == 200 and headers["webhook-signature"].startswith("v1,")

    async def replay(content: bytes = body, changes: dict[str, str] | None = None) -> int:
        sent = {k: v for k, v in headers.items() if k.startswith("webhook-") or k == "content-type"}
        return (await http.post(f"{url}/opvangloket", content=content,
                                headers={**sent, **(changes or {})})).status_code

    assert await replay(body.replace(request_id.encode(), str(uuid.uuid4()).encode())) == 401, "changed body"
    later = str(int(headers["webhook-timestamp"]) + 1)
    assert await replay(changes={"webhook-timestamp": later}) == 401, "another timestamp, same signature"
    assert await replay() == 200 and len(await _handled(handled, request_id)) == 1, "a repeat is not handled twice"
    clock.offset = TOLERANCE_SECONDS + 60  # the same captured delivery, replayed six minutes later
    assert await replay() == 401, "replay after the tolerance window"
    secret, hooks.secret = hooks.secret, new_secret()
    clock.offset = 0
    assert await replay() == 401, "a receiver with another secret refuses it"
    hooks.secret = secret


async def _handled(handled: list[Any], request_id: str) -> list[Any]:
    return [entry for entry in handled if request_id in str(entry[1])]


async def _distribute_to_leuven(system: LocalStack, request_id: str) -> None:
    """Matching's RequestDistributed, as matching would publish it, to Stad Leuven's locations."""
    now = datetime.now(UTC)
    locations = [loc.location_id for loc in LOCATIONS if loc.provider_id == PROVIDER_LEUVEN]
    event = RequestDistributed(
        request_id=request_id, desk_id=DESK_LEUVEN, mode="all_fitting", distribution_round=1, distributed_at=now,
        recipients=tuple(Recipient(location_id=loc, provider_id=PROVIDER_LEUVEN) for loc in locations))
    key, value, headers = encode(envelope_for(event, occurred_at=now, correlation_id="abuse-webhook"))
    producer = AIOKafkaProducer(bootstrap_servers=system.bootstrap_servers)
    await producer.start()
    try:
        await producer.send_and_wait(event.topic, value=value, key=key,
                                     headers=[(k, v.encode()) for k, v in headers.items()])
    finally:
        await producer.stop()
