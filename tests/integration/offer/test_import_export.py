"""Bulk import and export: every bad row reported, nothing imported half-way; export and import agree."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from infra.local.stack import LocalStack
from services.offer.adapters.spreadsheets import XLSX_TYPE, write_xlsx
from services.offer.domain.tabular import COLUMNS
from tests.integration.offer.support import bearer, offer_events

pytestmark = [pytest.mark.postgres]


def sheet(rows: list[dict[str, str]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def new_row(name: str, **cells: str) -> dict[str, str]:
    row = {"name": name, "street": "Markt 1", "postal_code": "9200", "city": "Dendermonde", "nis_code": "42006",
           "kind": "groepsopvang", "ikt": "ja", "capacity_mon": "12", "capacity_tue": "12", "capacity_wed": "0",
           "capacity_thu": "12", "capacity_fri": "8", "hours_mon": "07:00-18:00", "languages": "nl"}
    row.update(cells)
    return row


async def exported(http: httpx.AsyncClient, stack: LocalStack, headers: dict[str, str]) -> list[dict[str, str]]:
    answer = await http.get(f"{stack.url('offer')}/api/v1/provider/export", headers=headers)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))


async def test_malformed_rows_are_each_reported_and_nothing_is_imported(
    offer_stack: LocalStack, http: httpx.AsyncClient
) -> None:
    kab = await bearer(http, offer_stack, "kaboutertjes")
    url = f"{offer_stack.url('offer')}/api/v1/provider/import"
    before, events_before = await exported(http, offer_stack, kab), len(await offer_events(offer_stack))
    existing = dict(before[0], capacity_mon="6")  # a valid change of an existing location ...
    rows = [existing, new_row("Goed"), new_row("Slecht 1", capacity_tue="twaalf", ikt="misschien"),
            new_row("Slecht 2", nis_code="99999"), new_row("", hours_mon="7 tot 18"),
            new_row("Vreemd", location_id="00000000-0000-0000-0000-000000000000")]
    answer = await http.post(url, content=sheet(rows, ";"), headers={**kab, "Content-Type": "text/csv",
                                                                     "Accept-Language": "nl"})
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "import_has_errors" and error["message"].startswith("Er werd niets ingelezen: 4 rij")
    reported = {(r["row"], r["column"], r["code"]) for r in error["rows"]}
    assert reported == {(4, "capacity_tue", "bad_number"), (4, "ikt", "bad_yes_no"),
                        (5, "nis_code", "unknown_municipality"), (6, "hours_mon", "bad_hours"),
                        (6, "name", "missing"), (7, "location_id", "unknown_location")}
    assert all(r["message"] for r in error["rows"])
    # ... and the valid rows were NOT applied either: all or nothing
    assert await exported(http, offer_stack, kab) == before
    assert len(await offer_events(offer_stack)) == events_before


async def test_a_good_sheet_creates_and_updates_in_one_go(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    kab = await bearer(http, offer_stack, "kaboutertjes")
    url = f"{offer_stack.url('offer')}/api/v1/provider/import"
    before = await exported(http, offer_stack, kab)
    changed = dict(before[0], capacity_mon="7")
    rows = [changed, new_row("Nieuw A", external_ref="EXT-A"), new_row("Nieuw B", external_ref="EXT-B")]
    dry = await http.post(url, params={"dry_run": "true"}, content=sheet(rows), headers=kab)
    assert dry.status_code == 200 and dry.json() == {"dry_run": True, "created": 2, "updated": 1, "unchanged": 0,
                                                     "location_ids": []}
    assert await exported(http, offer_stack, kab) == before
    done = await http.post(url, content=sheet(rows), headers=kab)
    assert done.status_code == 200 and done.json()["created"] == 2 and done.json()["updated"] == 1
    after = {row["name"]: row for row in await exported(http, offer_stack, kab)}
    assert after[changed["name"]]["capacity_mon"] == "7"
    assert after["Nieuw A"]["external_ref"] == "EXT-A" and after["Nieuw B"]["capacity_fri"] == "8"
    published = {e["subject"] for e in await offer_events(offer_stack, "LocationPublished")}
    assert {after["Nieuw A"]["location_id"], after["Nieuw B"]["location_id"]} <= published
    # the same sheet again, as XLSX, matched by external_ref: nothing changes
    again = [dict(changed), new_row("Nieuw A", external_ref="EXT-A"), new_row("Nieuw B", external_ref="EXT-B")]
    xlsx = write_xlsx(COLUMNS, again)
    repeat = await http.post(url, content=xlsx, headers={**kab, "Content-Type": XLSX_TYPE})
    assert repeat.status_code == 200, repeat.text
    assert repeat.json() | {"location_ids": []} == {"dry_run": False, "created": 0, "updated": 0, "unchanged": 3,
                                                    "location_ids": []}


async def test_xlsx_export_and_file_level_errors(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    zon = await bearer(http, offer_stack, "zonnebloem")
    offer = offer_stack.url("offer")
    answer = await http.get(f"{offer}/api/v1/provider/export", params={"format": "xlsx"}, headers=zon)
    assert answer.status_code == 200 and answer.content[:2] == b"PK"
    from services.offer.adapters.spreadsheets import read_sheet

    header, rows = read_sheet(answer.content, "xlsx")
    assert header == COLUMNS and len(rows) >= 3
    url = f"{offer}/api/v1/provider/import"
    missing = await http.post(url, content=b"name;street\nA;B\n", headers={**zon, "Accept-Language": "en"})
    assert missing.status_code == 422 and missing.json()["error"]["message"].startswith("These columns are missing")
    broken = await http.post(url, params={"format": "xlsx"}, content=b"PK\x03\x04garbage", headers=zon)
    assert broken.status_code == 422 and broken.json()["error"]["code"] == "file_unreadable"
