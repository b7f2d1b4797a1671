"""Page areas were merged into one table of words, and one area's "E-mail" silently renamed another's
field label (a parent form lost its "E-mailadres" label). Each area now keeps its own wording."""

from __future__ import annotations

import pytest

import services.portal.bootstrap  # noqa: F401 - imports every page area and its words
from services.portal.i18n import TEXTS, add_texts, translator


def test_every_area_can_be_loaded_without_two_global_meanings_for_one_key() -> None:
    assert translator("nl")("email") == "E-mailadres"
    assert translator("fr")("errors_title") == "Vérifiez ces points"


def test_an_area_keeps_its_own_words_without_changing_other_pages() -> None:
    assert translator("nl", "providers")("email") == "E-mail"
    assert translator("nl", "parents")("email") == "E-mailadres"


def test_words_only_an_area_has_still_reach_the_shared_menu() -> None:
    assert translator("nl", "home")("nav_search") != "nav_search"


def test_a_second_global_meaning_for_a_key_is_refused() -> None:
    with pytest.raises(ValueError, match="defined twice"):
        add_texts({"email": {"nl": "Mail", "fr": "Mail", "en": "Mail"}})
    assert TEXTS["email"]["nl"] == "E-mailadres"


def test_a_text_without_every_language_is_refused() -> None:
    with pytest.raises(ValueError, match="lacks"):
        add_texts({"new_key_only_dutch": {"nl": "Alleen Nederlands"}})
