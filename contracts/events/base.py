"""Base class of every event's data: frozen, and tagged with its type, version, owner and topic."""

from __future__ import annotations

from typing import ClassVar

from contracts.types import Frozen


class Event(Frozen):
    """Data part of an event. Subclasses set the four class variables."""

    event_type: ClassVar[str]
    schema_version: ClassVar[int] = 1
    owner: ClassVar[str]
    topic: ClassVar[str]

    def subject(self) -> str:
        """The aggregate id this event is about (the Kafka key)."""
        raise NotImplementedError
