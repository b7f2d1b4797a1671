"""Matching's user-facing message codes, in Dutch, French and English (plain words)."""

from services.runtime.i18n import register_messages

register_messages({
    "request_not_open": {
        "nl": "Deze opvangvraag staat niet meer open.",
        "fr": "Cette demande d'accueil n'est plus ouverte.",
        "en": "This childcare request is no longer open.",
    },
    "not_distributed_to_location": {
        "nl": "Deze opvangvraag werd niet naar deze opvanglocatie gestuurd.",
        "fr": "Cette demande n'a pas été envoyée à ce lieu d'accueil.",
        "en": "This request was not sent to this childcare location.",
    },
    "location_inactive": {
        "nl": "Deze opvanglocatie is gesloten of geschorst.",
        "fr": "Ce lieu d'accueil est fermé ou suspendu.",
        "en": "This childcare location is closed or suspended.",
    },
    "not_your_location": {
        "nl": "Deze opvanglocatie hoort niet bij jouw organisatie.",
        "fr": "Ce lieu d'accueil n'appartient pas à votre organisation.",
        "en": "This childcare location does not belong to your organisation.",
    },
    "unknown_location": {
        "nl": "Deze opvanglocatie kennen we niet.", "fr": "Nous ne connaissons pas ce lieu d'accueil.",
        "en": "We do not know this childcare location.",
    },
    "already_proposed": {
        "nl": "Deze opvanglocatie heeft al een voorstel klaarstaan voor deze opvangvraag.",
        "fr": "Ce lieu d'accueil a déjà une proposition en attente pour cette demande.",
        "en": "This location already has a proposal waiting for this request.",
    },
    "proposal_too_early": {
        "nl": "Nog te vroeg: het loket laat voorstellen toe vanaf {date} ({months} maanden voor de gewenste start).",
        "fr": "Trop tôt : le guichet accepte les propositions à partir du {date} ({months} mois avant le début "
              "souhaité).",
        "en": "Too early: the desk allows proposals from {date} ({months} months before the wanted start).",
    },
    "start_in_past": {
        "nl": "De startdatum ligt in het verleden.", "fr": "La date de début est dans le passé.",
        "en": "The start date is in the past.",
    },
    "start_before_wanted": {
        "nl": "Kies een startdatum vanaf de gewenste startdatum ({date}).",
        "fr": "Choisissez une date de début à partir de la date souhaitée ({date}).",
        "en": "Choose a start date on or after the wanted start date ({date}).",
    },
    "age_out_of_range": {
        "nl": "Het kind heeft op die startdatum niet de leeftijd die deze opvanglocatie opvangt.",
        "fr": "À cette date, l'enfant n'a pas l'âge accueilli dans ce lieu.",
        "en": "On that start date the child is not of an age this location cares for.",
    },
    "no_free_capacity": {
        "nl": "Er is geen vrije plaats op deze dagen: {days}.",
        "fr": "Il n'y a pas de place libre ces jours-là : {days}.",
        "en": "There is no free place on these days: {days}.",
    },
    "proposal_not_pending": {
        "nl": "Op dit voorstel werd al geantwoord.", "fr": "Cette proposition a déjà reçu une réponse.",
        "en": "This proposal has already been answered.",
    },
    "proposal_expired": {
        "nl": "De antwoordtermijn van dit voorstel liep af op {date}.",
        "fr": "Le délai de réponse de cette proposition a expiré le {date}.",
        "en": "The time to answer this proposal ended on {date}.",
    },
    "deviation_not_accepted": {
        "nl": "Dit voorstel heeft andere dagen dan gevraagd. Bevestig dat je die afwijking aanvaardt.",
        "fr": "Cette proposition comporte d'autres jours que ceux demandés. Confirmez que vous acceptez cet écart.",
        "en": "This proposal has other days than you asked for. Confirm that you accept the difference.",
    },
    "policy_unknown": {
        "nl": "Het beleid van dit loket is nog niet gekend. Probeer het straks opnieuw.",
        "fr": "La politique de ce guichet n'est pas encore connue. Réessayez dans un moment.",
        "en": "This desk's policy is not known yet. Please try again shortly.",
    },
    "central_allocation_off": {
        "nl": "Dit loket wijst niet centraal toe: zet centrale toewijzing aan in het beleid.",
        "fr": "Ce guichet n'attribue pas de manière centrale : activez l'attribution centrale dans sa politique.",
        "en": "This desk does not allocate centrally: switch on central allocation in its policy.",
    },
    "round_not_draft": {
        "nl": "Deze toewijzingsronde werd al bevestigd.", "fr": "Ce tour d'attribution a déjà été confirmé.",
        "en": "This allocation round was already confirmed.",
    },
})
