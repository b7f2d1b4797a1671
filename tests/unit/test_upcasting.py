"""Upcasters turn old versions into the current one, step by step, and refuse gaps."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contracts.upcasters import UPCASTERS, upcast


@pytest.fixture
def steps() -> Iterator[None]:
    UPCASTERS[("Sample", 1)] = lambda d: {"days": [d["day"]]}
    UPCASTERS[("Sample", 2)] = lambda d: {**d, "version_note": "v3"}
    yield
    UPCASTERS.pop(("Sample", 1))
    UPCASTERS.pop(("Sample", 2))


def test_upcasts_through_every_step(steps: None) -> None:
    assert upcast("Sample", 1, {"day": "mon"}, 3) == {"days": ["mon"], "version_note": "v3"}


def test_current_version_is_untouched() -> None:
    assert upcast("Sample", 3, {"x": 1}, 3) == {"x": 1}


def test_missing_step_is_an_error() -> None:
    with pytest.raises(ValueError, match="no upcaster"):
        upcast("Unknown", 1, {}, 2)


def test_newer_than_understood_is_an_error() -> None:
    with pytest.raises(ValueError, match="newer"):
        upcast("Sample", 4, {}, 3)
