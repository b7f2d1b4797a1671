"""Intake's messages about follow-up, merges, policies and personal data, in nl, fr and en."""

from services.runtime.i18n import register_messages

register_messages({
    "desk_exists": {
        "nl": "Dit loket bestaat al. Er is niets gewijzigd.", "fr": "Ce guichet existe déjà. Rien n'a été modifié.",
        "en": "This desk already exists. Nothing was changed.",
    },
    "request_closed": {
        "nl": "Deze vraag is niet meer open ({state}). Er is niets gewijzigd.",
        "fr": "Cette demande n'est plus ouverte ({state}). Rien n'a été modifié.",
        "en": "This request is no longer open ({state}). Nothing was changed.",
    },
    "no_policy": {
        "nl": "Dit loket heeft nog geen beleid dat vandaag geldt.", "fr": "Ce guichet n'a pas de règles en vigueur.",
        "en": "This desk has no policy in force today.",
    },
    "sibling_unknown": {
        "nl": "Deze broer of zus vinden we niet bij dit loket.",
        "fr": "Nous ne trouvons pas ce frère ou cette sœur dans ce guichet.",
        "en": "We cannot find this brother or sister at this desk.",
    },
    "merge_not_possible": {
        "nl": "Samenvoegen kan alleen met een andere open vraag van hetzelfde loket.",
        "fr": "La fusion n'est possible qu'avec une autre demande ouverte du même guichet.",
        "en": "Merging is only possible with another open request of the same desk.",
    },
    "not_merged": {
        "nl": "Deze vraag is niet samengevoegd.", "fr": "Cette demande n'a pas été fusionnée.",
        "en": "This request was not merged.",
    },
    "erase_open_request": {
        "nl": "Een open vraag kan je niet wissen. Trek ze eerst in.",
        "fr": "Une demande ouverte ne peut pas être effacée. Retirez-la d'abord.",
        "en": "An open request cannot be erased. Withdraw it first.",
    },
    "already_erased": {
        "nl": "De persoonsgegevens van deze vraag zijn al gewist.",
        "fr": "Les données personnelles de cette demande sont déjà effacées.",
        "en": "The personal data of this request were already erased.",
    },
    "personal_data_erased": {
        "nl": "De persoonsgegevens van deze vraag zijn gewist.",
        "fr": "Les données personnelles de cette demande ont été effacées.",
        "en": "The personal data of this request were erased.",
    },
    "link_unavailable": {
        "nl": "De persoonlijke link kan nu niet gemaakt worden. Probeer het straks opnieuw.",
        "fr": "Le lien personnel ne peut pas être créé maintenant. Réessayez plus tard.",
        "en": "The personal link cannot be made right now. Please try again later.",
    },
    "recipients_unavailable": {
        "nl": "We kunnen nu niet nagaan of deze vraag naar jouw opvang ging. Probeer het straks opnieuw.",
        "fr": "Nous ne pouvons pas vérifier maintenant si cette demande a été envoyée à votre lieu d'accueil.",
        "en": "We cannot check right now whether this request was sent to your location. Try again later.",
    },
    "reminder_after_deadline": {
        "nl": "De herinnering moet vóór het einde van de antwoordtermijn vallen.",
        "fr": "Le rappel doit tomber avant la fin du délai de réponse.",
        "en": "The reminder must come before the end of the answer period.",
    },
    "policy_before_latest": {
        "nl": "Een nieuwe versie kan niet vroeger ingaan dan de laatste versie.",
        "fr": "Une nouvelle version ne peut pas commencer avant la dernière version.",
        "en": "A new version cannot start before the latest version.",
    },
    "duplicate_priority_rule": {
        "nl": "Elke voorrangsregel mag maar één keer voorkomen.",
        "fr": "Chaque règle de priorité ne peut apparaître qu'une fois.",
        "en": "Each priority rule may appear only once.",
    },
})
