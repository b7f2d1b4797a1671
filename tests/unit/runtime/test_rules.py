"""Pure rules of the foundation: care patterns, municipalities, languages, settings, a lost broker log."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, Field, ValidationError

from contracts import municipalities
from contracts.types import CareDay, CarePattern, DayPart, Weekday
from services.runtime.i18n import negotiate, translate, translate_validation_error
from services.runtime.log_rewind import behind_the_log
from services.runtime.settings import load_settings


def pattern(*days: tuple[str, str]) -> CarePattern:
    return CarePattern(days=tuple(CareDay(weekday=Weekday(d), part=DayPart(p)) for d, p in days))


@pytest.mark.parametrize(("days", "expected"), [
    ((("mon", "full"),), 1.0),
    ((("mon", "full"), ("tue", "morning")), 1.5),
    ((("mon", "morning"), ("mon", "afternoon"), ("fri", "full")), 2.0),
])
def test_days_per_week_counts_half_days_as_half(days: tuple[tuple[str, str], ...], expected: float) -> None:
    assert pattern(*days).days_per_week == expected


@pytest.mark.parametrize(("asked", "offered", "covers"), [
    ((("mon", "full"), ("tue", "full")), (("mon", "full"),), True),
    ((("mon", "full"),), (("mon", "morning"),), True),
    ((("mon", "morning"),), (("mon", "full"),), False),
    ((("mon", "full"),), (("wed", "full"),), False),
])
def test_offered_pattern_must_be_within_the_asked_one(asked, offered, covers) -> None:  # type: ignore[no-untyped-def]
    assert pattern(*asked).covers(pattern(*offered)) is covers


days_strategy = st.lists(st.tuples(st.sampled_from([d.value for d in Weekday]),
                                   st.sampled_from([p.value for p in DayPart])), min_size=1, max_size=7)


@given(days_strategy)
def test_a_pattern_covers_itself(days: list[tuple[str, str]]) -> None:
    assert pattern(*days).covers(pattern(*days))


def test_municipalities_2025_and_merged_codes_map_forward() -> None:
    assert municipalities.get("44021").name_nl == "Gent"  # type: ignore[union-attr]
    assert municipalities.current_code("44040") == "44088"  # Merelbeke -> Merelbeke-Melle (2025)
    assert municipalities.current_code("99999") is None
    assert len(municipalities.all_municipalities()) == 304
    gent, leuven = municipalities.get("44021"), municipalities.get("24062")
    assert gent and leuven
    assert 70 < municipalities.distance_km(gent.latitude, gent.longitude, leuven.latitude, leuven.longitude) < 80


@pytest.mark.parametrize(("header", "explicit", "expected"), [
    (None, None, "nl"), ("fr-BE,fr;q=0.9", None, "fr"), ("de-DE,en;q=0.5", None, "en"),
    ("en", "nl", "nl"), ("es", None, "nl"), ("fr", "xx", "fr"),
])
def test_language_negotiation(header: str | None, explicit: str | None, expected: str) -> None:
    assert negotiate(header, explicit) == expected


class _Form(BaseModel):
    name: str = Field(min_length=2)
    age: int = Field(ge=0)


@pytest.mark.parametrize(("lang", "fragment"), [("nl", "te kort"), ("fr", "trop court"), ("en", "too short")])
def test_validation_errors_are_translated(lang: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _Form(name="x", age=-1)
    errors = [translate_validation_error(dict(e), lang) for e in caught.value.errors()]
    assert errors[0]["field"] == "name" and fragment in errors[0]["message"]
    assert errors[1]["code"] == "too_small" and "0" in errors[1]["message"]


def test_every_message_exists_in_three_languages() -> None:
    from services.runtime.i18n import MESSAGES

    assert all(set(texts) == {"nl", "fr", "en"} for texts in MESSAGES.values())
    assert translate("rate_limited", "en", seconds=7).endswith("7 seconds.")


def test_per_service_setting_wins_over_the_shared_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://shared/db")
    monkeypatch.setenv("INTAKE_DATABASE_URL", "postgresql+asyncpg://intake/db")
    assert load_settings("intake").database_url == "postgresql+asyncpg://intake/db"
    assert load_settings("offer").database_url == "postgresql+asyncpg://shared/db"
    assert load_settings("offer").http_port == 8002


@pytest.mark.parametrize(("offset", "highwater", "lost"), [
    (9, 10, False),   # the record at 9 is below the end: still there
    (9, 9, True),     # the partition ends at 9: the record we wrote at 9 is gone
    (9, 0, True),     # an empty, re-created partition
    (9, None, False),  # no fetch answer at all: no proof of a loss
])
def test_a_silent_partition_is_lost_only_when_its_fetches_end_at_or_before_our_offset(
    offset: int, highwater: int | None, lost: bool
) -> None:
    assert behind_the_log(offset + 1, highwater) is lost  # as the relay asks: would the record end inside the log?
