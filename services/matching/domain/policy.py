"""Desk policies are versioned by date: which version judges what.

* Priority rules and quotas judge a request by the version in force at its *registration*
  (the ``policy_version`` in its snapshot; SPEC section 6: the rules changed on 1 April 2024 and
  were annulled on 30 April 2025).
* Procedure (answer periods, earliest-answer window, distribution mode, working area) follows
  the version in force on the day of the action.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from contracts.events.intake import DeskPolicyChanged


@dataclass
class PolicyBook:
    """Every known policy version of one desk."""

    desk_id: str
    versions: dict[int, DeskPolicyChanged] = field(default_factory=dict)

    @classmethod
    def of(cls, desk_id: str, policies: Iterable[DeskPolicyChanged]) -> PolicyBook:
        book = cls(desk_id)
        for policy in policies:
            book.versions[policy.version] = policy
        return book

    def in_force_on(self, day: date) -> DeskPolicyChanged | None:
        """The highest version whose valid_from is on or before *day* (else the earliest one)."""
        valid = [p for p in self.versions.values() if p.valid_from <= day]
        if valid:
            return max(valid, key=lambda p: (p.valid_from, p.version))
        if self.versions:
            return min(self.versions.values(), key=lambda p: (p.valid_from, p.version))
        return None

    def for_registration(self, policy_version: int, registered_on: date) -> DeskPolicyChanged | None:
        """The version named in the request's snapshot; by date when that version is unknown."""
        return self.versions.get(policy_version) or self.in_force_on(registered_on)


def priority_score(policy: DeskPolicyChanged | None, codes: Iterable[str]) -> int:
    """Sum of the weights of the priority rules the family meets under *policy*."""
    if policy is None:
        return 0
    weights: dict[str, int] = {rule.code: rule.weight for rule in policy.priority_rules}
    return sum(weights.get(code, 0) for code in set(codes))


def quota_applies(policy: DeskPolicyChanged | None) -> bool:
    """A vulnerable family benefits from the quota only if its registration-time rules had one."""
    return policy is not None and policy.vulnerable_quota_percent > 0
