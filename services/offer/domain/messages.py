"""Offer's own user-facing message codes, in Dutch (first), French and English.

Imported once by the bootstrap (and by tests) so the codes exist before any request is served.
"""

from services.runtime.i18n import register_messages

register_messages({
    "unknown_municipality": {
        "nl": "Deze gemeente kennen we niet. Kies een Vlaamse of Brusselse gemeente (NIS-code).",
        "fr": "Nous ne connaissons pas cette commune. Choisissez une commune flamande ou bruxelloise (code INS).",
        "en": "We do not know this municipality. Choose a Flemish or Brussels municipality (NIS code).",
    },
    "age_range": {
        "nl": "De maximumleeftijd moet hoger zijn dan de minimumleeftijd.",
        "fr": "L'âge maximum doit être supérieur à l'âge minimum.",
        "en": "The maximum age must be higher than the minimum age.",
    },
    "coordinates_pair": {
        "nl": "Geef zowel de breedte als de lengte, of laat beide leeg.",
        "fr": "Indiquez la latitude et la longitude, ou laissez les deux vides.",
        "en": "Give both latitude and longitude, or leave both empty.",
    },
    "hours_order": {
        "nl": "Het sluitingsuur moet na het openingsuur liggen.",
        "fr": "L'heure de fermeture doit suivre l'heure d'ouverture.",
        "en": "Closing time must be after opening time.",
    },
    "hours_twice": {
        "nl": "Geef per weekdag maar één keer openingsuren.",
        "fr": "Indiquez une seule fois les heures d'ouverture par jour.",
        "en": "Give opening hours only once per weekday.",
    },
    "bad_hours": {
        "nl": "Schrijf de uren als 07:00-18:00, of laat leeg als de opvang die dag dicht is.",
        "fr": "Écrivez les heures comme 07:00-18:00, ou laissez vide si l'accueil est fermé ce jour-là.",
        "en": "Write the hours as 07:00-18:00, or leave empty when the location is closed that day.",
    },
    "bad_yes_no": {
        "nl": "Schrijf ja of nee.", "fr": "Écrivez oui ou non.", "en": "Write yes or no.",
    },
    "bad_language": {
        "nl": "Geef talen als codes van twee letters, bv. nl fr en.",
        "fr": "Indiquez les langues en codes de deux lettres, p. ex. nl fr en.",
        "en": "Give languages as two-letter codes, e.g. nl fr en.",
    },
    "bad_phone": {
        "nl": "Dit telefoonnummer klopt niet (cijfers, spaties, + en / zijn toegelaten).",
        "fr": "Ce numéro de téléphone n'est pas correct (chiffres, espaces, + et / sont permis).",
        "en": "This phone number is not right (digits, spaces, + and / are allowed).",
    },
    "bad_email": {
        "nl": "Dit e-mailadres klopt niet.", "fr": "Cette adresse e-mail n'est pas correcte.",
        "en": "This e-mail address is not right.",
    },
    "bad_website": {
        "nl": "Een website begint met https:// of http://.", "fr": "Un site web commence par https:// ou http://.",
        "en": "A website starts with https:// or http://.",
    },
    "bad_kbo": {
        "nl": "Dit ondernemingsnummer (KBO) klopt niet: tien cijfers met een geldig controlegetal.",
        "fr": "Ce numéro d'entreprise (BCE) n'est pas correct : dix chiffres avec un chiffre de contrôle valide.",
        "en": "This company number (KBO) is not right: ten digits with a valid check number.",
    },
    "kbo_taken": {
        "nl": "Er bestaat al een organisator met dit ondernemingsnummer.",
        "fr": "Un organisateur avec ce numéro d'entreprise existe déjà.",
        "en": "A provider with this company number already exists.",
    },
    "correction_negative": {
        "nl": "Een correctie vermindert het aantal vrije plaatsen: geef een negatief getal (bv. -2).",
        "fr": "Une correction réduit le nombre de places libres : indiquez un nombre négatif (p. ex. -2).",
        "en": "A correction lowers the number of free places: give a negative number (e.g. -2).",
    },
    "correction_period": {
        "nl": "De einddatum van de correctie mag niet voor de begindatum liggen.",
        "fr": "La date de fin de la correction ne peut pas précéder la date de début.",
        "en": "The end date of the correction cannot be before its start date.",
    },
    "correction_ended": {
        "nl": "Deze correctie is al afgelopen.", "fr": "Cette correction est déjà terminée.",
        "en": "This correction has already ended.",
    },
    "location_not_active": {
        "nl": "Deze opvanglocatie is gesloten of geschorst en kan zo niet gewijzigd worden.",
        "fr": "Ce lieu d'accueil est fermé ou suspendu et ne peut pas être modifié ainsi.",
        "en": "This childcare location is closed or suspended and cannot be changed like this.",
    },
    "not_suspended": {
        "nl": "Alleen een geschorste opvanglocatie kan opnieuw geopend worden.",
        "fr": "Seul un lieu d'accueil suspendu peut être rouvert.",
        "en": "Only a suspended childcare location can be reopened.",
    },
    "close_reason_provider": {
        "nl": "Als organisator kan je een locatie alleen stopzetten; schorsen of intrekken doet het loket.",
        "fr": "En tant qu'organisateur, vous pouvez seulement arrêter un lieu ; le guichet suspend ou retire.",
        "en": "As a provider you can only stop a location; the desk suspends or withdraws a licence.",
    },
    "ends_before_start": {
        "nl": "De laatste opvangdag kan niet voor de startdatum liggen.",
        "fr": "Le dernier jour d'accueil ne peut pas précéder la date de début.",
        "en": "The last day of care cannot be before the start date.",
    },
    "allocation_cancelled": {
        "nl": "Deze toewijzing werd geannuleerd.", "fr": "Cette attribution a été annulée.",
        "en": "This allocation was cancelled.",
    },
    "api_key_invalid": {
        "nl": "Deze API-sleutel is ongeldig, ingetrokken of verlopen.",
        "fr": "Cette clé API n'est pas valide, a été révoquée ou a expiré.",
        "en": "This API key is invalid, revoked or expired.",
    },
    "api_key_human_only": {
        "nl": "API-sleutels beheer je aangemeld als persoon, niet met een API-sleutel.",
        "fr": "Les clés API se gèrent en étant connecté comme personne, pas avec une clé API.",
        "en": "API keys are managed when signed in as a person, not with an API key.",
    },
    "api_key_revoked": {
        "nl": "Deze API-sleutel werd al ingetrokken.", "fr": "Cette clé API a déjà été révoquée.",
        "en": "This API key has already been revoked.",
    },
    "outside_key_scope": {
        "nl": "Deze API-sleutel geeft geen toegang tot deze opvanglocatie.",
        "fr": "Cette clé API ne donne pas accès à ce lieu d'accueil.",
        "en": "This API key does not give access to this childcare location.",
    },
    "file_too_large": {
        "nl": "Dit bestand is te groot (hoogstens {max}).", "fr": "Ce fichier est trop volumineux (au plus {max}).",
        "en": "This file is too large (at most {max}).",
    },
    "file_unreadable": {
        "nl": "We kunnen dit bestand niet lezen. Gebruik CSV (UTF-8) of XLSX met de kolommen uit de export.",
        "fr": "Nous ne pouvons pas lire ce fichier. Utilisez CSV (UTF-8) ou XLSX avec les colonnes de l'export.",
        "en": "We cannot read this file. Use CSV (UTF-8) or XLSX with the columns of the export.",
    },
    "missing_columns": {
        "nl": "Deze kolommen ontbreken: {columns}.", "fr": "Ces colonnes manquent : {columns}.",
        "en": "These columns are missing: {columns}.",
    },
    "too_many_rows": {
        "nl": "Te veel rijen (hoogstens {max}). Splits het bestand.",
        "fr": "Trop de lignes (au plus {max}). Divisez le fichier.",
        "en": "Too many rows (at most {max}). Split the file.",
    },
    "import_has_errors": {
        "nl": "Er werd niets ingelezen: {count} rij(en) bevatten fouten. Verbeter ze en probeer opnieuw.",
        "fr": "Rien n'a été importé : {count} ligne(s) contiennent des erreurs. Corrigez-les et réessayez.",
        "en": "Nothing was imported: {count} row(s) contain errors. Correct them and try again.",
    },
    "duplicate_in_file": {
        "nl": "Deze locatie staat meer dan één keer in het bestand.",
        "fr": "Ce lieu figure plus d'une fois dans le fichier.",
        "en": "This location appears more than once in the file.",
    },
    "external_ref_taken": {
        "nl": "Deze eigen referentie gebruik je al voor een andere opvanglocatie.",
        "fr": "Vous utilisez déjà cette référence propre pour un autre lieu d'accueil.",
        "en": "You already use this reference of your own for another childcare location.",
    },
    "unknown_location": {
        "nl": "Deze opvanglocatie kennen we niet bij jouw organisatie.",
        "fr": "Nous ne connaissons pas ce lieu d'accueil dans votre organisation.",
        "en": "We do not know this childcare location in your organisation.",
    },
    "no_desk_area": {
        "nl": "Deze opvanglocatie ligt niet in het werkingsgebied van jouw loket.",
        "fr": "Ce lieu d'accueil n'est pas dans la zone de votre guichet.",
        "en": "This childcare location is not in your desk's working area.",
    },
    "search_center_needed": {
        "nl": "Kies een gemeente om de afstand vanaf te rekenen.",
        "fr": "Choisissez une commune à partir de laquelle calculer la distance.",
        "en": "Choose a municipality to measure the distance from.",
    },
})
