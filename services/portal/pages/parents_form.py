"""The request form shared by families, referrers and desk workers: form fields <-> intake's API.

Empty fields are left out of the body, so the family reads "fill this in" rather than a type error;
intake's answers (per field, already in the page's language) are put back next to the right field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contracts import municipalities

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PARTS = ("none", "full", "morning", "afternoon")
PRIORITY_CODES = ("work_related", "single_parent", "low_income", "foster_child", "sibling_present")
ADDRESS = {"street": "address_street", "house_number": "address_number", "postcode": "address_postcode",
           "city": "address_city"}
MAX_RANKED = 5


def municipality_options(lang: str) -> list[tuple[str, str]]:
    found = [(m.nis_code, m.name(lang)) for m in municipalities.all_municipalities().values()]
    return sorted(found, key=lambda item: item[1].lower())


def _text(form: Mapping[str, Any], key: str) -> str:
    return str(form.get(key) or "").strip()


def _checked(form: Mapping[str, Any], key: str) -> bool:
    return _text(form, key) in ("on", "true", "1", "yes")


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value not in ("", None, [], {})}


def preferences_from_form(form: Mapping[str, Any]) -> dict[str, Any]:
    mode = _text(form, "pref_mode") or "distance"
    if mode == "municipalities":
        return {"mode": mode, "nis_codes": [c for n in (1, 2, 3) if (c := _text(form, f"pref_nis_{n}"))]}
    if mode == "ranked":
        ranked = [c for n in range(1, MAX_RANKED + 1) if (c := _text(form, f"pref_loc_{n}"))]
        return {"mode": mode, "location_ids": ranked}
    return _present({"mode": "distance", "max_distance_km": _text(form, "max_distance_km")})


def care_pattern_from_form(form: Mapping[str, Any]) -> dict[str, Any]:
    days = []
    for day in WEEKDAYS:
        part = _text(form, f"day_{day}") or "none"
        if part != "none":
            days.append(_present({"weekday": day, "part": part, "start": _text(form, f"start_{day}"),
                                  "end": _text(form, f"end_{day}")}))
    return {"days": days}


def body_from_form(form: Mapping[str, Any], *, lang: str, extras: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The JSON body of intake's POST /api/v1/requests from the submitted form."""
    parents = [_present({"first_name": _text(form, f"parent{n}_first_name"),
                         "last_name": _text(form, f"parent{n}_last_name")}) for n in (1, 2)]
    address = _present({api: _text(form, field) for api, field in ADDRESS.items()})
    sibling = _present({"first_name": _text(form, "sibling_first_name"), "last_name": _text(form, "sibling_last_name"),
                        "birth_date": _text(form, "sibling_birth_date"),
                        "birth_expected": _checked(form, "sibling_expected") or None})
    body = _present({
        "child_first_name": _text(form, "child_first_name"), "child_last_name": _text(form, "child_last_name"),
        "child_birth_date": _text(form, "child_birth_date"), "birth_expected": _checked(form, "birth_expected"),
        "child_national_number": _text(form, "child_national_number"), "parents": [p for p in parents if p],
        "contact_email": _text(form, "contact_email"), "contact_phone": _text(form, "contact_phone"),
        "contact_address": address, "preferred_contact": _text(form, "preferred_contact"),
        "language": _text(form, "language") or lang, "home_nis": _text(form, "home_nis"),
        "wanted_start_date": _text(form, "wanted_start_date"), "care_pattern": care_pattern_from_form(form),
        "atypical_hours_needed": _checked(form, "atypical_hours_needed"),
        "specific_care_need": _checked(form, "specific_care_need"), "ikt_wanted": _checked(form, "ikt_wanted"),
        "preferences": preferences_from_form(form),
        "priority_answers": [c for c in PRIORITY_CODES if _checked(form, f"prio_{c}")],
        "priority_sworn": _checked(form, "priority_sworn"), "siblings": [sibling] if sibling else [],
        "place_siblings_together": _checked(form, "place_siblings_together"),
    })
    body["consent"] = _checked(form, "consent")
    body["care_pattern"] = care_pattern_from_form(form)
    if "channel" in extras:
        body["channel"] = _text(form, "channel") or "desk"
    if "referrer" in extras:
        body["channel"] = "referrer"
    flags = {name: True for name in ("urgent", "vulnerable_family") if name in extras and _checked(form, name)}
    if flags:
        body["categories"] = flags
    if "vulnerable_family" in extras:
        body["vulnerability_consent"] = _checked(form, "vulnerability_consent")
    return body


def form_field(api_field: str) -> str:
    """Where on the form an error of intake's field *api_field* belongs."""
    parts = api_field.split(".")
    head, tail = parts[0], parts[-1]
    if head == "contact_address":
        return ADDRESS.get(tail, "address_street")
    if head == "siblings":
        return f"sibling_{tail}" if tail in ("first_name", "last_name", "birth_date") else "sibling_last_name"
    if head == "parents" and len(parts) > 2 and parts[1].isdigit():
        return f"parent{int(parts[1]) + 1}_{tail}"
    if head in ("care_pattern", "preferences"):
        return "care_days" if head == "care_pattern" else "preferences"
    if head == "categories":
        return tail
    return head or "form"


def errors_from_answer(payload: Mapping[str, Any], no_days_text: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    error = payload.get("error") or {}
    for item in error.get("fields") or []:
        field = form_field(str(item.get("field", "")))
        message = str(item.get("message", ""))
        if field == "care_days" and item.get("code") == "too_short":
            message = no_days_text
        errors.setdefault(field, message)
    if not errors:
        errors["form"] = str(error.get("message", ""))
    return errors
