"""The words of Opgroeien's form (Dutch, as the form is) and their French and English versions."""

from __future__ import annotations

COLUMN_LABELS: dict[str, dict[str, str]] = {
    "unique": {
        "nl": "Totaal aantal unieke opvangvragen bij het lokaal loket met als oorspronkelijke startdatum "
              "het jaar {year}",
        "fr": "Nombre total de demandes uniques au guichet local dont la date de début initiale tombe en {year}",
        "en": "Total unique requests at the local desk with an original start date in {year}",
    },
    "unanswered_without_proposal": {
        "nl": "Aantal onbeantwoorde opvangvragen zonder opvangvoorstel",
        "fr": "Nombre de demandes sans réponse et sans proposition",
        "en": "Unanswered requests without a proposal",
    },
    "unanswered_with_proposal": {
        "nl": "Aantal onbeantwoorde opvangvragen met een opvangvoorstel dat niet aanvaard werd door het gezin",
        "fr": "Nombre de demandes sans réponse avec une proposition que la famille n'a pas acceptée",
        "en": "Unanswered requests with a proposal the family did not accept",
    },
    "partial_later_start": {
        "nl": "Deels onbeantwoord: minstens 1 maand later gestart",
        "fr": "Réponse partielle : début au moins 1 mois plus tard",
        "en": "Partly answered: started at least 1 month later",
    },
    "partial_fewer_days": {
        "nl": "Deels onbeantwoord: minder opvangdagen dan gevraagd",
        "fr": "Réponse partielle : moins de jours d'accueil que demandé",
        "en": "Partly answered: fewer days of care than asked",
    },
}

SHORT_COLUMN_LABELS: dict[str, dict[str, str]] = {
    "unique": {"nl": "Unieke vragen", "fr": "Demandes uniques", "en": "Unique requests"},
    "unanswered_without_proposal": {"nl": "Onbeantwoord, zonder voorstel", "fr": "Sans réponse ni proposition",
                                    "en": "Unanswered, no proposal"},
    "unanswered_with_proposal": {"nl": "Onbeantwoord, voorstel niet aanvaard",
                                 "fr": "Sans réponse, proposition non acceptée",
                                 "en": "Unanswered, proposal not accepted"},
    "partial_later_start": {"nl": "Minstens 1 maand later gestart", "fr": "Début au moins 1 mois plus tard",
                            "en": "Started 1 month or more later"},
    "partial_fewer_days": {"nl": "Minder opvangdagen dan gevraagd", "fr": "Moins de jours que demandé",
                           "en": "Fewer days than asked"},
}

CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "urgent": {"nl": "dringend", "fr": "urgent", "en": "urgent"},
    "atypical_hours": {"nl": "atypische openingsmomenten", "fr": "horaires atypiques", "en": "atypical hours"},
    "priority_group": {"nl": "voorrangsgroepen", "fr": "groupes prioritaires", "en": "priority groups"},
    "vulnerable_family": {"nl": "kwetsbare gezinnen", "fr": "familles vulnérables", "en": "vulnerable families"},
    "specific_care_need": {"nl": "specifieke zorgbehoefte", "fr": "besoins de soins spécifiques",
                           "en": "specific care needs"},
}

PARTIAL_GROUP = {
    "nl": "Aantal deels onbeantwoorde opvangvragen met een opvangvoorstel dat aanvaard werd door het gezin, "
          "maar afwijkt van de oorspronkelijke vraag",
    "fr": "Nombre de demandes partiellement satisfaites : proposition acceptée par la famille, mais différente "
          "de la demande initiale",
    "en": "Partly answered requests: a proposal the family accepted that differs from the original request",
}


def column_label(column: str, lang: str = "nl", year: int | None = None) -> str:
    return COLUMN_LABELS[column][lang].format(year=year if year is not None else "")


def category_label(category: str, lang: str = "nl") -> str:
    return CATEGORY_LABELS[category][lang]
