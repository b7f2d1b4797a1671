"""The yearly report over the bus, every service a process of its own: families registered through
intake, proposals and allocations produced as matching publishes them (some before the request
they concern), the exported report compared with the expected one; access by role and desk;
errors in the reader's language; sharing with the providers of the working area; and a
rebuild from the start of the log, run as the operator's command, giving byte-identical files."""

from __future__ import annotations

import asyncio
import mailbox
import subprocess
import sys
from datetime import UTC, datetime

import httpx
import pytest

from contracts.events.reporting import REPORT_SHARE_TOPIC
from infra.demo.data import DESK_GENT, PROVIDER_KABOUTERTJES, PROVIDER_ZONNEBLOEM, PROVIDERS
from infra.local.stack import LocalStack
from services.reporting.exports.csv_export import to_csv
from services.reporting.exports.json_export import report_from_document
from services.reporting.exports.xlsx_export import to_xlsx
from services.runtime.settings import ROOT
from tests.e2e.reporting.helpers import delta, register_scenario, report, scenario_follow_ups, set_clock, token
from tests.integration.reporting.publishing import produce
from tests.integration.reporting.scenario import check_report
from tests.support.bus import read_typed
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]


async def test_yearly_report_over_the_bus(system: LocalStack, http: httpx.AsyncClient) -> None:
    desk = await token(http, system, "loket.gent")
    before = (await report(http, system, desk)).json()

    follow = scenario_follow_ups(ids := await register_scenario(http, system))
    assert len(ids) == 10
    await produce(system.bootstrap_servers, follow)

    async def current() -> dict[str, object]:
        return delta((await report(http, system, desk)).json(), before)

    def complete(found: dict[str, object]) -> bool:
        try:
            check_report(found)  # type: ignore[arg-type]
        except AssertionError:
            return False
        return True

    check_report(await eventually(current, until=complete, timeout=90, what="the expected report"))

    json_file = await report(http, system, desk)
    document = json_file.json()
    csv_file, xlsx_file = (await report(http, system, desk, "csv")), (await report(http, system, desk, "xlsx"))
    assert csv_file.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_file.headers["content-disposition"]
    assert csv_file.content == to_csv(report_from_document(document)), "CSV carries the same figures"
    assert xlsx_file.content == to_xlsx(report_from_document(document)), "XLSX carries the same figures"

    await check_access(http, system)
    await check_sharing(http, system, desk)
    await check_rebuild(http, system, desk, {"json": json_file.content, "csv": csv_file.content,
                                             "xlsx": xlsx_file.content})


async def check_access(http: httpx.AsyncClient, system: LocalStack) -> None:
    assert (await http.get(f"{system.url('reporting')}/api/v1/reports/yearly",
                           params={"desk_id": DESK_GENT, "year": 2025})).status_code == 401
    other_desk = await token(http, system, "loket.leuven")
    assert (await report(http, system, other_desk)).status_code == 403
    provider = await token(http, system, "zonnebloem")
    assert (await report(http, system, provider)).status_code == 403
    desk = await token(http, system, "loket.gent")
    wrong = await report(http, system, desk, cutoff="2024-12-31")
    assert wrong.status_code == 422
    assert wrong.json()["error"]["message"] == "De peildatum moet in of na het rapportjaar liggen."
    french = await http.get(f"{system.url('reporting')}/api/v1/reports/yearly",
                            params={"desk_id": DESK_GENT, "year": "twee"},
                            headers={"Authorization": f"Bearer {desk}", "Accept-Language": "fr-BE"})
    assert french.status_code == 422
    assert french.json()["error"]["fields"][0]["message"] == "Indiquez un nombre."


async def check_sharing(http: httpx.AsyncClient, system: LocalStack, desk: str) -> None:
    base = system.url("reporting")
    await set_clock(http, system, "notifications", datetime.now(UTC))  # another test may have moved it
    shared = await http.post(f"{base}/api/v1/reports/yearly/share", json={"desk_id": DESK_GENT, "year": 2025},
                             headers={"Authorization": f"Bearer {desk}"})
    assert shared.status_code == 201, shared.text
    share_id = shared.json()["share_id"]
    assert shared.json()["recipients"] == 2, "De Zonnebloem and De Kaboutertjes have locations in the area"
    provider = await token(http, system, "kaboutertjes")
    listed = (await http.get(f"{base}/api/v1/provider/reports", headers={"Authorization": f"Bearer {provider}"}))
    assert share_id in [s["share_id"] for s in listed.json()]
    figures = await http.get(f"{base}/api/v1/provider/reports/{share_id}",
                             headers={"Authorization": f"Bearer {provider}"})
    assert figures.json()["total"] == (await report(http, system, desk)).json()["total"]
    outsider = await token(http, system, "leuven.kdv")
    assert (await http.get(f"{base}/api/v1/provider/reports/{share_id}",
                           headers={"Authorization": f"Bearer {outsider}"})).status_code == 404

    async def announced() -> list[object]:
        return [e.data for e in await read_typed(system.bootstrap_servers, REPORT_SHARE_TOPIC)]

    events = await eventually(announced, until=lambda found: any(e.share_id == share_id for e in found),  # type: ignore[attr-defined]
                              what="YearlyReportShared published")
    event = next(e for e in events if e.share_id == share_id)  # type: ignore[attr-defined]
    assert set(event.provider_ids) == {PROVIDER_ZONNEBLOEM, PROVIDER_KABOUTERTJES}  # type: ignore[attr-defined]

    # notifications tells each provider by its chosen channel (the demo providers chose e-mail), once
    addresses = {p.email for p in PROVIDERS if p.provider_id in (PROVIDER_ZONNEBLOEM, PROVIDER_KABOUTERTJES)}

    def told() -> dict[str, int]:
        counts = dict.fromkeys(addresses, 0)
        for message in mailbox.Maildir(system.maildir, create=True):
            body = message.get_payload(decode=True)
            text = body.decode(errors="replace") if isinstance(body, bytes) else str(body)
            if str(message["To"]) in counts and f"/api/v1/provider/reports/{share_id}" in text:
                counts[str(message["To"])] += 1
        return counts

    async def mailed() -> dict[str, int]:
        return told()

    counts = await eventually(mailed, until=lambda c: all(c.values()), what="each provider mailed about the share")
    assert set(counts.values()) == {1}, counts


async def check_rebuild(http: httpx.AsyncClient, system: LocalStack, desk: str, files: dict[str, bytes]) -> None:
    env = {**system.service_env("reporting"), "PYTHONUNBUFFERED": "1"}
    done = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "services.reporting", "rebuild"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert "Heropbouw [##############################] 100%" in done.stderr
    assert "Klaar:" in done.stderr
    again = {fmt: (await report(http, system, desk, fmt)).content for fmt in ("json", "csv", "xlsx")}
    assert again == files, "a rebuilt projection gives byte-identical exports"
