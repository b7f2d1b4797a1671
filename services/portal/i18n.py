"""Words of the portal in Dutch (first), French and English. Each page area adds its own."""

from __future__ import annotations

from fastapi import Request

from services.portal.session import LANG_COOKIE
from services.runtime.i18n import LANGUAGES, negotiate

TEXTS: dict[str, dict[str, str]] = {
    "site_name": {"nl": "Lokaal Loket Kinderopvang", "fr": "Guichet local d'accueil d'enfants",
                  "en": "Local Childcare Desk"},
    "skip": {"nl": "Naar de inhoud", "fr": "Aller au contenu", "en": "Skip to content"},
    "sign_in": {"nl": "Aanmelden", "fr": "Se connecter", "en": "Sign in"},
    "sign_out": {"nl": "Afmelden", "fr": "Se déconnecter", "en": "Sign out"},
    "signed_in_as": {"nl": "Aangemeld als", "fr": "Connecté en tant que", "en": "Signed in as"},
    "language": {"nl": "Taal", "fr": "Langue", "en": "Language"},
    "home_title": {"nl": "Kinderopvang zoeken, één keer vragen",
                   "fr": "Chercher un accueil d'enfants, une seule demande",
                   "en": "Looking for childcare: ask once"},
    "home_intro": {
        "nl": "Zoek je opvang voor je baby of peuter? Vraag het één keer aan het lokaal loket. "
              "Alle opvanglocaties in de buurt horen het tegelijk, en jij volgt alles op één plek.",
        "fr": "Vous cherchez un accueil pour votre bébé ou bambin ? Faites une seule demande au guichet local. "
              "Tous les lieux d'accueil proches sont informés en même temps, et vous suivez tout au même endroit.",
        "en": "Looking for care for your baby or toddler? Ask the local desk once. Every childcare location "
              "nearby hears about it at the same time, and you follow everything in one place.",
    },
    "demo_accounts": {"nl": "Demo-accounts", "fr": "Comptes de démonstration", "en": "Demo accounts"},
    "demo_intro": {
        "nl": "Dit is een demo-omgeving. Meld je aan met een van deze accounts (wachtwoord: demo).",
        "fr": "Ceci est un environnement de démonstration. Connectez-vous avec un de ces comptes "
              "(mot de passe : demo).",
        "en": "This is a demo environment. Sign in with one of these accounts (password: demo).",
    },
    "role": {"nl": "Rol", "fr": "Rôle", "en": "Role"},
    "name": {"nl": "Naam", "fr": "Nom", "en": "Name"},
    "mailbox": {"nl": "Testmailbox", "fr": "Boîte mail de test", "en": "Dev mailbox"},
    "mailbox_empty": {"nl": "Nog geen berichten.", "fr": "Pas encore de messages.", "en": "No messages yet."},
    "from": {"nl": "Van", "fr": "De", "en": "From"},
    "to": {"nl": "Aan", "fr": "À", "en": "To"},
    "subject": {"nl": "Onderwerp", "fr": "Objet", "en": "Subject"},
    "date": {"nl": "Datum", "fr": "Date", "en": "Date"},
    "back": {"nl": "Terug", "fr": "Retour", "en": "Back"},
    "role_ouder": {"nl": "ouder", "fr": "parent", "en": "parent"},
    "role_toeleider": {"nl": "toeleider", "fr": "référent", "en": "referrer"},
    "role_loketmedewerker": {"nl": "loketmedewerker", "fr": "agent du guichet", "en": "desk worker"},
    "role_organisator": {"nl": "organisator", "fr": "organisateur", "en": "provider"},
    "role_hub": {"nl": "regionale partner", "fr": "partenaire régional", "en": "regional hub"},
    "role_operator": {"nl": "beheerder", "fr": "opérateur", "en": "operator"},
}


AREA_TEXTS: dict[str, dict[str, dict[str, str]]] = {}
AREA_FALLBACK: dict[str, dict[str, str]] = {}  # an area's words, for shared parts (the menu) on other pages


def add_texts(extra: dict[str, dict[str, str]], *, area: str | None = None) -> None:
    """Add a page area's words. Words shared by every page live in TEXTS; an area that wants its own
    wording for a common key ("email", "status") registers it under its area, so it never changes the
    words of another area's pages. Two global definitions with different words fail at import."""
    for key, values in extra.items():
        missing = set(LANGUAGES) - set(values)
        if missing:
            raise ValueError(f"portal text {key!r} lacks {sorted(missing)}")
        if area is not None:
            AREA_TEXTS.setdefault(area, {})[key] = values
            AREA_FALLBACK.setdefault(key, values)
            continue
        known = TEXTS.get(key)
        if known is not None and dict(known) != dict(values):
            raise ValueError(f"portal text {key!r} is defined twice with different words")
        TEXTS[key] = values


def page_language(request: Request) -> str:
    return negotiate(request.headers.get("accept-language"),
                     request.query_params.get("lang") or request.cookies.get(LANG_COOKIE))


def translator(lang: str, area: str | None = None):  # type: ignore[no-untyped-def]
    own = AREA_TEXTS.get(area or "", {})

    def t(key: str, **params: object) -> str:
        values = own.get(key) or TEXTS.get(key) or AREA_FALLBACK.get(key)
        if values is None:
            return key
        text = values.get(lang) or values["nl"]
        return text.format(**params) if params else text

    return t
