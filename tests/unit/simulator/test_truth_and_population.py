"""The simulator's own report (SPEC §5 computed from its ground truth) and its seeded population."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from infra.simulator.population import MEDIUM, REDUCED, generate
from infra.simulator.registration import expected_flags
from infra.simulator.truth import (
    Allocation,
    ChildRequest,
    GroundTruth,
    columns_of,
    differences,
    expected_report,
)

DESK = "desk-1"
AREA = ("44021", "44013")


def request(rid: str = "r1", *, start: date = date(2028, 1, 31), home: str = "44021", proposals: int = 0,
            allocated: tuple[date, float] | None = None, withdrawn: bool = False, days: float = 4.0,
            flags: tuple[str, ...] = ()) -> ChildRequest:
    made = ChildRequest(rid, "f1", DESK, home, start, days, set(flags), [f"p{i}" for i in range(proposals)],
                        withdrawn=withdrawn)
    if allocated:
        made.allocation = Allocation("p0", "l1", allocated[0], allocated[1])
    return made


@pytest.mark.parametrize(("case", "expected"), [
    (request(), ["unique", "unanswered_without_proposal"]),
    (request(proposals=2), ["unique", "unanswered_with_proposal"]),
    (request(proposals=1, withdrawn=True), ["unique"]),
    (request(proposals=1, allocated=(date(2028, 1, 31), 4.0)), ["unique"]),
    (request(proposals=1, allocated=(date(2028, 2, 29), 4.0)), ["unique", "partial_later_start"]),  # 31 Jan + 1 month
    (request(proposals=1, allocated=(date(2028, 2, 28), 4.0)), ["unique"]),
    (request(proposals=1, allocated=(date(2028, 1, 31), 3.5)), ["unique", "partial_fewer_days"]),
    (request(proposals=1, allocated=(date(2028, 3, 1), 3.0)), ["unique", "partial_later_start", "partial_fewer_days"]),
])
def test_columns_of_one_request(case: ChildRequest, expected: list[str]) -> None:
    assert columns_of(case) == expected


def test_rows_outside_total_and_categories() -> None:
    truth = GroundTruth()
    truth.add(request("a", flags=("urgent", "vulnerable_family")))
    truth.add(request("b", home="24062", proposals=1))  # lives outside the working area
    truth.add(request("c", start=date(2029, 1, 2)))  # another year
    other = request("d")
    other.desk_id = "desk-2"
    truth.add(other)
    rows = expected_report(truth, DESK, 2028, AREA)
    assert set(rows) == {"44021", "44013", "outside", "total"}
    assert rows["44021"]["unique"] == {"total": 1, "urgent": 1, "atypical_hours": 0, "priority_group": 0,
                                       "vulnerable_family": 1, "specific_care_need": 0}
    assert rows["outside"]["unanswered_with_proposal"]["total"] == 1
    assert rows["total"]["unique"]["total"] == 2 and rows["44013"]["unique"]["total"] == 0


def test_differences_name_each_cell() -> None:
    truth = GroundTruth()
    truth.add(request("a"))
    expected = expected_report(truth, DESK, 2028, AREA)
    exported = expected_report(GroundTruth(), DESK, 2028, AREA)
    assert differences(expected, expected) == []
    assert differences(expected, exported) == [
        "44021 unique total: expected 1, exported 0", "44021 unanswered_without_proposal total: expected 1, exported 0",
        "total unique total: expected 1, exported 0", "total unanswered_without_proposal total: expected 1, exported 0"]


def test_one_seed_is_one_population() -> None:
    assert generate(REDUCED, seed=7) == generate(REDUCED, seed=7)
    assert generate(REDUCED, seed=7) != generate(REDUCED, seed=8)


def test_the_reduced_and_medium_scales() -> None:
    reduced = generate(replace(REDUCED, families=100), seed=2028)
    assert len(reduced.desks) == 1 and len(reduced.families) == 100
    assert reduced.cutoff == date(2029, 2, 28)
    medium = generate(MEDIUM, seed=2028)
    assert len(medium.families) == 3000 and len({loc.nis_code for loc in medium.locations}) == 12
    leads = sorted((f.wanted_start - f.registered_on).days for f in medium.families)
    share = sum(183 <= d <= 274 for d in leads) / len(leads)
    assert 0.7 < share < 0.85, "most families register 6 to 9 months before the wanted start"
    assert all(f.registered_on < f.wanted_start and f.birth_date <= f.wanted_start for f in medium.families)
    urgent = [f for f in medium.families if f.urgent]
    assert urgent and all(f.by_desk and "urgent" in expected_flags(f) for f in urgent)


def test_a_mail_delivered_again_is_explained_only_by_a_crash_of_notifications() -> None:
    from infra.simulator.checks import SEND_CONCURRENCY, Findings

    clean = Findings(mails=10)
    assert clean.ok and clean.resends_explained
    without_crash = Findings(mails=10, duplicate_notifications=["<a@notifications.opvangloket>"])
    assert not without_crash.resends_explained and not without_crash.ok
    in_flight = [f"<{i}@notifications.opvangloket>" for i in range(SEND_CONCURRENCY)]
    after_one_kill = Findings(mails=10, duplicate_notifications=in_flight, notifications_kills=1)
    assert after_one_kill.resends_explained and after_one_kill.ok
    too_many = Findings(mails=10, duplicate_notifications=[*in_flight, "<x@notifications.opvangloket>"],
                        notifications_kills=1)
    assert not too_many.ok
