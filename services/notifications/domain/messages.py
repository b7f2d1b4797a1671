"""Error texts of the notifications service in Dutch, French and English."""

from __future__ import annotations

from services.runtime.i18n import register_messages

register_messages({
    "channel_needed": {
        "nl": "Kies minstens één manier om meldingen te krijgen.",
        "fr": "Choisissez au moins une façon de recevoir les notifications.",
        "en": "Choose at least one way to receive notifications.",
    },
    "email_needed": {
        "nl": "Geef een e-mailadres om meldingen per e-mail te krijgen.",
        "fr": "Indiquez une adresse e-mail pour recevoir les notifications par e-mail.",
        "en": "Give an e-mail address to receive notifications by e-mail.",
    },
    "bad_email": {
        "nl": "Geef een geldig e-mailadres, bijvoorbeeld naam@organisatie.be.",
        "fr": "Indiquez une adresse e-mail valide, par exemple nom@organisation.be.",
        "en": "Give a valid e-mail address, for example name@organisation.be.",
    },
    "webhook_https": {
        "nl": "Een webhook-adres moet met https:// beginnen.",
        "fr": "Une adresse de webhook doit commencer par https://.",
        "en": "A webhook address must start with https://.",
    },
    "webhook_limit": {
        "nl": "U hebt al {max} webhooks. Verwijder er eerst een.",
        "fr": "Vous avez déjà {max} webhooks. Supprimez-en d'abord un.",
        "en": "You already have {max} webhooks. Remove one first.",
    },
    "provider_only": {
        "nl": "Alleen een organisator kan dit instellen.",
        "fr": "Seul un organisateur peut régler ceci.",
        "en": "Only a provider can set this.",
    },
    "filter_needed": {
        "nl": "Kies een opvangvraag of een organisator.",
        "fr": "Choisissez une demande ou un organisateur.",
        "en": "Choose a request or a provider.",
    },
    "letter_only": {
        "nl": "Dit is geen brief om af te drukken.",
        "fr": "Ceci n'est pas une lettre à imprimer.",
        "en": "This is not a letter to print.",
    },
})
