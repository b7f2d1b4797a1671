"""The exports carry the same figures as the report, in the form's layout, and equal facts give
equal bytes (a rebuilt projection must produce byte-identical files)."""

from __future__ import annotations

import csv
import io
import json
import random

from openpyxl import load_workbook

from services.reporting.domain.calendar import default_cutoff, end_of_day
from services.reporting.domain.state import fold_all
from services.reporting.domain.yearly import YearlyReport, build_yearly_report
from services.reporting.exports.csv_export import to_csv
from services.reporting.exports.json_export import to_json
from services.reporting.exports.xlsx_export import to_xlsx
from tests.unit.reporting.test_yearly_report import AREA, FACTS

CUTOFF = default_cutoff(2025)


def make(seed: int = 0) -> YearlyReport:
    facts = list(FACTS)
    random.Random(seed).shuffle(facts)
    states = fold_all(facts, end_of_day(CUTOFF)).values()
    return build_yearly_report(desk_id="desk-gent", year=2025, cutoff=CUTOFF, working_area=AREA, states=states)


def test_json_has_rows_columns_and_totals() -> None:
    document = json.loads(to_json(make()))
    assert document["cutoff"] == "2026-02-28"
    assert [r["municipality"] for r in document["rows"]] == [
        "Destelbergen", "Gent", "Merelbeke-Melle", "Buiten het werkingsgebied"]
    assert document["total"]["counts"]["unique"]["total"] == 5
    assert [c["key"] for c in document["columns"]] == [
        "unique", "unanswered_without_proposal", "unanswered_with_proposal", "partial_later_start",
        "partial_fewer_days"]


def test_csv_is_the_form_table() -> None:
    text = to_csv(make()).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Werkingsgebied (gemeente)"
    assert "oorspronkelijke startdatum het jaar 2025" in rows[0][2]
    assert len(rows[0]) == 2 + 5 + 25
    gent = next(r for r in rows if r[0] == "Gent")
    assert gent[1:7] == ["44021", "2", "1", "1", "0", "0"]
    assert rows[-1][0] == "Totaal"
    assert rows[-1][2:7] == ["5", "3", "1", "1", "1"]
    assert "Unieke vragen - waarvan dringend" in rows[0]


def test_xlsx_is_laid_out_like_the_form() -> None:
    book = load_workbook(io.BytesIO(to_xlsx(make())))
    form = book["Formulier"]
    assert form["A3"].value == "Naam Organisator"
    assert form["B6"].value == 2025
    assert form["A9"].value.startswith("Status op 28-02-2026")
    labels = [form.cell(row=r, column=1).value for r in range(1, form.max_row + 1)]
    assert "Waarvan: kwetsbare gezinnen" in labels
    gent_row = labels.index("Gent") + 1
    assert [form.cell(row=gent_row, column=c).value for c in range(2, 7)] == [2, 1, 1, 0, 0]
    data = book["Gegevens"]
    assert data["A1"].value == "Werkingsgebied (gemeente)"
    assert data.max_row == 1 + 4 + 1


def test_equal_facts_in_any_order_give_identical_bytes() -> None:
    first, second = make(1), make(2)
    assert to_json(first) == to_json(second)
    assert to_csv(first) == to_csv(second)
    assert to_xlsx(first) == to_xlsx(second)
