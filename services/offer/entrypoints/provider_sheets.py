"""Provider API: export and import of locations and capacity as CSV or XLSX, all or nothing."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlmodel import select

from services.offer.adapters import spreadsheets, store
from services.offer.adapters.tables import Location
from services.offer.domain.tabular import COLUMNS, RowError, missing_columns, row_of
from services.offer.entrypoints.deps import Runtime, Scope
from services.offer.entrypoints.schemas_provider import ImportOut
from services.offer.handlers.imports import ImportRejected, apply_import, parse_rows, plan_import
from services.runtime.errors import AppError
from services.runtime.http import request_language
from services.runtime.i18n import translate

router = APIRouter(prefix="/api/v1/provider", tags=["provider: import and export"])
Format = Literal["csv", "xlsx"]
TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": spreadsheets.XLSX_TYPE}


@router.get("/export", summary="All your locations and capacity as CSV or XLSX (the layout the import reads)",
            responses={200: {"content": {TYPES["csv"]: {}, TYPES["xlsx"]: {}}}})
async def export(scope: Scope, runtime: Runtime, format: Annotated[Format, Query()] = "csv") -> Response:
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(select(Location).where(Location.provider_id == scope.provider_id)
                                   .order_by(Location.name))).all()
    lines = [row_of(row.location_id, store.details_of(row), row.status) for row in rows if scope.covers(row)]
    body = spreadsheets.write_xlsx(COLUMNS, lines) if format == "xlsx" else spreadsheets.write_csv(COLUMNS, lines)
    headers = {"Content-Disposition": f'attachment; filename="opvanglocaties.{format}"'}
    return Response(body, media_type=TYPES[format], headers=headers)


def _format_of(request: Request, explicit: Format | None, content: bytes) -> Format:
    if explicit:
        return explicit
    kind = request.headers.get("content-type", "")
    return "xlsx" if "spreadsheetml" in kind or content[:4] == b"PK\x03\x04" else "csv"


@router.post("/import", response_model=ImportOut, summary="Import locations and capacity (CSV or XLSX body)",
             description="Send the file as the request body (`Content-Type: text/csv` or the XLSX type). Rows with "
                         "a `location_id` (or a known `external_ref`) update that location, other rows create "
                         "one. Every row is checked first: if any is wrong, the answer (422) lists each bad row "
                         "and column and NOTHING is imported. `dry_run=true` checks without saving.",
             responses={422: {"description": "Bad rows: `error.rows` lists each with row, column and message"}})
async def import_sheet(request: Request, scope: Scope, runtime: Runtime,
                       format: Annotated[Format | None, Query()] = None,
                       dry_run: Annotated[bool, Query()] = False) -> Any:
    content = await request.body()
    header, body = spreadsheets.read_sheet(content, _format_of(request, format, content))
    missing = missing_columns(header)
    if missing:
        raise AppError("missing_columns", 422, columns=", ".join(missing))
    parsed, errors = parse_rows(body)
    lang = request_language(request)
    try:
        async with runtime.uow() as uow:
            plan = await plan_import(uow, scope, parsed, errors)
            if errors:
                raise ImportRejected(errors)
            touched = [] if dry_run else await apply_import(uow, scope, plan)  # a dry run only reads
    except ImportRejected as rejected:  # raised inside the unit of work: it rolls back
        return _rejection(rejected.errors, lang)
    return ImportOut(dry_run=dry_run, location_ids=touched, **plan.summary())


def _rejection(errors: list[RowError], lang: str) -> JSONResponse:
    rows = [{"row": e.row, "column": e.column, "code": e.code, "message": translate(e.code, lang, **e.params)}
            for e in sorted(errors, key=lambda e: (e.row, e.column))]
    count = len({e.row for e in errors})
    return JSONResponse(status_code=422, content={"error": {
        "code": "import_has_errors", "message": translate("import_has_errors", lang, count=count), "rows": rows}})
