"""Words of the provider and desk pages (offer, corrections, keys, sheets, closing): nl, fr, en."""

from __future__ import annotations

from services.portal.pages.providers_texts_search import _add

_add({
    "nav_offer": ("Mijn opvanglocaties", "Mes lieux d'accueil", "My locations"),
    "nav_allocations": ("Toewijzingen", "Attributions", "Allocations"),
    "nav_keys": ("API-sleutels", "Clés API", "API keys"),
    "nav_sheets": ("Importeren en exporteren", "Importer et exporter", "Import and export"),
    "nav_desk_locations": ("Opvanglocaties in ons gebied", "Lieux d'accueil de notre zone", "Locations in our area"),
    "offer_intro": ("Vrije plaatsen rekenen we zelf uit: erkende capaciteit min toewijzingen, plus jouw correcties. "
                    "Je hoeft ze niet in te tikken.",
                    "Nous calculons nous-mêmes les places libres : capacité autorisée moins attributions, plus vos "
                    "corrections. Vous ne devez rien encoder.",
                    "We work out free places ourselves: licensed capacity minus allocations, plus your corrections. "
                    "You do not type them in."),
    "new_location": ("Nieuwe opvanglocatie", "Nouveau lieu d'accueil", "New location"),
    "status_active": ("open", "ouvert", "open"), "status_suspended": ("geschorst", "suspendu", "suspended"),
    "status_closed": ("gesloten", "fermé", "closed"),
    "status": ("Toestand", "Statut", "Status"),
    "weekday": ("Dag", "Jour", "Day"),
    "licensed": ("Erkend", "Autorisées", "Licensed"), "allocated": ("Toegewezen", "Attribuées", "Allocated"),
    "corrected": ("Correctie", "Correction", "Correction"), "free": ("Vrij", "Libres", "Free"),
    "lasting": ("Blijvend vrij", "Libres durablement", "Lasting free"),
    "lasting_hint": ("Blijvend vrij: vrij vandaag én later, ook als er nog kinderen gaan starten.",
                     "Libres durablement : libres aujourd'hui et plus tard, même si des enfants vont encore arriver.",
                     "Lasting free: free today and later on, even with children still to start."),
    "later_changes": ("Wat verandert er later?", "Qu'est-ce qui change plus tard ?", "What changes later?"),
    "from_day": ("Vanaf {date}", "À partir du {date}", "From {date}"),
    "corrections": ("Correcties", "Corrections", "Corrections"),
    "correction_add": ("Correctie toevoegen", "Ajouter une correction", "Add a correction"),
    "places_fewer": ("Aantal plaatsen minder", "Nombre de places en moins", "Number of places fewer"),
    "places_fewer_hint": ("Bijvoorbeeld 2 als twee begeleiders ziek zijn.", "Par exemple 2 si deux accompagnateurs "
                          "sont malades.", "For example 2 when two carers are ill."),
    "reason": ("Reden", "Raison", "Reason"),
    "reason_staff_shortage": ("Personeelstekort", "Manque de personnel", "Staff shortage"),
    "reason_closed_group": ("Groep gesloten", "Groupe fermé", "Group closed"),
    "reason_placed_outside_desk": ("Kinderen geplaatst buiten het loket", "Enfants placés hors du guichet",
                                   "Children placed outside the desk"),
    "reason_other": ("Andere reden", "Autre raison", "Other reason"),
    "valid_from": ("Vanaf", "À partir du", "From"),
    "valid_until": ("Tot en met", "Jusqu'au", "Until"),
    "valid_until_hint": ("Leeg laten: tot je de correctie zelf beëindigt.", "Laisser vide : jusqu'à ce que vous "
                         "mettiez fin à la correction.", "Leave empty: until you end the correction yourself."),
    "note": ("Toelichting (optioneel)", "Explication (facultatif)", "Note (optional)"),
    "end": ("Beëindigen", "Terminer", "End"),
    "in_force": ("geldt nu", "en vigueur", "in force"), "planned": ("gepland", "prévue", "planned"),
    "ended": ("afgelopen", "terminée", "ended"),
    "until_further": ("tot je ze beëindigt", "jusqu'à ce que vous y mettiez fin", "until you end it"),
    "capacity_title": ("Erkende capaciteit per dag", "Capacité autorisée par jour", "Licensed capacity per day"),
    "save": ("Opslaan", "Enregistrer", "Save"), "saved": ("Opgeslagen.", "Enregistré.", "Saved."),
    "edit_location": ("Gegevens wijzigen", "Modifier les données", "Edit details"),
    "name_label": ("Naam", "Nom", "Name"),
    "external_ref": ("Eigen referentie (optioneel)", "Référence propre (facultatif)", "Your own reference (optional)"),
    "street": ("Straat en nummer", "Rue et numéro", "Street and number"),
    "postal_code": ("Postcode", "Code postal", "Postcode"), "city": ("Plaats", "Localité", "Town"),
    "age_min": ("Vanaf leeftijd (maanden)", "À partir de l'âge (mois)", "From age (months)"),
    "age_max": ("Tot leeftijd (maanden)", "Jusqu'à l'âge (mois)", "Up to age (months)"),
    "opens": ("open om", "ouvre à", "opens"), "closes": ("dicht om", "ferme à", "closes"),
    "atypical_label": ("Ruimere openingsmomenten (vroeg, laat, weekend)", "Horaires élargis (tôt, tard, week-end)",
                       "Extended hours (early, late, weekend)"),
    "atypical_note": ("Welke ruimere uren?", "Quels horaires élargis ?", "Which extended hours?"),
    "ikt_label": ("Inkomenstarief", "Tarif lié au revenu", "Income-related tariff"),
    "specific_label": ("Zorg voor kinderen met een specifieke zorgbehoefte",
                       "Accueil d'enfants avec un besoin de soins spécifique",
                       "Care for children with a specific care need"),
    "languages_hint": ("Codes van twee letters, bv. nl fr", "Codes de deux lettres, p. ex. nl fr",
                       "Two-letter codes, e.g. nl fr"),
    "coordinates": ("Coördinaten (optioneel): breedte en lengte", "Coordonnées (facultatif) : latitude et longitude",
                    "Coordinates (optional): latitude and longitude"),
    "coordinates_hint": ("Leeg: we gebruiken het centrum van de gemeente.",
                         "Vide : nous utilisons le centre de la commune.", "Empty: we use the municipality centre."),
    "desks": ("Loketten", "Guichets", "Desks"),
    "as_families_see": ("Zo zien gezinnen deze locatie", "Ce que voient les familles", "As families see it"),
    "keys_intro": ("Met een API-sleutel houdt je eigen planningssoftware je aanbod actueel, voor al je locaties en "
                   "alle loketten: niets dubbel intikken.",
                   "Avec une clé API, votre propre logiciel tient votre offre à jour, pour tous vos lieux et tous "
                   "les guichets : plus de double encodage.",
                   "With an API key your own planning software keeps your offer current, for all your locations and "
                   "every desk: no typing things twice."),
    "key_label": ("Naam van de sleutel", "Nom de la clé", "Name of the key"),
    "key_scope": ("Alleen voor deze locaties (niets aangevinkt: alle)",
                  "Seulement pour ces lieux (rien coché : tous)", "Only for these locations (none ticked: all)"),
    "key_create": ("Sleutel maken", "Créer une clé", "Create key"),
    "key_once": ("Kopieer deze sleutel nu. We tonen hem maar één keer en bewaren hem niet leesbaar.",
                 "Copiez cette clé maintenant. Nous ne l'affichons qu'une fois et ne la conservons pas lisible.",
                 "Copy this key now. We show it only once and do not keep it readable."),
    "key_rotate": ("Vervangen", "Remplacer", "Rotate"), "key_revoke": ("Intrekken", "Révoquer", "Revoke"),
    "key_rotate_hint": ("Vervangen maakt een nieuwe sleutel; de oude werkt nog 24 uur.",
                        "Remplacer crée une nouvelle clé ; l'ancienne fonctionne encore 24 heures.",
                        "Rotating makes a new key; the old one keeps working for 24 hours."),
    "key_usable": ("werkt", "active", "works"), "key_not_usable": ("werkt niet meer", "inactive", "no longer works"),
    "key_last_used": ("Laatst gebruikt", "Dernière utilisation", "Last used"), "never": ("nooit", "jamais", "never"),
    "key_expires": ("Werkt tot", "Active jusqu'au", "Works until"),
    "all_locations": ("alle locaties", "tous les lieux", "all locations"),
    "developer_guide": ("Handleiding voor ontwikkelaars: de API en een voorbeeldprogramma staan in de documentatie "
                        "(integration-guide).",
                        "Guide pour développeurs : l'API et un programme d'exemple sont dans la documentation "
                        "(integration-guide).",
                        "Developer guide: the API and an example program are in the documentation "
                        "(integration-guide)."),
    "sheets_intro": ("Download je locaties, pas ze aan in je rekenblad en lees ze weer in. Klopt één rij niet, dan "
                     "lezen we niets in en tonen we elke fout.",
                     "Téléchargez vos lieux, modifiez-les dans votre tableur et réimportez-les. Si une ligne est "
                     "incorrecte, nous n'importons rien et montrons chaque erreur.",
                     "Download your locations, edit them in your spreadsheet and read them in again. If one row is "
                     "wrong, we read in nothing and show every error."),
    "download_csv": ("Download CSV", "Télécharger CSV", "Download CSV"),
    "download_xlsx": ("Download Excel (XLSX)", "Télécharger Excel (XLSX)", "Download Excel (XLSX)"),
    "upload_label": ("Bestand (CSV of XLSX)", "Fichier (CSV ou XLSX)", "File (CSV or XLSX)"),
    "dry_run": ("Alleen controleren, nog niets opslaan", "Seulement vérifier, ne rien enregistrer",
                "Only check, save nothing yet"),
    "upload_button": ("Inlezen", "Importer", "Read in"),
    "import_done": ("Ingelezen: {created} nieuw, {updated} gewijzigd, {unchanged} ongewijzigd.",
                    "Importé : {created} nouveau(x), {updated} modifié(s), {unchanged} inchangé(s).",
                    "Read in: {created} new, {updated} changed, {unchanged} unchanged."),
    "import_checked": ("Gecontroleerd, niets opgeslagen: {created} nieuw, {updated} te wijzigen, {unchanged} "
                       "ongewijzigd.", "Vérifié, rien enregistré : {created} nouveau(x), {updated} à modifier, "
                       "{unchanged} inchangé(s).", "Checked, nothing saved: {created} new, {updated} to change, "
                       "{unchanged} unchanged."),
    "row": ("Rij", "Ligne", "Row"), "column": ("Kolom", "Colonne", "Column"), "problem": ("Probleem", "Problème",
                                                                                          "Problem"),
    "allocations_intro": ("Plaatsen die via het loket werden toegewezen. Geef de laatste opvangdag door zodra je "
                          "die kent: daarna telt de plaats weer als vrij.",
                          "Places attribuées via le guichet. Indiquez le dernier jour d'accueil dès que vous le "
                          "connaissez : ensuite la place redevient libre.",
                          "Places allocated through the desk. Give the last day of care as soon as you know it: "
                          "after it the place counts as free again."),
    "start": ("Start", "Début", "Start"), "days": ("Dagen", "Jours", "Days"),
    "last_day": ("Laatste opvangdag", "Dernier jour d'accueil", "Last day of care"),
    "confirm": ("Bevestigen", "Confirmer", "Confirm"), "confirmed": ("bevestigd", "confirmée", "confirmed"),
    "request": ("Vraag", "Demande", "Request"), "location": ("Locatie", "Lieu", "Location"),
    "none_yet": ("Nog geen.", "Pas encore.", "None yet."),
    "part_full": ("hele dag", "journée", "full day"), "part_morning": ("voormiddag", "matin", "morning"),
    "part_afternoon": ("namiddag", "après-midi", "afternoon"),
    "desk_locations_intro": ("Wordt een vergunning geschorst of ingetrokken? Sluit de locatie hier. De gezinnen "
                             "met een plaats daar krijgen dan opnieuw een dringende vraag.",
                             "Une autorisation est suspendue ou retirée ? Fermez le lieu ici. Les familles qui y ont "
                             "une place reçoivent alors à nouveau une demande urgente.",
                             "Is a licence suspended or withdrawn? Close the location here. Families with a place "
                             "there then get an urgent request again."),
    "reason_licence_suspended": ("Vergunning geschorst", "Autorisation suspendue", "Licence suspended"),
    "reason_licence_withdrawn": ("Vergunning ingetrokken", "Autorisation retirée", "Licence withdrawn"),
    "reason_stopped": ("Stopgezet", "Arrêté", "Stopped"),
    "closed_on": ("Vanaf", "À partir du", "From"),
    "close_button": ("Locatie sluiten", "Fermer le lieu", "Close location"),
    "reopen_button": ("Heropenen", "Rouvrir", "Reopen"),
    "closed_done": ("De locatie is gesloten. De betrokken vragen gaan opnieuw open.", "Le lieu est fermé. Les demandes "
                    "concernées sont rouvertes.", "The location is closed. The requests concerned are reopened."),
    "provider": ("Organisator", "Organisateur", "Provider"),
    "no_area_yet": ("Je werkingsgebied is nog niet gekend bij het aanbod.", "Votre zone n'est pas encore connue.",
                    "Your working area is not known to the offer yet."),
})
