"""The five category flags: who may set which, and which follow from the family's answers.

urgent is the desk's judgement (its policy says what counts as urgent); vulnerable family is set by
a desk worker or a referrer, and only with the family's consent; atypical hours, specific care need
and priority group follow from what the family tells (priority group under the rules in force).
"""

from __future__ import annotations

from collections.abc import Iterable

from contracts.types import CategoryFlags, Channel
from services.intake.domain.checks import Problem, needs_atypical_hours
from services.intake.domain.registration import RegisterRequest

PARENT, REFERRER, DESK, PROVIDER, SERVICE = "ouder", "toeleider", "loketmedewerker", "organisator", "service"
FLAG_NAMES = ("urgent", "atypical_hours", "priority_group", "vulnerable_family", "specific_care_need")

# flags a role may switch on or off by hand; the others are derived from answers
SETTABLE: dict[str, frozenset[str]] = {
    DESK: frozenset({"urgent", "vulnerable_family", "atypical_hours", "specific_care_need"}),
    REFERRER: frozenset({"vulnerable_family", "atypical_hours", "specific_care_need"}),
    SERVICE: frozenset(FLAG_NAMES) - {"priority_group"},
}
CHANNELS: dict[str | None, frozenset[Channel]] = {
    None: frozenset({Channel.ONLINE}),
    PARENT: frozenset({Channel.ONLINE}),
    REFERRER: frozenset({Channel.REFERRER}),
    DESK: frozenset({Channel.DESK, Channel.PHONE, Channel.ONLINE}),
    PROVIDER: frozenset({Channel.PROVIDER}),
    SERVICE: frozenset(Channel),
}


def default_channel(role: str | None) -> Channel:
    return {REFERRER: Channel.REFERRER, DESK: Channel.DESK, PROVIDER: Channel.PROVIDER}.get(role or "",
                                                                                         Channel.ONLINE)


def check_role(command: RegisterRequest, role: str | None) -> list[Problem]:
    """What this caller may not do: set the desk's flags, choose a channel, link an existing request."""
    problems = []
    if command.channel not in CHANNELS.get(role, frozenset()):
        problems.append(Problem("channel", "channel_not_allowed"))
    allowed = SETTABLE.get(role or "", frozenset())
    for name in ("urgent", "vulnerable_family"):
        if getattr(command.categories, name) and name not in allowed:
            problems.append(Problem(f"categories.{name}", "flag_not_allowed"))
    if command.categories.priority_group and not command.priority_answers:
        problems.append(Problem("priority_answers", "priority_answers_required"))
    if command.sibling_of and role not in (DESK, SERVICE):
        problems.append(Problem("sibling_of", "forbidden"))
    return problems


def priority_codes(answers: Iterable[str], rule_codes: Iterable[str]) -> tuple[str, ...]:
    """The answers that count under the rules in force (sorted, so the result is deterministic)."""
    rules = set(rule_codes)
    return tuple(sorted({a for a in answers if a in rules}))


def derive_flags(command: RegisterRequest, codes: tuple[str, ...]) -> CategoryFlags:
    return CategoryFlags(
        urgent=command.categories.urgent,
        atypical_hours=(command.atypical_hours_needed or command.categories.atypical_hours
                        or needs_atypical_hours(command.care_pattern)),
        priority_group=bool(codes),
        vulnerable_family=command.categories.vulnerable_family and command.vulnerability_consent,
        specific_care_need=command.specific_care_need or command.categories.specific_care_need,
    )


def changed_flags(before: CategoryFlags, after: CategoryFlags) -> dict[str, bool]:
    old, new = before.model_dump(), after.model_dump()
    return {name: new[name] for name in FLAG_NAMES if old[name] != new[name]}
