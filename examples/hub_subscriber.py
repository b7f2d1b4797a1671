"""A regional hub's view of Opvangloket: the latest figures per municipality and month.

Reads the compacted topic ``reporting.municipality-stats.v1`` with the hub's *own* consumer
group (never one of the services' groups: those would steal the services' records). A compacted
topic keeps the latest record per key ``nis:month``, so the view is rebuilt by reading it from
the beginning at every start; the group spreads the partitions over the hub's consumers.
Figures below the suppression threshold arrive as null and are shown as ``<5``. No personal
data is on this topic: only municipality codes, months and counts.

    python examples/hub_subscriber.py --bootstrap 127.0.0.1:9092 --group hub.oost-vlaanderen \\
        --nis 44021 44013 44088 --once

Without ``--once`` it keeps listening and prints the table again after every change.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener  # noqa: E402

from contracts import municipalities  # noqa: E402
from contracts.events.reporting import MUNICIPALITY_STATS_TOPIC  # noqa: E402
from contracts.registry import ContractViolation, parse_event  # noqa: E402

COLUMNS = (("requests_registered", "nieuw"), ("requests_open", "open"), ("places_allocated", "toegewezen"),
           ("unanswered_without_proposal", "zonder voorstel"))


def show(value: int | None, threshold: int) -> str:
    return f"<{threshold}" if value is None else str(value)


def table(latest: dict[str, Any]) -> str:
    lines = [f"{'gemeente':<22} {'maand':<8} " + " ".join(f"{label:>15}" for _, label in COLUMNS)]
    for key in sorted(latest, key=lambda k: (k.split(":")[0], k.split(":")[1])):
        stats = latest[key]
        place = municipalities.get(stats.nis_code)
        name = place.name_nl if place else stats.nis_code
        cells = " ".join(f"{show(getattr(stats, field), stats.suppression_threshold):>15}" for field, _ in COLUMNS)
        lines.append(f"{name[:22]:<22} {stats.month:<8} {cells}")
    return "\n".join(lines)


class FromTheBeginning(ConsumerRebalanceListener):  # type: ignore[misc]
    """Every partition this hub consumer gets is read from its first (compacted) record."""

    def __init__(self, consumer: AIOKafkaConsumer) -> None:
        self.consumer = consumer

    async def on_partitions_revoked(self, revoked: Any) -> None:
        return None

    async def on_partitions_assigned(self, assigned: Any) -> None:
        if assigned:
            await self.consumer.seek_to_beginning(*assigned)


async def follow(bootstrap: str, group: str, wanted: set[str], once: bool) -> dict[str, Any]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, auto_offset_reset="earliest",
                                enable_auto_commit=False)
    consumer.subscribe([MUNICIPALITY_STATS_TOPIC], listener=FromTheBeginning(consumer))
    await consumer.start()
    latest: dict[str, Any] = {}
    try:
        quiet = 0
        while True:
            batches = await consumer.getmany(timeout_ms=1000)
            changed = False
            for records in batches.values():
                for record in records:
                    try:
                        event = parse_event(record.value, record.topic)
                    except (ContractViolation, ValueError):
                        continue  # not a MunicipalityStats from reporting: ignore it
                    if not wanted or event.data.nis_code in wanted:
                        latest[event.subject] = event.data
                        changed = True
            if changed and not once:
                print(table(latest), end="\n\n", flush=True)
            quiet = 0 if batches else quiet + 1
            if once and quiet >= 3 and consumer.assignment():
                return latest
    finally:
        await consumer.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bootstrap", default="127.0.0.1:9092", help="Kafka bootstrap servers")
    parser.add_argument("--group", default="hub.example", help="the hub's own consumer group")
    parser.add_argument("--nis", nargs="*", default=[], help="only these municipalities (NIS codes)")
    parser.add_argument("--once", action="store_true", help="print the current view and stop")
    args = parser.parse_args()
    latest = asyncio.run(follow(args.bootstrap, args.group, set(args.nis), args.once))
    if args.once:
        print(table(latest))


if __name__ == "__main__":
    main()
