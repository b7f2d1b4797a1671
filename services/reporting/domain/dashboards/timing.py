"""How fast families and providers are answered: registration to first proposal, and providers'
answers against the period agreed in the desk's policy (working days, Belgian holidays off)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from services.reporting.domain.calendar import BRUSSELS, working_days_between
from services.reporting.domain.dashboards.chart import Chart, Series, median
from services.reporting.domain.facts import Fact, FactKind
from services.reporting.domain.policy import PolicyVersion, policy_in_force
from services.reporting.domain.state import fold_all

PROPOSAL_BUCKETS = ((0, 7, "0-7"), (8, 14, "8-14"), (15, 30, "15-30"), (31, 60, "31-60"), (61, 90, "61-90"),
                    (91, 180, "91-180"), (181, 10**6, "181+"))
RESPONSE_BUCKETS = 11  # 0 .. 10 working days, then "11+"


def time_to_first_proposal(facts: Sequence[Fact], as_of: datetime, registered_from: datetime) -> Chart:
    """Days from registration to the first proposal, for requests registered in the window."""
    days: list[float] = []
    waiting = 0
    for state in fold_all(facts, as_of).values():
        if not state.counts or state.registered_at is None or state.registered_at < registered_from:
            continue
        if state.first_proposal_at is None:
            waiting += int(state.open)
            continue
        days.append(max((state.first_proposal_at - state.registered_at).total_seconds() / 86400, 0.0))
    counts = [sum(1 for d in days if low <= int(d) <= high) for low, high, _ in PROPOSAL_BUCKETS]
    return Chart("time_to_first_proposal", "bar", [label for _, _, label in PROPOSAL_BUCKETS],
                 [Series("requests", [float(c) for c in counts])],
                 {"median_days": median(days), "with_proposal": len(days), "waiting": waiting})


def _local(moment: datetime) -> datetime:
    return moment.astimezone(BRUSSELS)


def response_times(facts: Sequence[Fact], policies: Sequence[PolicyVersion], as_of: datetime) -> Chart:
    """Providers' answers by working days after the distribution, on time or late."""
    distributions: dict[tuple[str, str], list[datetime]] = {}
    for fact in facts:
        if fact.kind is FactKind.DISTRIBUTED and fact.at < as_of:
            for recipient in fact.recipients:
                distributions.setdefault((fact.request_id, recipient.location_id), []).append(fact.at)
    on_time = [0] * (RESPONSE_BUCKETS + 1)
    late = [0] * (RESPONSE_BUCKETS + 1)
    for fact in facts:
        if fact.kind is not FactKind.RESPONDED or fact.at >= as_of or not fact.location_id:
            continue
        sent = [t for t in distributions.get((fact.request_id, fact.location_id), []) if t <= fact.at]
        if not sent:
            continue
        start = _local(max(sent)).date()
        policy = policy_in_force(policies, start)
        agreed = policy.provider_response_days if policy else 5
        flemish = policy.count_flemish_holiday if policy else True
        used = working_days_between(start, _local(fact.at).date(), flemish_holiday=flemish)
        target = on_time if used <= agreed else late
        target[min(used, RESPONSE_BUCKETS)] += 1
    overdue = sum(1 for f in facts if f.kind is FactKind.OVERDUE and f.at < as_of)
    answered = sum(on_time) + sum(late)
    current = policy_in_force(policies, _local(as_of).date())
    labels = [str(i) for i in range(RESPONSE_BUCKETS)] + [f"{RESPONSE_BUCKETS}+"]
    return Chart("response_times", "stacked", labels,
                 [Series("on_time", [float(v) for v in on_time]), Series("late", [float(v) for v in late])],
                 {"agreed_days": current.provider_response_days if current else None, "answered": answered,
                  "on_time_share": round(sum(on_time) / answered, 3) if answered else None,
                  "escalated": overdue})
