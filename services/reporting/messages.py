"""Reporting's own user-facing message codes, in Dutch, French and English."""

from services.runtime.i18n import register_messages

register_messages({
    "cutoff_before_year": {
        "nl": "De peildatum moet in of na het rapportjaar liggen.",
        "fr": "La date de référence doit tomber pendant ou après l'année du rapport.",
        "en": "The cut-off date must be in or after the year of the report.",
    },
    "desk_required": {
        "nl": "Kies het loket waarvoor je de cijfers wilt zien.",
        "fr": "Choisissez le guichet dont vous voulez voir les chiffres.",
        "en": "Choose the desk whose figures you want to see.",
    },
    "rebuild_running": {
        "nl": "De cijfers worden net opnieuw opgebouwd. Probeer het over een paar minuten opnieuw.",
        "fr": "Les chiffres sont en cours de reconstruction. Réessayez dans quelques minutes.",
        "en": "The figures are being rebuilt right now. Please try again in a few minutes.",
    },
    "no_providers": {
        "nl": "Er zijn (nog) geen organisatoren met een opvanglocatie in dit werkingsgebied.",
        "fr": "Il n'y a pas (encore) d'organisateurs avec un lieu d'accueil dans cette zone.",
        "en": "There are no providers with a childcare location in this working area (yet).",
    },
})
