"""The mail a provider gets when its desk shares the yearly report to Opgroeien (seed 003: the desk
shares what it reports with every provider of its working area).

The figures themselves stay behind the reporting API and the portal; the mail says where to read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from services.notifications.domain.provider_texts import LINES, format_date

SUBJECT = {"nl": "Jaarrapport {year} van het lokaal loket gedeeld",
           "fr": "Rapport annuel {year} du guichet local partagé",
           "en": "Local desk's yearly report {year} shared"}
INTRO = {"nl": "Het lokaal loket deelt zijn jaarrapport {year} aan Opgroeien met u (stand op {cutoff}).",
         "fr": "Le guichet local partage avec vous son rapport annuel {year} à Opgroeien (situation au {cutoff}).",
         "en": "The local desk shares its {year} yearly report to Opgroeien with you (status as of {cutoff})."}
WHERE = {"nl": "U leest en downloadt het (Excel, CSV) in het portaal: {portal}/rapporten/gedeeld",
         "fr": "Consultez-le et téléchargez-le (Excel, CSV) sur le portail : {portal}/rapporten/gedeeld",
         "en": "Read and download it (Excel, CSV) in the portal: {portal}/rapporten/gedeeld"}
API = {"nl": "Uw software haalt het op met haar eigen sleutel: {path}",
       "fr": "Votre logiciel le récupère avec sa propre clé : {path}",
       "en": "Your software fetches it with its own key: {path}"}


def report_shared_mail(details: Mapping[str, Any], lang: str, portal: str) -> tuple[str, str]:
    """(subject, plain-text body) in the provider's language (Dutch when unknown)."""
    lang = lang if lang in SUBJECT else "nl"
    year, cutoff = details.get("year", ""), format_date(details.get("cutoff"), lang)
    body = [INTRO[lang].format(year=year, cutoff=cutoff), "",
            WHERE[lang].format(portal=portal.rstrip("/")),
            API[lang].format(path=details.get("download_path", "")), "",
            LINES["footer"][lang]]
    return SUBJECT[lang].format(year=year), "\n".join(body)
