"""The end-of-year checks of issue 8: the exported report equals the ground truth, no request was
lost, no notification was sent twice, no dead letter is left unexplained, every outbox is empty."""

from __future__ import annotations

import asyncio
import mailbox
import os
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from infra.simulator.api import Api
from infra.simulator.population import Population
from infra.simulator.truth import GroundTruth, differences, expected_report, rows_of_document
from services.notifications.dispatch.dispatcher import SEND_CONCURRENCY
from services.runtime.settings import ROOT

BUS_SERVICES = ("intake", "offer", "matching", "notifications", "reporting")


@dataclass
class Findings:
    report_diffs: dict[str, list[str]] = field(default_factory=dict)  # desk id -> differing cells
    rebuild_diffs: dict[str, list[str]] = field(default_factory=dict)  # the same after a rebuild from the log
    totals: dict[str, dict[str, int]] = field(default_factory=dict)  # desk id -> column totals (exported)
    missing_requests: list[str] = field(default_factory=list)
    mails: int = 0
    duplicate_notifications: list[str] = field(default_factory=list)  # Message-IDs delivered more than once
    notifications_kills: int = 0  # SIGKILLs of notifications during the run
    dead_letters: list[str] = field(default_factory=list)
    outbox_pending: dict[str, int] = field(default_factory=dict)
    republish_rounds: dict[str, int] = field(default_factory=dict)

    @property
    def resends_explained(self) -> bool:
        """A mail can only go twice when notifications was SIGKILLed between the SMTP server's "250 OK"
        and the commit of that result: the restarted dispatcher sends the *same* message (same
        Message-ID, which receivers use to drop repeats) again. At most the messages in flight at the
        kill — the dispatcher's concurrency — per kill. Anything beyond that is a real double send."""
        return len(self.duplicate_notifications) <= SEND_CONCURRENCY * self.notifications_kills

    @property
    def ok(self) -> bool:
        return not (any(self.report_diffs.values()) or any(self.rebuild_diffs.values()) or self.missing_requests
                    or not self.resends_explained or self.dead_letters or any(self.outbox_pending.values()))


async def settle(api: Api, findings: Findings, timeout: float = 180) -> None:
    """Wait until every relay has published everything (no outbox row pending)."""
    deadline = time.monotonic() + timeout
    while True:
        for service in BUS_SERVICES:
            ops = await api.json("GET", service, "/ops/consumers")
            findings.outbox_pending[service] = int(ops["relay"]["pending"])
            findings.republish_rounds[service] = int(ops["relay"]["republish_rounds"])
        if not any(findings.outbox_pending.values()) or time.monotonic() > deadline:
            return
        await asyncio.sleep(1)


async def compare_reports(api: Api, population: Population, truth: GroundTruth, findings: Findings,
                          timeout: float = 300, after_rebuild: bool = False) -> None:
    """Fetch each desk's export until it equals the ground truth (the bus may still be catching up)."""
    deadline = time.monotonic() + timeout
    for desk in population.desks:
        expected = expected_report(truth, desk.desk_id, population.year, desk.working_area)
        while True:
            document = await api.json("GET", "reporting", "/api/v1/reports/yearly", user=desk.username,
                                      params={"desk_id": desk.desk_id, "year": population.year, "format": "json"})
            diffs = differences(expected, rows_of_document(document))
            if not diffs or time.monotonic() > deadline:
                break
            await asyncio.sleep(2)
        (findings.rebuild_diffs if after_rebuild else findings.report_diffs)[desk.desk_id] = diffs
        findings.totals[desk.desk_id] = {c: v["total"] for c, v in document["total"]["counts"].items()}


def rebuild_reporting(env: dict[str, str]) -> None:
    """The operator's ``python -m services.reporting rebuild``: forget the projection, replay the log.
    After broker restarts the log holds only what the relays republished: the report must not change."""
    done = subprocess.run([sys.executable, "-m", "services.reporting", "rebuild"], cwd=ROOT,  # noqa: S603
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"rebuild failed: {done.stderr[-2000:]}")


async def requests_exist(api: Api, population: Population, truth: GroundTruth, findings: Findings) -> None:
    users = {d.desk_id: d.username for d in population.desks}
    for request in truth.requests.values():
        answer = await api.request("GET", "intake", f"/api/v1/requests/{request.request_id}/status",
                                   user=users[request.desk_id], ok=())
        if answer.status_code != 200:
            findings.missing_requests.append(request.request_id)


def notifications_sent_twice(maildir: Path, findings: Findings, notifications_kills: int = 0) -> None:
    """Notifications derive each mail's Message-ID from its delivery id (one per idempotency key): a
    Message-ID seen twice is one message delivered twice; see ``Findings.resends_explained``."""
    findings.notifications_kills = notifications_kills
    box = mailbox.Maildir(maildir, create=False) if maildir.exists() else None
    ids: Counter[str] = Counter()
    for message in box or ():
        findings.mails += 1
        message_id = str(message.get("Message-ID", ""))
        if message_id.endswith("@notifications.opvangloket>"):
            ids[message_id] += 1
    findings.duplicate_notifications = sorted(m for m, n in ids.items() if n > 1)
    findings.duplicate_notifications += sorted(m for m, n in ids.items() if n > 2)  # a third copy counts again


async def dead_letters(bootstrap: str, findings: Findings) -> None:
    """Every record on a ``*.dlt`` topic, with the error its consumer wrote in the headers."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        topics = sorted(t for t in await consumer.topics() if t.endswith(".dlt"))
        for topic in topics:
            partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or {0})]
            consumer.assign(partitions)
            await consumer.seek_to_beginning(*partitions)
            while batch := await consumer.getmany(timeout_ms=1000):
                for records in batch.values():
                    for record in records:
                        headers: dict[str, Any] = {k: v.decode(errors="replace") for k, v in record.headers or ()}
                        group, error = headers.get("dlt-consumer-group"), headers.get("dlt-error", "?")[:200]
                        findings.dead_letters.append(f"{topic}: group {group}: {error}")
    finally:
        await consumer.stop()
