"""The rules a location, a correction, a company number and an API key must satisfy."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from services.offer.domain import api_keys
from services.offer.domain.corrections import CorrectionIn, end_date
from services.offer.domain.location import LocationDetails, changed_fields, snapshot_of
from services.offer.domain.provider import valid_kbo
from services.runtime.i18n import translate_validation_error


def location(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "De Regenboog", "street": "Kerkstraat 1", "postal_code": "9000", "city": "Gent",
        "nis_code": "44021", "kind": "groepsopvang", "capacity_per_weekday": {"mon": 14, "tue": 14, "sat": 0},
        "ikt": True, "opening_hours": [{"weekday": "tue", "opens": "07:00", "closes": "18:00"},
                                       {"weekday": "mon", "opens": "07:30", "closes": "18:00"}],
    }
    body.update(overrides)
    return body


def codes(body: dict[str, Any], model: Any = LocationDetails) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(body)
    return {e["field"]: e["code"] for e in (translate_validation_error(dict(x), "nl") for x in caught.value.errors())}


def test_valid_location_is_normalised() -> None:
    details = LocationDetails.model_validate(location())
    assert list(details.capacity_per_weekday) == ["mon", "tue"]  # closed days dropped
    assert [h.weekday for h in details.opening_hours] == ["mon", "tue"]  # Monday first
    assert details.coordinates()[2] is True  # no coordinates given: the municipality centre, flagged


@pytest.mark.parametrize(("overrides", "field", "code"), [
    ({"nis_code": "99999"}, "nis_code", "unknown_municipality"),
    ({"nis_code": "11007"}, "nis_code", "unknown_municipality"),  # Borsbeek, merged in 2025
    ({"nis_code": "4402"}, "nis_code", "bad_format"),
    ({"postal_code": "90000"}, "postal_code", "bad_format"),
    ({"kind": "kinderdagverblijf"}, "kind", "bad_choice"),
    ({"capacity_per_weekday": {"mon": -1}}, "capacity_per_weekday.mon", "too_small"),
    ({"capacity_per_weekday": {"mon": 301}}, "capacity_per_weekday.mon", "too_large"),
    ({"age_min_months": 36, "age_max_months": 12}, "", "age_range"),
    ({"latitude": 51.05}, "", "coordinates_pair"),
    ({"opening_hours": [{"weekday": "mon", "opens": "18:00", "closes": "07:00"}]}, "opening_hours", "hours_order"),
    ({"opening_hours": [{"weekday": "mon", "opens": "07:00", "closes": "18:00"}] * 2}, "opening_hours",
     "hours_twice"),
    ({"languages": ["nederlands"]}, "languages", "bad_language"),
    ({"phone": "bel me"}, "phone", "bad_phone"),
    ({"email": "geen-adres"}, "email", "bad_email"),
    ({"website": "www.example.be"}, "website", "bad_website"),
    ({"latitude": 40.0, "longitude": 3.7}, "latitude", "too_small"),
    ({"colour": "blue"}, "colour", "bad_value"),
])
def test_invalid_location(overrides: dict[str, Any], field: str, code: str) -> None:
    assert codes(location(**overrides)).get(field) == code


def test_snapshot_carries_no_name_address_or_contact() -> None:
    details = LocationDetails.model_validate(location(phone="09 123 45 67", email="a@b.be"))
    snapshot = snapshot_of("loc", "prov", details)
    dumped = snapshot.model_dump_json()
    assert "Regenboog" not in dumped and "Kerkstraat" not in dumped and "a@b.be" not in dumped
    assert snapshot.capacity_per_weekday == {"mon": 14, "tue": 14}


def test_changed_fields() -> None:
    before = snapshot_of("loc", "prov", LocationDetails.model_validate(location()))
    after = snapshot_of("loc", "prov", LocationDetails.model_validate(location(ikt=False)))
    assert changed_fields(before, after) == ("ikt",)
    assert changed_fields(before, before) == ()
    assert "location_id" in changed_fields(None, after)


@pytest.mark.parametrize(("overrides", "field", "code"), [
    ({"places_delta": 2}, "places_delta", "correction_negative"),
    ({"places_delta": 0}, "places_delta", "correction_negative"),
    ({"weekdays": []}, "weekdays", "too_short"),
    ({"valid_from": "2026-10-01", "valid_until": "2026-09-01"}, "", "correction_period"),
    ({"reason": "bored"}, "reason", "bad_choice"),
])
def test_invalid_correction(overrides: dict[str, Any], field: str, code: str) -> None:
    body = {"weekdays": ["mon"], "places_delta": -2, "reason": "staff_shortage", **overrides}
    assert codes(body, CorrectionIn).get(field) == code


def test_ending_a_correction() -> None:
    assert end_date(date(2026, 9, 1), date(2026, 9, 30)) == date(2026, 9, 30)
    assert end_date(date(2026, 9, 1), date(2026, 8, 15)) == date(2026, 8, 31)  # withdrawn before it began


@pytest.mark.parametrize(("number", "valid"), [
    ("0207451227", True), ("0412345678", False), ("207451227", False), ("2207451227", False),
    ("02074512x7", False),
])
def test_company_number(number: str, valid: bool) -> None:
    assert valid_kbo(number) is valid


def test_api_key_round_trip_and_hash_only() -> None:
    new = api_keys.generate()
    assert api_keys.key_id_of(new.secret) == new.key_id
    assert api_keys.matches(new.secret, new.key_hash)
    assert new.secret not in new.key_hash and new.secret not in new.hint
    assert not api_keys.matches(new.secret + "x", new.key_hash)
    for bad in ("", "olk_", "xyz_0123456789abcdef_" + "a" * 40, "olk_nothex!nothex!_" + "a" * 40,
                f"olk_{new.key_id}_short"):
        assert api_keys.key_id_of(bad) is None


def test_api_key_usable_until_revoked_or_grace_ends() -> None:
    now = datetime(2026, 9, 1, tzinfo=UTC)
    assert api_keys.usable(now, revoked_at=None, expires_at=None)
    assert not api_keys.usable(now, revoked_at=now, expires_at=None)
    assert api_keys.usable(now, revoked_at=None, expires_at=now + timedelta(hours=1))
    assert not api_keys.usable(now, revoked_at=None, expires_at=now)
