"""``python -m infra.topics``: create every topic and dead-letter topic on the configured cluster.

Services create missing topics themselves at start-up; on a cluster where they may not (ACLs,
``auto.create.topics.enable=false`` and no Create permission), an operator runs this once.
"""

from __future__ import annotations

import asyncio

from contracts.topics import TOPICS
from services.runtime.kafka import ensure_topics
from services.runtime.settings import load_settings


def main() -> None:
    settings = load_settings("operator")
    created = asyncio.run(ensure_topics(settings))
    for spec in TOPICS:
        mark = "created" if spec.name in created else "exists"
        print(f"{spec.name:<36} owner={spec.owner:<14} partitions={spec.partitions} {mark}")
    print(f"{len(created)} topics created on {settings.kafka_bootstrap_servers}")


if __name__ == "__main__":
    main()
