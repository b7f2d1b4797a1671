"""The test clock keeps its offset over a restart when told where; identity's extra accounts file."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from services.identity.accounts import find_account
from services.runtime.clock import SettableClock


def test_a_restarted_service_gets_the_simulated_time_back(tmp_path: Path) -> None:
    store = tmp_path / "clock" / "matching.json"
    before = SettableClock()
    before.persist_to(store)
    before.set(datetime(2028, 3, 1, 9, 0, tzinfo=UTC))
    after = SettableClock()  # the process after SIGKILL and restart
    after.persist_to(store)
    assert abs(after.now() - before.now()) < timedelta(seconds=5)
    assert after.today().isoformat() == "2028-03-01"


def test_without_a_store_the_clock_starts_on_today() -> None:
    assert SettableClock().today() == datetime.now(UTC).date()


def test_extra_accounts_outside_production(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "accounts.json"
    monkeypatch.setenv("IDENTITY_ACCOUNTS_FILE", str(path))
    monkeypatch.setenv("ENV", "test")
    assert find_account("sim.loket.1") is None, "no file yet"
    path.write_text(json.dumps([{"username": "sim.loket.1", "name": "Loket", "role": "loketmedewerker",
                                 "desk_ids": ["d1"]}]))
    found = find_account("sim.loket.1")
    assert found is not None and found.desk_ids == ("d1",) and found.role == "loketmedewerker"
    assert find_account("ouder") is not None, "demo accounts stay"
    monkeypatch.setenv("ENV", "prod")
    assert find_account("sim.loket.1") is None, "never in production"
