"""Words of the request form and the family's status page: plain Dutch first, then French and English."""

from __future__ import annotations

from services.portal.i18n import add_texts


def T(nl: str, fr: str, en: str) -> dict[str, str]:  # noqa: N802 - reads like a table
    return {"nl": nl, "fr": fr, "en": en}


add_texts({
    "ask_care": T("Opvang aanvragen", "Demander un accueil", "Ask for childcare"),
    "form_intro": T("Vul dit één keer in. Alle opvanglocaties in de buurt krijgen je vraag tegelijk. "
                    "Velden met * zijn nodig.",
                    "Remplissez ceci une seule fois. Tous les lieux d'accueil proches reçoivent votre demande en "
                    "même temps. Les champs avec * sont obligatoires.",
                    "Fill this in once. Every childcare location nearby gets your request at the same time. "
                    "Fields with * are needed."),
    "errors_title": T("Kijk deze punten na", "Vérifiez ces points", "Please check these points"),
    "sec_child": T("Je kind", "Votre enfant", "Your child"),
    "first_name": T("Voornaam", "Prénom", "First name"),
    "last_name": T("Achternaam", "Nom", "Last name"),
    "birth_date": T("Geboortedatum", "Date de naissance", "Birth date"),
    "birth_expected": T("Mijn kindje is nog niet geboren: dit is de verwachte datum",
                        "Mon enfant n'est pas encore né : c'est la date prévue",
                        "My baby is not born yet: this is the expected date"),
    "first_name_hint": T("Nog niet geboren? Dan mag dit leeg blijven.", "Pas encore né ? Laissez vide.",
                         "Not born yet? You may leave this empty."),
    "national_number": T("Rijksregisternummer (als je het hebt)", "Numéro de registre national (si vous l'avez)",
                         "National register number (if you have it)"),
    "national_number_hint": T("11 cijfers, op de achterkant van de identiteitskaart of de kids-ID.",
                              "11 chiffres, au dos de la carte d'identité ou de la Kids-ID.",
                              "11 digits, on the back of the identity card or Kids-ID."),
    "sec_sibling": T("Nog een kind aanmelden (broer of zus, tweeling)?",
                     "Inscrire un autre enfant (frère, sœur, jumeau) ?",
                     "Register another child (brother, sister, twin)?"),
    "sibling_hint": T("Elk kind krijgt een eigen vraag. Laat leeg als er geen tweede kind is.",
                      "Chaque enfant a sa propre demande. Laissez vide s'il n'y a pas de deuxième enfant.",
                      "Each child gets its own request. Leave empty if there is no second child."),
    "second_child": T("Tweede kind", "Deuxième enfant", "Second child"),
    "together": T("Ik wil dat mijn kinderen samen in dezelfde opvang gaan", "Je veux que mes enfants soient "
                  "accueillis ensemble au même endroit", "I want my children in the same place together"),
    "sec_parents": T("Ouders", "Parents", "Parents"),
    "parent_n": T("Ouder {n}", "Parent {n}", "Parent {n}"),
    "sec_contact": T("Hoe kan het loket je bereiken?", "Comment le guichet peut-il vous joindre ?",
                     "How can the desk reach you?"),
    "contact_hint": T("Geef minstens één: e-mail, telefoon of adres. Met een e-mailadres krijg je een "
                      "persoonlijke link om alles te volgen.",
                      "Indiquez au moins un moyen : e-mail, téléphone ou adresse. Avec un e-mail, vous recevez "
                      "un lien personnel pour tout suivre.",
                      "Give at least one: e-mail, phone or address. With an e-mail address you get a personal "
                      "link to follow everything."),
    "email": T("E-mailadres", "Adresse e-mail", "E-mail address"),
    "phone": T("Telefoonnummer", "Numéro de téléphone", "Phone number"),
    "street": T("Straat", "Rue", "Street"),
    "house_number": T("Huisnummer (en bus)", "Numéro (et boîte)", "House number"),
    "postcode": T("Postcode", "Code postal", "Postcode"),
    "city": T("Gemeente of stad", "Commune ou ville", "Town or city"),
    "preferred_contact": T("Liefst via", "De préférence par", "Preferably by"),
    "by_email": T("e-mail", "e-mail", "e-mail"),
    "by_phone": T("telefoon", "téléphone", "phone"),
    "by_post": T("brief", "courrier", "letter"),
    "mail_language": T("Taal van berichten", "Langue des messages", "Language of messages"),
    "sec_care": T("Welke opvang zoek je?", "Quel accueil cherchez-vous ?", "What care are you looking for?"),
    "home_nis": T("Je woonplaats (gemeente)", "Votre commune de résidence", "Where you live (municipality)"),
    "choose": T("Kies…", "Choisissez…", "Choose…"),
    "wanted_start": T("Vanaf wanneer?", "À partir de quand ?", "From when?"),
    "care_days": T("Op welke dagen?", "Quels jours ?", "On which days?"),
    "care_days_hint": T("Kies per dag: geen, een hele dag of een halve dag. Uren mag je leeg laten.",
                        "Choisissez par jour : rien, une journée ou une demi-journée. Les heures sont facultatives.",
                        "Choose per day: none, a full day or half a day. Times are optional."),
    "part_none": T("geen opvang", "pas d'accueil", "no care"),
    "part_full": T("hele dag", "journée entière", "full day"),
    "part_morning": T("voormiddag", "matin", "morning"),
    "part_afternoon": T("namiddag", "après-midi", "afternoon"),
    "from_time": T("brengen om", "arrivée à", "drop-off at"),
    "to_time": T("ophalen om", "départ à", "pick-up at"),
    "day_mon": T("maandag", "lundi", "Monday"), "day_tue": T("dinsdag", "mardi", "Tuesday"),
    "day_wed": T("woensdag", "mercredi", "Wednesday"), "day_thu": T("donderdag", "jeudi", "Thursday"),
    "day_fri": T("vrijdag", "vendredi", "Friday"), "day_sat": T("zaterdag", "samedi", "Saturday"),
    "day_sun": T("zondag", "dimanche", "Sunday"),
    "atypical": T("Ik heb opvang nodig buiten de gewone uren (vroeg, laat, weekend)",
                  "J'ai besoin d'accueil en dehors des heures habituelles (tôt, tard, week-end)",
                  "I need care outside usual hours (early, late, weekend)"),
    "specific_care": T("Mijn kind heeft een specifieke zorgbehoefte", "Mon enfant a un besoin de soins spécifique",
                       "My child has a specific care need"),
    "ikt": T("Ik wil een prijs volgens mijn inkomen (inkomenstarief)",
             "Je souhaite un tarif selon mes revenus (tarif lié aux revenus)",
             "I want a price based on my income (income-related tariff)"),
    "sec_where": T("Waar mag de opvang zijn?", "Où peut être l'accueil ?", "Where may the care be?"),
    "pref_distance": T("In de buurt: hoogstens zoveel km van thuis", "À proximité : au plus à tant de km",
                       "Nearby: at most this many km from home"),
    "km": T("kilometer", "kilomètres", "kilometres"),
    "pref_municipalities": T("In deze gemeenten", "Dans ces communes", "In these municipalities"),
    "pref_ranked": T("In deze opvanglocaties (eerste keuze eerst)", "Dans ces lieux d'accueil (premier choix "
                     "d'abord)", "In these locations (first choice first)"),
    "choice_n": T("Keuze {n}", "Choix {n}", "Choice {n}"),
    "sec_priority": T("Voorrang (als het voor jou geldt)", "Priorité (si elle s'applique)",
                      "Priority (if it applies to you)"),
    "priority_hint": T("Sommige gezinnen krijgen voorrang volgens de regels van het loket. Duid aan wat klopt.",
                       "Certaines familles sont prioritaires selon les règles du guichet. Cochez ce qui est vrai.",
                       "Some families get priority under the desk's rules. Tick what is true."),
    "prio_work_related": T("Wij werken of volgen een opleiding", "Nous travaillons ou suivons une formation",
                           "We work or follow a training"),
    "prio_single_parent": T("Ik ben een alleenstaande ouder", "Je suis parent seul", "I am a single parent"),
    "prio_low_income": T("Wij hebben een laag inkomen", "Nous avons un revenu faible", "We have a low income"),
    "prio_foster_child": T("Het is een pleegkind", "C'est un enfant placé en famille d'accueil",
                           "It is a foster child"),
    "prio_sibling_present": T("Een broer of zus gaat al naar die opvang", "Un frère ou une sœur y est déjà accueilli",
                              "A brother or sister already goes there"),
    "sworn": T("Ik verklaar op eer dat deze antwoorden kloppen", "Je déclare sur l'honneur que ces réponses sont "
               "exactes", "I declare on my honour that these answers are true"),
    "sec_consent": T("Toestemming", "Consentement", "Consent"),
    "consent": T("Het lokaal loket mag deze gegevens bewaren en delen met opvanglocaties om opvang te vinden. "
                 "Namen en contactgegevens krijgt alleen een opvang die je vraag ontving.",
                 "Le guichet local peut conserver ces données et les partager avec des lieux d'accueil pour "
                 "trouver une place. Noms et coordonnées ne vont qu'au lieu d'accueil qui a reçu la demande.",
                 "The local desk may keep these details and share them with childcare locations to find care. "
                 "Names and contact details only go to a location that received your request."),
    "send": T("Vraag versturen", "Envoyer la demande", "Send request"),
    "optional": T("(niet verplicht)", "(facultatif)", "(optional)"),
})
