"""What a family reads, by mail or on a printed letter: proposals, reminders, expiries, allocations.

Plain words in the family's own language (nl first, fr, en): short sentences, what happened,
what to do and by when. The same text is mailed or printed by the desk when there is no e-mail.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from services.notifications.domain.provider_texts import WEEKDAYS, format_date

FAMILY_KINDS = ("proposal_made", "proposal_reminder", "proposal_expired", "place_allocated")

SUBJECTS = {
    "proposal_made": {"nl": "U krijgt een voorstel voor kinderopvang", "fr": "Vous recevez une proposition d'accueil",
                      "en": "You have a childcare proposal"},
    "proposal_reminder": {"nl": "Herinnering: antwoord op het voorstel voor kinderopvang",
                          "fr": "Rappel : répondez à la proposition d'accueil",
                          "en": "Reminder: please answer the childcare proposal"},
    "proposal_expired": {"nl": "Het voorstel voor kinderopvang is vervallen",
                         "fr": "La proposition d'accueil a expiré", "en": "The childcare proposal has expired"},
    "place_allocated": {"nl": "U hebt een plaats in de kinderopvang", "fr": "Vous avez une place d'accueil",
                        "en": "You have a childcare place"},
}

BODIES = {
    "proposal_made": {
        "nl": "Goed nieuws. {Location} heeft een plaats voor uw kind.\nStart: {start}.\nDagen: {days}.\n"
              "Wilt u deze plaats? Antwoord ten laatste op {due}. Zeg ja of nee via uw persoonlijke link, "
              "of bel het lokaal loket.",
        "fr": "Bonne nouvelle. {Location} a une place pour votre enfant.\nDébut : {start}.\nJours : {days}.\n"
              "Voulez-vous cette place ? Répondez au plus tard le {due}, via votre lien personnel ou en "
              "appelant le guichet local.",
        "en": "Good news. {Location} has a place for your child.\nStart: {start}.\nDays: {days}.\n"
              "Do you want this place? Answer by {due} at the latest, through your personal link or by "
              "calling the local desk.",
    },
    "proposal_reminder": {
        "nl": "U hebt nog niet geantwoord op het voorstel van {location} (start {start}).\n"
              "Antwoord ten laatste op {due}. Anders vervalt het voorstel.",
        "fr": "Vous n'avez pas encore répondu à la proposition de {location} (début le {start}).\n"
              "Répondez au plus tard le {due}, sinon la proposition expire.",
        "en": "You have not answered the proposal from {location} (start {start}) yet.\n"
              "Answer by {due} at the latest, or the proposal expires.",
    },
    "proposal_expired": {
        "nl": "U hebt niet geantwoord op het voorstel van {location}. Het voorstel is vervallen.\n"
              "Uw vraag naar opvang blijft bestaan. Hebt u vragen? Neem contact op met het lokaal loket.",
        "fr": "Vous n'avez pas répondu à la proposition de {location}. La proposition a expiré.\n"
              "Votre demande d'accueil reste active. Des questions ? Contactez le guichet local.",
        "en": "You did not answer the proposal from {location}. The proposal has expired.\n"
              "Your childcare request stays open. Questions? Contact the local desk.",
    },
    "place_allocated": {
        "nl": "Uw kind heeft een plaats bij {location}.\nStart: {start}.\nDagen: {days}.\n"
              "De opvang neemt contact met u op om alles af te spreken.",
        "fr": "Votre enfant a une place chez {location}.\nDébut : {start}.\nJours : {days}.\n"
              "Le lieu d'accueil vous contactera pour tout organiser.",
        "en": "Your child has a place at {location}.\nStart: {start}.\nDays: {days}.\n"
              "The childcare location will contact you to arrange everything.",
    },
}

PARTIAL = {
    "later_start": {"nl": "Let op: de start is later dan u vroeg.", "fr": "Attention : le début est plus tard "
                    "que demandé.", "en": "Note: the start is later than you asked."},
    "fewer_days": {"nl": "Let op: dit zijn minder dagen dan u vroeg.", "fr": "Attention : il y a moins de jours "
                   "que demandé.", "en": "Note: these are fewer days than you asked."},
}

GREETING = {"nl": "Beste ouder,", "fr": "Chère madame, cher monsieur,", "en": "Dear parent,"}
SIGNATURE = {"nl": "Met vriendelijke groeten,\nHet Lokaal Loket Kinderopvang",
             "fr": "Bien cordialement,\nLe guichet local d'accueil d'enfants",
             "en": "Kind regards,\nThe Local Childcare Desk"}
PLACE = {"nl": "de opvanglocatie", "fr": "le lieu d'accueil", "en": "the childcare location"}


def family_message(kind: str, details: Mapping[str, Any], lang: str) -> tuple[str, str]:
    """(subject, body) for a family, in *lang* (Dutch when the language is unknown)."""
    lang = lang if lang in ("nl", "fr", "en") else "nl"
    names = WEEKDAYS[lang]
    params = {
        "location": details.get("location_name") or PLACE[lang],
        "start": format_date(details.get("start_date"), lang),
        "due": format_date(details.get("answer_due"), lang),
        "days": ", ".join(names.get(d, d) for d in details.get("weekdays") or []) or "-",
    }
    params["Location"] = params["location"][:1].upper() + params["location"][1:]
    lines = [GREETING[lang], "", BODIES[kind][lang].format(**params)]
    for flag in ("later_start", "fewer_days"):
        if details.get(flag):
            lines.append(PARTIAL[flag][lang])
    lines += ["", SIGNATURE[lang]]
    return SUBJECTS[kind][lang], "\n".join(lines)
