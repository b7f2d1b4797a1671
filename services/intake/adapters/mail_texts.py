"""The words of intake's mails to families, in Dutch, French and English. No names in subjects."""

from __future__ import annotations

TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "status_link": {
        "nl": ("Je opvangvraag is geregistreerd",
               "Dag,\n\nWe hebben je vraag naar kinderopvang goed ontvangen. Alle opvanglocaties in de buurt horen "
               "het tegelijk.\n\nVia deze persoonlijke link volg je je vraag, bekijk je voorstellen en geef je je "
               "antwoord:\n\n{url}\n\nDeel deze link met niemand. Kwijt? Vraag het lokaal loket om een nieuwe.\n\n"
               "Met vriendelijke groeten,\n{desk}"),
        "fr": ("Votre demande d'accueil est enregistrée",
               "Bonjour,\n\nNous avons bien reçu votre demande d'accueil. Tous les lieux d'accueil proches sont "
               "informés en même temps.\n\nAvec ce lien personnel, vous suivez votre demande, voyez les "
               "propositions et y répondez :\n\n{url}\n\nNe partagez ce lien avec personne. Perdu ? Demandez-en un "
               "nouveau au guichet local.\n\nCordialement,\n{desk}"),
        "en": ("Your childcare request is registered",
               "Hello,\n\nWe received your request for childcare. Every childcare location nearby hears about it "
               "at the same time.\n\nWith this personal link you follow your request, see proposals and answer "
               "them:\n\n{url}\n\nDo not share this link. Lost it? Ask the local desk for a new one.\n\n"
               "Kind regards,\n{desk}"),
    },
    "merged_link": {
        "nl": ("Je had al een opvangvraag voor dit kind",
               "Dag,\n\nJe meldde een kind aan dat al een open opvangvraag heeft. We voegden de nieuwe aanmelding "
               "bij die vraag: je hoeft maar één keer te vragen.\n\nVolg je vraag via deze persoonlijke link:\n\n"
               "{url}\n\nMet vriendelijke groeten,\n{desk}"),
        "fr": ("Vous aviez déjà une demande pour cet enfant",
               "Bonjour,\n\nVous avez inscrit un enfant qui a déjà une demande ouverte. Nous avons joint la "
               "nouvelle inscription à cette demande : une seule demande suffit.\n\nSuivez-la avec ce lien "
               "personnel :\n\n{url}\n\nCordialement,\n{desk}"),
        "en": ("You already had a request for this child",
               "Hello,\n\nYou registered a child who already has an open request. We added the new registration "
               "to that request: you only need to ask once.\n\nFollow it with this personal link:\n\n{url}\n\n"
               "Kind regards,\n{desk}"),
    },
}

TEXTS["link_handover"] = {
    "nl": ("Je persoonlijke link naar je opvangvraag",
           "Dag,\n\nHier is je persoonlijke link om je opvangvraag te volgen:\n\n{url}\n\n"
           "Met vriendelijke groeten,\n{desk}"),
    "fr": ("Votre lien personnel vers votre demande d'accueil",
           "Bonjour,\n\nVoici votre lien personnel pour suivre votre demande d'accueil :\n\n{url}\n\n"
           "Cordialement,\n{desk}"),
    "en": ("Your personal link to your childcare request",
           "Hello,\n\nHere is your personal link to follow your childcare request:\n\n{url}\n\nKind regards,\n{desk}"),
}


def compose(kind: str, language: str, url: str, desk: str) -> tuple[str, str]:
    texts = TEXTS[kind]
    subject, body = texts.get(language) or texts["nl"]
    return subject, body.format(url=url, desk=desk)
