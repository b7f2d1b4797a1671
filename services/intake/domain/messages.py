"""Intake's messages about a registration, in plain Dutch, French and English."""

from services.runtime.i18n import register_messages

register_messages({
    "unknown_municipality": {
        "nl": "Deze gemeente kennen we niet. Kies een Vlaamse of Brusselse gemeente.",
        "fr": "Nous ne connaissons pas cette commune. Choisissez une commune flamande ou bruxelloise.",
        "en": "We do not know this municipality. Choose a Flemish or Brussels municipality.",
    },
    "contact_required": {
        "nl": "Geef een e-mailadres, een telefoonnummer of een adres, zodat het loket je kan bereiken.",
        "fr": "Indiquez une adresse e-mail, un numéro de téléphone ou une adresse postale pour que le guichet "
              "puisse vous joindre.",
        "en": "Give an e-mail address, a phone number or a postal address so the desk can reach you.",
    },
    "preferred_contact_missing": {
        "nl": "Je koos een manier om je te bereiken, maar vulde die gegevens niet in.",
        "fr": "Vous avez choisi un moyen de contact sans en donner les coordonnées.",
        "en": "You chose a way to reach you but did not fill in those details.",
    },
    "no_desk": {
        "nl": "Er is (nog) geen lokaal loket voor deze gemeente in Opvangloket.",
        "fr": "Il n'y a pas (encore) de guichet local pour cette commune dans Opvangloket.",
        "en": "There is no local desk for this municipality in Opvangloket (yet).",
    },
    "bad_national_number": {
        "nl": "Dit rijksregisternummer klopt niet. Kijk de 11 cijfers na (of laat het leeg).",
        "fr": "Ce numéro de registre national n'est pas correct. Vérifiez les 11 chiffres (ou laissez vide).",
        "en": "This national register number is not right. Check the 11 digits (or leave it empty).",
    },
    "national_number_birth_mismatch": {
        "nl": "Het rijksregisternummer past niet bij de geboortedatum.",
        "fr": "Le numéro de registre national ne correspond pas à la date de naissance.",
        "en": "The national register number does not match the birth date.",
    },
    "bad_email": {
        "nl": "Dit e-mailadres klopt niet. Bijvoorbeeld: naam@voorbeeld.be.",
        "fr": "Cette adresse e-mail n'est pas correcte. Par exemple : nom@exemple.be.",
        "en": "This e-mail address is not right. For example: name@example.be.",
    },
    "bad_phone": {
        "nl": "Dit telefoonnummer klopt niet. Bijvoorbeeld: 0475 12 34 56.",
        "fr": "Ce numéro de téléphone n'est pas correct. Par exemple : 0475 12 34 56.",
        "en": "This phone number is not right. For example: 0475 12 34 56.",
    },
    "consent_required": {
        "nl": "Zonder je toestemming kunnen we je vraag niet bewaren. Vink het vakje aan.",
        "fr": "Sans votre accord, nous ne pouvons pas enregistrer votre demande. Cochez la case.",
        "en": "Without your consent we cannot keep your request. Tick the box.",
    },
    "expected_birth_range": {
        "nl": "De verwachte geboortedatum moet binnen de komende 10 maanden liggen.",
        "fr": "La date de naissance prévue doit se situer dans les 10 prochains mois.",
        "en": "The expected birth date must be within the next 10 months.",
    },
    "birth_in_future": {
        "nl": "Deze geboortedatum ligt in de toekomst. Is je kindje nog niet geboren? Kies dan 'verwacht'.",
        "fr": "Cette date de naissance est dans le futur. L'enfant n'est pas encore né ? Choisissez « prévue ».",
        "en": "This birth date is in the future. Not born yet? Then choose 'expected'.",
    },
    "child_too_old": {
        "nl": "Opvang voor baby's en peuters is er tot de kleuterschool. Dit kind is te oud.",
        "fr": "L'accueil des bébés et bambins s'arrête à l'école maternelle. Cet enfant est trop âgé.",
        "en": "Care for babies and toddlers lasts until nursery school. This child is too old.",
    },
    "start_in_past": {
        "nl": "De startdatum ligt in het verleden. Kies vandaag of later.",
        "fr": "La date de début est passée. Choisissez aujourd'hui ou plus tard.",
        "en": "The start date is in the past. Choose today or later.",
    },
    "start_before_birth": {
        "nl": "De opvang kan pas starten na de geboorte.",
        "fr": "L'accueil ne peut commencer qu'après la naissance.",
        "en": "Care can only start after the birth.",
    },
    "start_too_far": {
        "nl": "Deze startdatum ligt meer dan 3 jaar ver. Kies een vroegere datum.",
        "fr": "Cette date de début est à plus de 3 ans. Choisissez une date plus proche.",
        "en": "This start date is more than 3 years away. Choose an earlier date.",
    },
    "duplicate_weekday": {
        "nl": "Elke dag mag maar één keer voorkomen.",
        "fr": "Chaque jour ne peut apparaître qu'une fois.", "en": "Each day may appear only once.",
    },
    "bad_hours": {
        "nl": "Het uur van ophalen moet na het uur van brengen liggen.",
        "fr": "L'heure de reprise doit être après l'heure d'arrivée.",
        "en": "The pick-up time must be after the drop-off time.",
    },
    "no_care_days": {
        "nl": "Kies minstens één dag waarop je opvang nodig hebt.",
        "fr": "Choisissez au moins un jour d'accueil.", "en": "Choose at least one day you need care.",
    },
    "preferences_empty": {
        "nl": "Kies minstens één opvanglocatie.", "fr": "Choisissez au moins un lieu d'accueil.",
        "en": "Choose at least one childcare location.",
    },
    "too_many_preferences": {
        "nl": "Je kan hoogstens {max} opvanglocaties kiezen.", "fr": "Vous pouvez choisir au plus {max} lieux.",
        "en": "You can choose at most {max} locations.",
    },
    "duplicate_preference": {
        "nl": "Je koos dezelfde opvanglocatie twee keer.", "fr": "Vous avez choisi deux fois le même lieu.",
        "en": "You chose the same location twice.",
    },
    "distance_required": {
        "nl": "Hoe ver mag de opvang zijn? Geef een aantal kilometer.",
        "fr": "À quelle distance maximum ? Indiquez un nombre de kilomètres.",
        "en": "How far may the care be? Give a number of kilometres.",
    },
    "municipalities_required": {
        "nl": "Kies minstens één gemeente.", "fr": "Choisissez au moins une commune.",
        "en": "Choose at least one municipality.",
    },
    "priority_not_sworn": {
        "nl": "Bevestig dat je antwoorden over voorrang kloppen (verklaring op eer).",
        "fr": "Confirmez sur l'honneur que vos réponses sur la priorité sont exactes.",
        "en": "Confirm that your priority answers are true (sworn statement).",
    },
    "priority_answers_required": {
        "nl": "Voorrang volgt uit de antwoorden op de voorrangsvragen.",
        "fr": "La priorité découle des réponses aux questions de priorité.",
        "en": "Priority follows from the answers to the priority questions.",
    },
    "vulnerability_consent_required": {
        "nl": "Een kwetsbaar gezin aanduiden mag alleen met toestemming van het gezin.",
        "fr": "Indiquer une famille vulnérable n'est possible qu'avec l'accord de la famille.",
        "en": "Marking a vulnerable family needs the family's consent.",
    },
    "no_siblings": {
        "nl": "Samen plaatsen kan alleen als je ook een broer of zus aanmeldt.",
        "fr": "Placer ensemble n'est possible que si vous inscrivez aussi un frère ou une sœur.",
        "en": "Placing together needs a brother or sister in the request.",
    },
    "channel_not_allowed": {
        "nl": "Dit kanaal kan je niet kiezen.", "fr": "Vous ne pouvez pas choisir ce canal.",
        "en": "You cannot choose this channel.",
    },
    "flag_not_allowed": {
        "nl": "Dit kenmerk kan alleen het loket aanduiden.",
        "fr": "Seul le guichet peut indiquer cette caractéristique.", "en": "Only the desk can set this flag.",
    },
})
