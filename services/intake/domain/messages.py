"""Intake's own user-facing message codes, in Dutch, French and English."""

from services.runtime.i18n import register_messages

register_messages({
    "unknown_municipality": {
        "nl": "Deze gemeente kennen we niet. Kies een Vlaamse of Brusselse gemeente.",
        "fr": "Nous ne connaissons pas cette commune. Choisissez une commune flamande ou bruxelloise.",
        "en": "We do not know this municipality. Choose a Flemish or Brussels municipality.",
    },
    "contact_required": {
        "nl": "Geef een e-mailadres of een telefoonnummer, zodat het loket je kan bereiken.",
        "fr": "Indiquez une adresse e-mail ou un numéro de téléphone pour que le guichet puisse vous joindre.",
        "en": "Give an e-mail address or a phone number so the desk can reach you.",
    },
    "no_desk": {
        "nl": "Er is (nog) geen lokaal loket voor deze gemeente in Opvangloket.",
        "fr": "Il n'y a pas (encore) de guichet local pour cette commune dans Opvangloket.",
        "en": "There is no local desk for this municipality in Opvangloket (yet).",
    },
})
