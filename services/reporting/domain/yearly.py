"""The yearly report to Opgroeien: one row per municipality of the working area, one row for
families from outside it, and a total; each column split by the five categories (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from contracts import municipalities
from services.reporting.domain.columns import CATEGORIES, COLUMNS, columns_of
from services.reporting.domain.state import RequestState

OUTSIDE = "outside"
TOTAL = "total"

Counts = dict[str, dict[str, int]]  # column -> {"total": n, "<category>": n, ...}


def empty_counts() -> Counts:
    return {column.value: {"total": 0, **dict.fromkeys(CATEGORIES, 0)} for column in COLUMNS}


@dataclass(frozen=True)
class ReportRow:
    key: str  # a NIS code, OUTSIDE or TOTAL
    counts: Counts

    @property
    def nis_code(self) -> str | None:
        return self.key if self.key not in (OUTSIDE, TOTAL) else None

    def name(self, lang: str = "nl") -> str:
        if self.key == OUTSIDE:
            return {"nl": "Buiten het werkingsgebied", "fr": "Hors de la zone d'activité",
                    "en": "Outside the working area"}[lang]
        if self.key == TOTAL:
            return {"nl": "Totaal", "fr": "Total", "en": "Total"}[lang]
        found = municipalities.get(self.key)
        return found.name(lang) if found else self.key


@dataclass(frozen=True)
class YearlyReport:
    desk_id: str
    year: int
    cutoff: date
    working_area: tuple[str, ...]
    rows: tuple[ReportRow, ...]  # municipalities of the working area, then OUTSIDE
    total: ReportRow

    def row(self, key: str) -> ReportRow:
        if key == TOTAL:
            return self.total
        return next(r for r in self.rows if r.key == key)


def _name_key(nis: str) -> tuple[str, str]:
    found = municipalities.get(nis)
    return (found.name_nl if found else "~", nis)


def build_yearly_report(
    *, desk_id: str, year: int, cutoff: date, working_area: Iterable[str], states: Iterable[RequestState],
) -> YearlyReport:
    """Count *states* (already folded as of the cut-off) into the form's rows and columns.

    With a known working area every municipality of it gets a row, even with zeros (the form
    lists them); without one (no desk policy seen yet) the request's own flag decides.
    """
    area = tuple(sorted({municipalities.current_code(n) or n for n in working_area}, key=_name_key))
    counts: dict[str, Counts] = {nis: empty_counts() for nis in area}
    counts[OUTSIDE] = empty_counts()
    total = empty_counts()
    for state in states:
        if state.info is None or state.info.desk_id != desk_id:
            continue
        found = columns_of(state, year)
        if not found:
            continue
        home = municipalities.current_code(state.info.home_nis) or state.info.home_nis
        inside = home in counts if area else state.info.in_working_area
        key = home if inside else OUTSIDE
        row = counts.setdefault(key, empty_counts())
        categories = state.category_names()
        for column in found:
            for target in (row, total):
                cell = target[column.value]
                cell["total"] += 1
                for category in categories:
                    cell[category] += 1
    keys = sorted((k for k in counts if k != OUTSIDE), key=_name_key)
    rows = tuple(ReportRow(key, counts[key]) for key in [*keys, OUTSIDE])
    return YearlyReport(desk_id=desk_id, year=year, cutoff=cutoff, working_area=area, rows=rows,
                        total=ReportRow(TOTAL, total))
