"""Hours of care and opening hours are local times: offsets are refused, and the OpenAPI document
describes them as partial-time (what the services send), not RFC 3339 full-time."""

from __future__ import annotations

from datetime import time

import pytest
from pydantic import ValidationError

from contracts.events.offer import OpeningHours
from contracts.types import CareDay
from services.runtime.openapi_doc import describe_local_times


@pytest.mark.parametrize("end", [0, 3600, "17:30Z", "17:30:00+01:00"])
def test_a_time_with_an_offset_is_refused(end: object) -> None:
    with pytest.raises(ValidationError) as refused:
        CareDay(weekday="mon", start="07:30", end=end)  # type: ignore[arg-type]
    assert "local_time_expected" in str(refused.value)


def test_local_times_pass() -> None:
    assert CareDay(weekday="mon", start="07:30", end="17:30").end == time(17, 30)  # type: ignore[arg-type]
    assert OpeningHours(weekday="mon", opens="07:00", closes="18:00").closes == time(18)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        OpeningHours(weekday="mon", opens="07:00Z", closes="18:00")  # type: ignore[arg-type]


def test_the_document_describes_local_times() -> None:
    document = {"components": {"schemas": {"OpeningHours": {"properties": {
        "opens": {"type": "string", "format": "time", "title": "Opens"},
        "day": {"type": "string", "format": "date"}}}}}}
    describe_local_times(document)
    props = document["components"]["schemas"]["OpeningHours"]["properties"]
    assert props["opens"]["format"] == "partial-time" and props["opens"]["title"] == "Opens"
    assert props["day"] == {"type": "string", "format": "date"}
