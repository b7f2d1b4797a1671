"""MunicipalityStats on the compacted topic: keyed by municipality and month, small counts
suppressed, nothing re-emitted when nothing changed, the same records after a rebuild, and the
example hub subscriber prints a hub's view with its own consumer group."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import subprocess
import sys
import uuid
from typing import Any

from contracts.events.intake import RequestRegistered
from contracts.events.reporting import MUNICIPALITY_STATS_TOPIC
from contracts.registry import parse_event
from services.reporting.config import ReportingConfig
from services.reporting.rebuild import Rebuilder
from services.reporting.stats_publisher import StatsPublisher
from services.runtime.service import ServiceRuntime
from services.runtime.settings import ROOT
from tests.integration.reporting.publishing import produce
from tests.integration.reporting.scenario import REGISTRATIONS, envelopes, follow_ups, policy, when
from tests.support.bus import read_all
from tests.support.waiting import eventually


async def publish_all(publisher: StatsPublisher) -> int:
    emitted = 0
    while True:
        handled, round_emitted = await publisher.run_once()
        emitted += round_emitted
        if not handled:
            return emitted


async def latest_per_key(broker: str) -> dict[str, dict[str, Any]]:
    latest: dict[str, dict[str, Any]] = {}
    for record in await read_all(broker, MUNICIPALITY_STATS_TOPIC, partitions=3):
        event = parse_event(record.value, record.topic)
        assert record.key.decode() == event.subject == f"{event.data.nis_code}:{event.data.month}"
        assert event.time == event.data.computed_at, "event time is the latest fact counted"
        latest[event.subject] = json.loads(event.data.model_dump_json())
    return latest


async def test_hub_stream(broker: str, reporting: ServiceRuntime) -> None:
    desk = str(uuid.uuid4())
    registrations = [dataclasses.replace(r, request_id=str(uuid.uuid4())) for r in REGISTRATIONS]
    ids = {r.key: r.request_id for r in registrations}
    events = envelopes([(policy(desk), when("2024-12-01")),
                        *[(RequestRegistered(request=r.snapshot(desk)), when(r.registered)) for r in registrations],
                        *follow_ups(desk, ids)])
    await produce(broker, events)
    publisher = StatsPublisher(reporting, ReportingConfig(suppression_threshold=5))

    async def stored() -> int:
        return reporting.processors["reporting.projection"].stats.applied

    await eventually(stored, until=lambda n: n == len(events), what="all events applied")
    assert await publish_all(publisher) > 0
    await eventually(lambda: reporting.relay.pending_count(), until=lambda n: n == 0, what="stats published")
    view = await latest_per_key(broker)
    gent, destelbergen = view["44021:2025-01"], view["44013:2025-01"]
    assert gent["requests_registered"] == 5, "r1, r2, r8, r9, r10 (the merged duplicate r5 not)"
    assert destelbergen["requests_registered"] is None, "2 families: suppressed"
    assert gent["suppression_threshold"] == 5
    assert sorted(k for k in view if k.startswith("44021:"))[-1] == "44021:2026-03", "up to the latest fact"
    assert await publish_all(publisher) == 0, "nothing changed, nothing emitted"

    output = await asyncio.to_thread(
        subprocess.run, [sys.executable, "examples/hub_subscriber.py", "--bootstrap", broker, "--group",
                         "hub.test", "--nis", "44021", "44013", "--once"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )
    lines = output.stdout.splitlines()
    assert any(line.startswith("Gent") and "2025-01" in line and " 5" in line for line in lines), output.stdout
    assert any(line.startswith("Destelbergen") and "<5" in line for line in lines), output.stdout

    await Rebuilder(settings=reporting.settings, uow=reporting.uow).run()
    assert await publish_all(publisher) > 0, "a rebuild publishes every month again"
    await eventually(lambda: reporting.relay.pending_count(), until=lambda n: n == 0, what="stats republished")
    assert await latest_per_key(broker) == view
