"""Pages of the offer area (issue 4): search for families, the provider's own offer and tools, and the
desk's list of locations to close. One router made of small modules, one purpose each."""

from __future__ import annotations

from fastapi import APIRouter

import services.portal.pages.providers_texts_offer  # noqa: F401 - registers the words (nl, fr, en)
import services.portal.pages.providers_texts_search  # noqa: F401
from services.portal.pages import providers_desk, providers_form, providers_offer, providers_search, providers_tools

router = APIRouter()
for part in (providers_search, providers_form, providers_offer, providers_tools, providers_desk):
    router.include_router(part.router)
