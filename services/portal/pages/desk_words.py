"""Words for what the history and the access log record (codes in intake, words on the page)."""

from __future__ import annotations

from services.portal.i18n import add_texts
from services.portal.pages.parents_texts import T

ACTIONS = {
    "registered": T("geregistreerd", "enregistrée", "registered"),
    "merged_into": T("samengevoegd met een andere vraag", "fusionnée avec une autre demande", "merged into another"),
    "duplicate_merged": T("dubbele aanmelding samengevoegd", "doublon fusionné", "duplicate merged in"),
    "merge_undone": T("samenvoegen ongedaan gemaakt", "fusion annulée", "merge undone"),
    "duplicate_restored": T("dubbele aanmelding hersteld", "doublon rétabli", "duplicate restored"),
    "siblings": T("broer/zus gekoppeld", "frère/sœur lié", "sibling linked"),
    "preferences": T("voorkeuren aangepast", "préférences modifiées", "preferences changed"),
    "updated": T("vraag aangepast", "demande modifiée", "request changed"),
    "contact_updated": T("contactgegevens aangepast", "coordonnées modifiées", "contact details changed"),
    "flags": T("kenmerken aangepast", "caractéristiques modifiées", "flags changed"),
    "withdrawn": T("ingetrokken", "retirée", "withdrawn"),
    "reviewed": T("bekeken", "vue", "reviewed"),
    "erased": T("persoonsgegevens gewist", "données effacées", "personal data erased"),
    "open": T("terug open", "rouverte", "open again"),
    "allocated": T("plaats toegewezen", "place attribuée", "place allocated"),
    "detail": T("vraag bekeken", "demande consultée", "request viewed"),
    "contact": T("contactgegevens opgevraagd", "coordonnées consultées", "contact details fetched"),
    "worklist": T("in de werklijst", "dans la liste de travail", "in the worklist"),
    "search": T("gezocht", "recherche", "search"),
    "list": T("in een lijst", "dans une liste", "in a list"),
    "link": T("persoonlijke link gemaakt", "lien personnel créé", "personal link made"),
    "status": T("stand bekeken", "état consulté", "status viewed"),
    "withdraw": T("intrekken gevraagd", "retrait demandé", "withdrawal asked"),
    "update": T("aanpassing gevraagd", "modification demandée", "change asked"),
    "merge": T("samenvoegen gevraagd", "fusion demandée", "merge asked"),
    "unmerge": T("ontkoppelen gevraagd", "annulation de fusion demandée", "undo merge asked"),
    "erase": T("wissen gevraagd", "effacement demandé", "erasure asked"),
}
ROLES = {
    "family": T("het gezin", "la famille", "the family"),
    "service": T("een dienst van Opvangloket", "un service d'Opvangloket", "an Opvangloket service"),
    "system": T("automatisch", "automatique", "automatic"),
}

add_texts({f"action_{code}": words for code, words in ACTIONS.items()})
add_texts({f"actor_{code}": words for code, words in ROLES.items()})
add_texts({
    "mode_distance": T("in de buurt", "à proximité", "nearby"),
    "mode_municipalities": T("in gemeenten", "dans des communes", "in municipalities"),
    "mode_ranked": T("gekozen opvanglocaties", "lieux choisis", "chosen locations"),
    "col_municipality": T("Gemeente", "Commune", "Municipality"),
    "col_start": T("Start gewenst", "Début souhaité", "Wanted start"),
})
