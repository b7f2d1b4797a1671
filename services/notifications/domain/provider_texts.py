"""What a provider reads: mails about new open requests, reminders and the daily digest.

Pure text in the provider's language (nl first, fr, en). Requests are described by what the bus
knows - ids, dates, days, municipality - never by the family's name or contact details, because
mail leaves our systems; the family's contact is in the portal for those entitled to it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

WEEKDAYS = {
    "nl": {"mon": "ma", "tue": "di", "wed": "wo", "thu": "do", "fri": "vr", "sat": "za", "sun": "zo"},
    "fr": {"mon": "lu", "tue": "ma", "wed": "me", "thu": "je", "fri": "ve", "sat": "sa", "sun": "di"},
    "en": {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri", "sat": "Sat", "sun": "Sun"},
}

SUBJECTS = {
    "new_request": {"nl": "Nieuwe opvangvraag {short}", "fr": "Nouvelle demande d'accueil {short}",
                    "en": "New childcare request {short}"},
    "reminder": {"nl": "Herinnering: antwoord tegen {due} op opvangvraag {short}",
                 "fr": "Rappel : répondez avant le {due} à la demande {short}",
                 "en": "Reminder: answer request {short} by {due}"},
    "digest": {"nl": "Dagoverzicht: {count} nieuwe opvangvragen", "fr": "Récapitulatif : {count} nouvelles demandes",
               "en": "Daily digest: {count} new childcare requests"},
}

LINES = {
    "intro_new": {"nl": "Het lokaal loket heeft een nieuwe opvangvraag verspreid naar uw opvanglocaties.",
                  "fr": "Le guichet local a diffusé une nouvelle demande d'accueil à vos lieux d'accueil.",
                  "en": "The local desk distributed a new childcare request to your locations."},
    "intro_reminder": {"nl": "U hebt nog niet geantwoord op deze opvangvraag.",
                       "fr": "Vous n'avez pas encore répondu à cette demande d'accueil.",
                       "en": "You have not answered this childcare request yet."},
    "intro_digest": {"nl": "Dit zijn de opvangvragen die sinds het vorige overzicht naar u werden verspreid.",
                     "fr": "Voici les demandes diffusées depuis le récapitulatif précédent.",
                     "en": "These requests were distributed to you since the previous digest."},
    "request": {"nl": "Opvangvraag", "fr": "Demande", "en": "Request"},
    "locations": {"nl": "Opvanglocaties", "fr": "Lieux d'accueil", "en": "Locations"},
    "start": {"nl": "Gewenste startdatum", "fr": "Date de début souhaitée", "en": "Wanted start date"},
    "days": {"nl": "Dagen", "fr": "Jours", "en": "Days"},
    "municipality": {"nl": "Woonplaats gezin", "fr": "Commune de la famille", "en": "Family's municipality"},
    "urgent": {"nl": "Dringend", "fr": "Urgent", "en": "Urgent"},
    "due": {"nl": "Antwoord tegen (einde van de dag)", "fr": "Répondre avant (fin de journée)",
            "en": "Answer by (end of day)"},
    "how": {"nl": "Antwoord via uw software (API) of in het portaal: {portal}",
            "fr": "Répondez via votre logiciel (API) ou sur le portail : {portal}",
            "en": "Answer through your software (API) or in the portal: {portal}"},
    "footer": {"nl": "Dit bericht werd automatisch verstuurd door het Lokaal Loket Kinderopvang.",
               "fr": "Ce message a été envoyé automatiquement par le guichet local d'accueil d'enfants.",
               "en": "This message was sent automatically by the Local Childcare Desk."},
}


def _t(table: Mapping[str, Mapping[str, str]], key: str, lang: str, **params: Any) -> str:
    texts = table[key]
    return (texts.get(lang) or texts["nl"]).format(**params)


def format_date(value: str | date | None, lang: str) -> str:
    if not value:
        return "-"
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return day.strftime("%d/%m/%Y") if lang in ("nl", "fr") else day.isoformat()


def _days(weekdays: Sequence[str], lang: str) -> str:
    names = WEEKDAYS.get(lang, WEEKDAYS["nl"])
    return ", ".join(names.get(d, d) for d in weekdays) or "-"


def request_block(details: Mapping[str, Any], lang: str) -> list[str]:
    lines = [f"{_t(LINES, 'request', lang)}: {details.get('request_id', '-')}"]
    if details.get("urgent"):
        lines[0] += f" ({_t(LINES, 'urgent', lang)})"
    lines += [
        f"{_t(LINES, 'locations', lang)}: {', '.join(details.get('location_names') or []) or '-'}",
        f"{_t(LINES, 'start', lang)}: {format_date(details.get('wanted_start_date'), lang)}",
        f"{_t(LINES, 'days', lang)}: {_days(details.get('weekdays') or [], lang)}",
        f"{_t(LINES, 'municipality', lang)}: {details.get('municipality') or '-'}",
        f"{_t(LINES, 'due', lang)}: {format_date(details.get('due_date'), lang)}",
    ]
    return lines


def provider_mail(kind: str, items: Sequence[Mapping[str, Any]], lang: str, portal: str) -> tuple[str, str]:
    """(subject, plain-text body) of a provider mail of *kind* about one or more requests."""
    first = items[0]
    short = str(first.get("request_id", ""))[:8]
    due = format_date(first.get("due_date"), lang)
    subject = _t(SUBJECTS, kind, lang, short=short, due=due, count=len(items))
    intro = {"new_request": "intro_new", "reminder": "intro_reminder", "digest": "intro_digest"}[kind]
    body = [_t(LINES, intro, lang), ""]
    for item in items:
        body += [*request_block(item, lang), ""]
    body += [_t(LINES, "how", lang, portal=portal), "", _t(LINES, "footer", lang)]
    return subject, "\n".join(body)
