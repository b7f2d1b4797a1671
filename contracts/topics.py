"""The topic map: who owns each topic, what its key is, and how long records are kept."""

from __future__ import annotations

from dataclasses import dataclass

from contracts.events.intake import DESK_POLICY_TOPIC, REQUEST_TOPIC
from contracts.events.matching import MATCHING_TOPIC
from contracts.events.notifications import DELIVERY_TOPIC
from contracts.events.offer import LOCATION_TOPIC
from contracts.events.reporting import MUNICIPALITY_STATS_TOPIC, REPORT_SHARE_TOPIC

DAY_MS = 24 * 3600 * 1000


@dataclass(frozen=True)
class TopicSpec:
    name: str
    owner: str
    key: str
    partitions: int
    retention_ms: int
    compacted: bool = False

    @property
    def dead_letter(self) -> str:
        return dead_letter_topic(self.name)


def dead_letter_topic(topic: str) -> str:
    return f"{topic}.dlt"


# Domain events are kept two years so that a projection can be rebuilt for last year's report.
TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(DESK_POLICY_TOPIC, "intake", "desk_id", 1, 730 * DAY_MS),
    TopicSpec(REQUEST_TOPIC, "intake", "request_id", 6, 730 * DAY_MS),
    TopicSpec(LOCATION_TOPIC, "offer", "location_id", 3, 730 * DAY_MS),
    TopicSpec(MATCHING_TOPIC, "matching", "request_id", 6, 730 * DAY_MS),
    TopicSpec(DELIVERY_TOPIC, "notifications", "request_id", 3, 730 * DAY_MS),
    TopicSpec(MUNICIPALITY_STATS_TOPIC, "reporting", "nis_code:month", 3, -1, compacted=True),
    TopicSpec(REPORT_SHARE_TOPIC, "reporting", "desk_id", 1, 730 * DAY_MS),
)

TOPICS_BY_NAME = {t.name: t for t in TOPICS}


def topic_layout(specs: tuple[TopicSpec, ...] = TOPICS) -> list[tuple[str, int, dict[str, str]]]:
    """Every topic to create, as (name, partitions, configuration): each topic, then its dead-letter topic."""
    layout: list[tuple[str, int, dict[str, str]]] = []
    for spec in specs:
        kept = {"retention.ms": str(spec.retention_ms)}
        layout.append((spec.name, spec.partitions, {"cleanup.policy": "compact"} if spec.compacted else kept))
        layout.append((spec.dead_letter, 1, kept))
    return layout


def all_topic_names(include_dead_letters: bool = True) -> list[str]:
    names = [t.name for t in TOPICS]
    if include_dead_letters:
        names += [t.dead_letter for t in TOPICS]
    return names
