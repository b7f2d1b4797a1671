"""Words of the confirmation, the family's status page and the referrer's pages (nl, fr, en)."""

from __future__ import annotations

from services.portal.i18n import add_texts
from services.portal.pages.parents_texts import T

add_texts({
    "thanks_title": T("Je vraag is verstuurd", "Votre demande est envoyée", "Your request was sent"),
    "thanks_body": T("Alle opvanglocaties die passen, horen het nu tegelijk. Je krijgt een voorstel zodra een "
                     "opvang een plaats heeft.", "Tous les lieux d'accueil qui conviennent sont informés en même "
                     "temps. Vous recevrez une proposition dès qu'une place est libre.",
                     "Every fitting location hears about it now, at the same time. You get a proposal as soon as "
                     "a location has a place."),
    "thanks_mail": T("We stuurden je een e-mail met je persoonlijke link.", "Nous vous avons envoyé un e-mail avec "
                     "votre lien personnel.", "We sent you an e-mail with your personal link."),
    "thanks_link": T("Bewaar deze persoonlijke link om je vraag te volgen:", "Gardez ce lien personnel pour suivre "
                     "votre demande :", "Keep this personal link to follow your request:"),
    "merged_title": T("Je had al een vraag voor dit kind", "Vous aviez déjà une demande pour cet enfant",
                      "You already had a request for this child"),
    "merged_body": T("Je hoeft maar één keer te vragen. We voegden deze aanmelding bij je bestaande vraag. Wie "
                     "die vraag deed, krijgt de link opnieuw per e-mail.", "Une seule demande suffit. Nous avons "
                     "joint cette inscription à votre demande existante. Son auteur reçoit à nouveau le lien par "
                     "e-mail.", "You only need to ask once. We added this registration to your existing request. "
                     "Whoever made it gets the link again by e-mail."),
    "my_request": T("Mijn opvangvraag", "Ma demande d'accueil", "My childcare request"),
    "link_invalid": T("Deze link werkt niet (meer). Vraag het lokaal loket om een nieuwe link.",
                      "Ce lien ne fonctionne pas (ou plus). Demandez un nouveau lien au guichet local.",
                      "This link does not work (any more). Ask the local desk for a new link."),
    "for_child": T("Voor {name}", "Pour {name}", "For {name}"),
    "step_registered": T("Geregistreerd", "Enregistrée", "Registered"),
    "step_sent": T("Verstuurd naar opvanglocaties", "Envoyée aux lieux d'accueil", "Sent to locations"),
    "step_proposal": T("Voorstel", "Proposition", "Proposal"),
    "step_allocated": T("Plaats toegewezen", "Place attribuée", "Place allocated"),
    "status_open": T("open: we zoeken", "ouverte : nous cherchons", "open: we are looking"),
    "status_allocated": T("plaats toegewezen", "place attribuée", "place allocated"),
    "status_withdrawn": T("ingetrokken", "retirée", "withdrawn"),
    "status_merged": T("samengevoegd", "fusionnée", "merged"),
    "proposals": T("Voorstellen", "Propositions", "Proposals"),
    "no_proposals": T("Nog geen voorstel. Je krijgt bericht zodra er een is.", "Pas encore de proposition. Vous "
                      "serez prévenu.", "No proposal yet. You will hear as soon as there is one."),
    "proposals_unavailable": T("De voorstellen kunnen nu niet getoond worden. Probeer het straks opnieuw.",
                               "Les propositions ne peuvent pas être affichées maintenant. Réessayez plus tard.",
                               "Proposals cannot be shown right now. Please try again later."),
    "location": T("Opvanglocatie", "Lieu d'accueil", "Location"),
    "start_date": T("Start", "Début", "Start"),
    "answer_before": T("Antwoord vóór", "Répondre avant", "Answer before"),
    "proposal_pending": T("wacht op je antwoord", "attend votre réponse", "waiting for your answer"),
    "proposal_accepted": T("aanvaard", "acceptée", "accepted"),
    "proposal_declined": T("geweigerd", "refusée", "declined"),
    "proposal_expired": T("verlopen", "expirée", "expired"),
    "proposal_withdrawn": T("ingetrokken", "retirée", "withdrawn"),
    "partial_later": T("Let op: later dan je vroeg.", "Attention : plus tard que demandé.",
                       "Note: later than you asked."),
    "partial_fewer": T("Let op: minder dagen dan je vroeg.", "Attention : moins de jours que demandé.",
                       "Note: fewer days than you asked."),
    "accept_deviation": T("Ik aanvaard dit toch", "J'accepte quand même", "I accept this anyway"),
    "accept": T("Aanvaarden", "Accepter", "Accept"),
    "decline": T("Weigeren", "Refuser", "Decline"),
    "reason": T("Reden", "Raison", "Reason"),
    "decline_too_far": T("te ver", "trop loin", "too far"), "decline_wrong_days": T("verkeerde dagen",
                                                                                     "mauvais jours", "wrong days"),
    "decline_too_late": T("te laat", "trop tard", "too late"), "decline_too_expensive": T("te duur", "trop cher",
                                                                                           "too expensive"),
    "decline_found_elsewhere": T("elders opvang gevonden", "accueil trouvé ailleurs", "found care elsewhere"),
    "decline_no_longer_needed": T("niet meer nodig", "plus nécessaire", "no longer needed"),
    "decline_other": T("andere reden", "autre raison", "other reason"),
    "withdraw_moved": T("verhuisd", "déménagé", "moved"),
    "accepted_notice": T("Je aanvaardde het voorstel. De opvang neemt contact op.", "Vous avez accepté la "
                         "proposition. Le lieu d'accueil vous contactera.", "You accepted the proposal. The "
                         "location will contact you."),
    "declined_notice": T("Je weigerde het voorstel. We zoeken verder.", "Vous avez refusé la proposition. Nous "
                         "continuons à chercher.", "You declined the proposal. We keep looking."),
    "saved_notice": T("Opgeslagen.", "Enregistré.", "Saved."),
    "change_where": T("Waar mag de opvang zijn? Aanpassen", "Où peut être l'accueil ? Modifier",
                      "Where may the care be? Change"),
    "save": T("Opslaan", "Enregistrer", "Save"),
    "withdraw_title": T("Geen opvang meer nodig?", "Plus besoin d'accueil ?", "No longer need care?"),
    "withdraw": T("Vraag intrekken", "Retirer la demande", "Withdraw request"),
    "withdrawn_notice": T("Je vraag is ingetrokken.", "Votre demande est retirée.", "Your request is withdrawn."),
    "service_unavailable": T("Dit lukt nu even niet. Er is niets gewijzigd; probeer het straks opnieuw.",
                             "Cela ne fonctionne pas pour le moment. Rien n'a changé ; réessayez plus tard.",
                             "This does not work right now. Nothing changed; please try again later."),
    "referrer_title": T("Aanmeldingen voor gezinnen", "Inscriptions pour des familles", "Registrations for families"),
    "referrer_new": T("Een gezin aanmelden", "Inscrire une famille", "Register a family"),
    "referrer_intro": T("Meld een gezin aan dat zelf geen e-mail heeft: een telefoonnummer of adres volstaat.",
                        "Inscrivez une famille sans e-mail : un téléphone ou une adresse suffit.",
                        "Register a family that has no e-mail: a phone number or address is enough."),
    "vulnerable": T("Kwetsbaar gezin", "Famille vulnérable", "Vulnerable family"),
    "vulnerability_consent": T("Het gezin gaf toestemming om dit aan te duiden",
                               "La famille a donné son accord pour l'indiquer",
                               "The family agreed to have this marked"),
    "hand_over": T("Persoonlijke link voor het gezin", "Lien personnel pour la famille",
                   "Personal link for the family"),
    "hand_over_hint": T("Druk deze link af of geef hem door: het gezin volgt er zijn vraag mee.",
                        "Imprimez ce lien ou transmettez-le : la famille suit sa demande avec.",
                        "Print this link or pass it on: the family follows its request with it."),
    "make_link": T("Maak een link", "Créer un lien", "Make a link"),
    "none_yet": T("Nog geen aanmeldingen.", "Pas encore d'inscriptions.", "No registrations yet."),
    "child": T("Kind", "Enfant", "Child"),
    "lost_link": T("Persoonlijke link kwijt?", "Lien personnel perdu ?", "Lost your personal link?"),
    "lost_link_intro": T("Geef het e-mailadres dat je bij je aanvraag gaf. Is het bij ons bekend, dan krijg je de "
                         "link opnieuw.", "Indiquez l'adresse e-mail donnée lors de la demande. Si elle est connue, "
                         "vous recevez à nouveau le lien.", "Give the e-mail address of your request. If we know "
                         "it, you get the link again."),
    "lost_link_sent": T("Is dit adres bij ons bekend, dan staat de link zo in je mailbox.", "Si cette adresse est "
                        "connue, le lien arrive bientôt dans votre boîte mail.", "If we know this address, the link "
                        "is on its way to your mailbox."),
    "send_link": T("Stuur mijn link", "Envoyer mon lien", "Send my link"),
    "open_status": T("Mijn vraag bekijken", "Voir ma demande", "See my request"),
    "change_or_withdraw": T("Voorkeuren aanpassen of vraag intrekken", "Modifier les préférences ou retirer la "
                            "demande", "Change preferences or withdraw the request"),
    "no_care_days": T("Kies minstens één dag waarop je opvang nodig hebt.", "Choisissez au moins un jour "
                      "d'accueil.", "Choose at least one day you need care."),
    "status": T("Stand", "État", "Status"),
    "registered_on": T("Aangemeld op", "Inscrite le", "Registered on"),
})
