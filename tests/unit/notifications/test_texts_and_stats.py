"""Messages in each language, without leftovers or personal data; response-time statistics."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from services.notifications.domain.family_texts import FAMILY_KINDS, family_message
from services.notifications.domain.provider_texts import provider_mail
from services.notifications.domain.stats import DeadlineFact, response_stats

ITEM = {"request_id": "3f2a9c1e-0000-4000-8000-000000000001", "location_names": ["De Zonnebloem Ledeberg"],
        "wanted_start_date": "2026-09-01", "weekdays": ["mon", "tue", "thu"], "municipality": "Gent",
        "due_date": "2026-04-24", "urgent": True}


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
@pytest.mark.parametrize("kind", ["new_request", "reminder", "digest"])
def test_provider_mails_in_each_language(kind: str, lang: str) -> None:
    subject, body = provider_mail(kind, [ITEM, {**ITEM, "request_id": "other"}], lang, "http://portal")
    assert subject and "{" not in subject and "{" not in body
    assert "De Zonnebloem Ledeberg" in body and "http://portal" in body
    assert ("24/04/2026" if lang != "en" else "2026-04-24") in body


def test_provider_mail_is_dutch_first() -> None:
    assert provider_mail("new_request", [ITEM], "nl", "p")[0].startswith("Nieuwe opvangvraag")
    assert provider_mail("new_request", [ITEM], "fr", "p")[0].startswith("Nouvelle demande")


@pytest.mark.parametrize("lang", ["nl", "fr", "en", "de"])
@pytest.mark.parametrize("kind", FAMILY_KINDS)
def test_family_messages_in_each_language(kind: str, lang: str) -> None:
    details = {"location_name": "De Zonnebloem Ledeberg", "start_date": "2026-09-01", "answer_due": "2026-06-12",
               "weekdays": ["mon", "wed"], "later_start": True}
    subject, body = family_message(kind, details, lang)
    assert subject and "{" not in body and "De Zonnebloem Ledeberg" in body
    if lang == "de":  # unknown language: Dutch
        assert body.startswith("Beste ouder")


def test_family_message_without_location_name_uses_plain_words() -> None:
    _, body = family_message("proposal_made", {"start_date": "2026-09-01", "answer_due": "2026-06-12"}, "nl")
    assert "Goed nieuws. De opvanglocatie heeft een plaats" in body


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_response_stats_per_provider_in_working_days() -> None:
    told = utc(2025, 4, 17, 8)  # Thursday before Easter; due 25 April
    facts = [
        DeadlineFact("p1", told, date(2025, 4, 25), 5, utc(2025, 4, 22, 9), "answered"),  # 2 working days
        DeadlineFact("p1", told, date(2025, 4, 25), 5, utc(2025, 4, 28, 9), "answered"),  # late: 6 days
        DeadlineFact("p1", told, date(2025, 4, 25), 5, None, "overdue"),
        DeadlineFact("p2", told, date(2025, 4, 25), 5, None, "waiting"),
        DeadlineFact("p2", told, date(2025, 4, 25), 5, None, "closed"),
    ]
    p1, p2 = response_stats(facts)
    assert p1 == {"provider_id": "p1", "asked": 3, "answered_in_time": 1, "answered_late": 1, "overdue_unanswered": 1,
                  "waiting": 0, "closed_unanswered": 0, "agreed_working_days": [5], "in_time_percent": 50,
                  "median_working_days": 4.0, "max_working_days": 6}
    assert p2["waiting"] == 1 and p2["closed_unanswered"] == 1 and p2["in_time_percent"] is None


def test_the_report_shared_mail_says_where_to_read_it_in_the_providers_language() -> None:
    from services.notifications.domain.report_texts import report_shared_mail

    details = {"year": 2025, "cutoff": "2026-02-28", "download_path": "/api/v1/provider/reports/abc"}
    subject, body = report_shared_mail(details, "fr", "https://portail.example/")
    assert subject == "Rapport annuel 2025 du guichet local partagé"
    assert "https://portail.example/rapporten/gedeeld" in body and "/api/v1/provider/reports/abc" in body
    assert report_shared_mail(details, "xx", "https://p")[0].startswith("Jaarrapport 2025")
