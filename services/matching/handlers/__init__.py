"""Matching's event handlers, registered explicitly per consumer group, and its commands."""

from __future__ import annotations

from services.matching.handlers.read_models import (
    on_location_closed,
    on_location_snapshot,
    on_merge_undone,
    on_policy,
    on_request_merged,
    on_request_snapshot,
    on_request_withdrawn,
)
from services.runtime.consumer import Handler

READ_MODEL_HANDLERS: dict[str, Handler] = {
    "DeskPolicyChanged": on_policy,
    "RequestRegistered": on_request_snapshot,
    "RequestUpdated": on_request_snapshot,
    "RequestWithdrawn": on_request_withdrawn,
    "RequestMerged": on_request_merged,
    "RequestMergeUndone": on_merge_undone,
    "LocationPublished": on_location_snapshot,
    "LocationChanged": on_location_snapshot,
    "LocationClosed": on_location_closed,
}
