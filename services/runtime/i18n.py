"""Messages in the user's language: Dutch first, then French and English.

Errors carry a code; the text comes from this catalogue (or a service's own) in the language the
request asks for with ``Accept-Language`` or ``?lang=``.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("nl", "fr", "en")
DEFAULT_LANGUAGE = "nl"

MESSAGES: dict[str, dict[str, str]] = {
    "validation_failed": {
        "nl": "Sommige gegevens kloppen niet. Kijk de aangeduide velden na.",
        "fr": "Certaines données ne sont pas correctes. Vérifiez les champs indiqués.",
        "en": "Some details are not right. Please check the fields shown.",
    },
    "missing": {"nl": "Vul dit in.", "fr": "Veuillez remplir ce champ.", "en": "Please fill this in."},
    "too_short": {
        "nl": "Dit is te kort (minstens {min}).", "fr": "C'est trop court (au moins {min}).",
        "en": "This is too short (at least {min}).",
    },
    "too_long": {
        "nl": "Dit is te lang (hoogstens {max}).", "fr": "C'est trop long (au plus {max}).",
        "en": "This is too long (at most {max}).",
    },
    "bad_date": {
        "nl": "Geef een geldige datum (jjjj-mm-dd).", "fr": "Indiquez une date valide (aaaa-mm-jj).",
        "en": "Enter a valid date (yyyy-mm-dd).",
    },
    "bad_number": {"nl": "Geef een getal.", "fr": "Indiquez un nombre.", "en": "Enter a number."},
    "too_small": {
        "nl": "Dit moet minstens {min} zijn.", "fr": "La valeur doit être d'au moins {min}.",
        "en": "This must be at least {min}.",
    },
    "too_large": {
        "nl": "Dit mag hoogstens {max} zijn.", "fr": "La valeur doit être d'au plus {max}.",
        "en": "This must be at most {max}.",
    },
    "bad_choice": {
        "nl": "Kies een van de mogelijkheden.", "fr": "Choisissez une des possibilités.",
        "en": "Choose one of the options.",
    },
    "bad_format": {
        "nl": "Deze vorm klopt niet.", "fr": "Ce format n'est pas correct.", "en": "This format is not right.",
    },
    "local_time_expected": {
        "nl": "Geef een uur zonder tijdzone, bijvoorbeeld 07:30.",
        "fr": "Indiquez une heure sans fuseau horaire, par exemple 07:30.",
        "en": "Give a time without a time zone, for example 07:30.",
    },
    "bad_value": {"nl": "Deze waarde klopt niet.", "fr": "Cette valeur n'est pas correcte.",
                  "en": "This value is not right."},
    "unauthenticated": {
        "nl": "Meld je eerst aan.", "fr": "Veuillez d'abord vous connecter.", "en": "Please sign in first.",
    },
    "forbidden": {
        "nl": "Je hebt geen toegang tot deze gegevens.", "fr": "Vous n'avez pas accès à ces données.",
        "en": "You do not have access to this information.",
    },
    "not_found": {"nl": "Niet gevonden.", "fr": "Introuvable.", "en": "Not found."},
    "rate_limited": {
        "nl": "Te veel aanvragen na elkaar. Probeer het over {seconds} seconden opnieuw.",
        "fr": "Trop de demandes d'affilée. Réessayez dans {seconds} secondes.",
        "en": "Too many requests in a row. Please try again in {seconds} seconds.",
    },
    "idempotency_conflict": {
        "nl": "Deze aanvraag wordt al verwerkt. Wacht even en vernieuw de pagina.",
        "fr": "Cette demande est déjà en cours de traitement. Patientez puis actualisez la page.",
        "en": "This request is already being processed. Wait a moment and refresh the page.",
    },
    "idempotency_mismatch": {
        "nl": "Deze sleutel werd al gebruikt voor een andere aanvraag.",
        "fr": "Cette clé a déjà été utilisée pour une autre demande.",
        "en": "This key was already used for a different request.",
    },
    "internal_error": {
        "nl": "Er ging iets mis bij ons. Er is niets gewijzigd; probeer het later opnieuw.",
        "fr": "Une erreur s'est produite chez nous. Rien n'a été modifié ; réessayez plus tard.",
        "en": "Something went wrong on our side. Nothing was changed; please try again later.",
    },
}


def register_messages(extra: dict[str, dict[str, str]]) -> None:
    """A service adds its own codes (each with nl, fr and en)."""
    for code, texts in extra.items():
        missing = set(LANGUAGES) - set(texts)
        if missing:
            raise ValueError(f"message {code!r} lacks {sorted(missing)}")
        MESSAGES[code] = texts


def negotiate(accept_language: str | None, explicit: str | None = None) -> str:
    if explicit in LANGUAGES:
        return explicit  # type: ignore[return-value]
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGUAGES:
            return tag
    return DEFAULT_LANGUAGE


def translate(code: str, lang: str, **params: Any) -> str:
    texts = MESSAGES.get(code) or MESSAGES["bad_value"]
    text = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


PYDANTIC_TO_CODE = {
    "missing": "missing",
    "string_too_short": "too_short",
    "too_short": "too_short",
    "string_too_long": "too_long",
    "too_long": "too_long",
    "date_parsing": "bad_date",
    "date_from_datetime_parsing": "bad_date",
    "date_type": "bad_date",
    "datetime_parsing": "bad_date",
    "int_parsing": "bad_number",
    "float_parsing": "bad_number",
    "int_type": "bad_number",
    "greater_than_equal": "too_small",
    "greater_than": "too_small",
    "less_than_equal": "too_large",
    "less_than": "too_large",
    "literal_error": "bad_choice",
    "enum": "bad_choice",
    "string_pattern_mismatch": "bad_format",
}


def translate_validation_error(error: dict[str, Any], lang: str) -> dict[str, str]:
    """One pydantic error as {field, code, message} in *lang*."""
    ctx = error.get("ctx") or {}
    loc = [str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")]
    code = PYDANTIC_TO_CODE.get(error.get("type", ""), "bad_value")
    if error.get("type") == "value_error" and isinstance(ctx.get("error"), Exception):
        custom = str(ctx["error"])
        if custom in MESSAGES:
            code = custom
    params = {
        "min": ctx.get("min_length", ctx.get("ge", ctx.get("gt", ""))),
        "max": ctx.get("max_length", ctx.get("le", ctx.get("lt", ""))),
    }
    return {"field": ".".join(loc), "code": code, "message": translate(code, lang, **params)}
