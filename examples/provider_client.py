"""A provider's software talking to Opvangloket: no retyping, one API for every municipality and desk.

Run it against ``make run`` (after creating an API key on the portal, page "API-sleutels"):

    python examples/provider_client.py --api-key olk_... locations
    python examples/provider_client.py --api-key olk_... capacity <location_id> mon=14 tue=14 wed=10
    python examples/provider_client.py --api-key olk_... correct <location_id> -2 staff_shortage --until 2027-03-31
    python examples/provider_client.py --api-key olk_... export locations.xlsx
    python examples/provider_client.py --api-key olk_... import locations.xlsx --check
    python examples/provider_client.py --api-key olk_... requests

Only ``httpx`` is needed. The client trades its API key for a short-lived token at the identity
provider, renews it before it expires, retries safely (an ``Idempotency-Key`` per change) and
prints the errors Opvangloket returns in the chosen language.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

API_KEY_GRANT = "urn:opvangloket:grant-type:api-key"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class OpvangloketError(Exception):
    """An answer that is not a success; ``body`` holds Opvangloket's error (code, message, fields, rows)."""

    def __init__(self, status: int, body: Any) -> None:
        error = body.get("error", body) if isinstance(body, dict) else str(body)
        message = error.get("message", error) if isinstance(error, dict) else error  # OAuth errors are plain codes
        super().__init__(f"{status}: {message}")
        self.status, self.body = status, body


class ProviderClient:
    def __init__(self, api_key: str, *, identity_url: str = "http://127.0.0.1:8006",
                 offer_url: str = "http://127.0.0.1:8002", matching_url: str = "http://127.0.0.1:8003",
                 language: str = "nl", attempts: int = 4) -> None:
        self.api_key, self.language, self.attempts = api_key, language, attempts
        self.urls = {"identity": identity_url.rstrip("/"), "offer": offer_url.rstrip("/"),
                     "matching": matching_url.rstrip("/")}
        self.http = httpx.Client(timeout=30)
        self._token, self._expires = "", 0.0

    def token(self) -> str:
        """A bearer token for the API key, renewed a minute before it expires."""
        if time.time() < self._expires - 60:
            return self._token
        answer = self.http.post(f"{self.urls['identity']}/token",
                                data={"grant_type": API_KEY_GRANT, "api_key": self.api_key})
        if answer.status_code != 200:
            raise OpvangloketError(answer.status_code, answer.json())
        body = answer.json()
        self._token, self._expires = body["access_token"], time.time() + float(body["expires_in"])
        return self._token

    def call(self, method: str, service: str, path: str, **kwargs: Any) -> httpx.Response:
        """One call; connection problems and 5xx are retried with the same Idempotency-Key."""
        headers = {"Authorization": f"Bearer {self.token()}", "Accept-Language": self.language,
                   **kwargs.pop("headers", {})}
        if method in ("POST", "PUT", "DELETE"):
            headers.setdefault("Idempotency-Key", str(uuid.uuid4()))
        for attempt in range(self.attempts):
            try:
                answer = self.http.request(method, f"{self.urls[service]}{path}", headers=headers, **kwargs)
            except httpx.TransportError:
                if attempt == self.attempts - 1:
                    raise
            else:
                if answer.status_code == 401 and attempt == 0:  # token revoked or expired: get a new one once
                    self._expires = 0
                    headers["Authorization"] = f"Bearer {self.token()}"
                    continue
                if answer.status_code < 500 and not _still_running(answer):
                    if answer.status_code >= 400:
                        raise OpvangloketError(answer.status_code, _body(answer))
                    return answer
                if attempt == self.attempts - 1:
                    raise OpvangloketError(answer.status_code, _body(answer))
            time.sleep(0.5 * 2 ** attempt)
        raise RuntimeError("unreachable")

    # --- offer: locations, capacity, corrections, allocations, sheets --------------------------------
    def locations(self) -> list[dict[str, Any]]:
        return list(self.call("GET", "offer", "/api/v1/provider/locations").json())

    def publish_location(self, details: dict[str, Any]) -> dict[str, Any]:
        """A new location (see the OpenAPI example of POST /api/v1/provider/locations)."""
        return dict(self.call("POST", "offer", "/api/v1/provider/locations", json=details).json())

    def set_capacity(self, location_id: str, capacity: dict[str, int]) -> dict[str, Any]:
        return dict(self.call("PUT", "offer", f"/api/v1/provider/locations/{location_id}/capacity",
                              json={"capacity_per_weekday": capacity}).json())

    def add_correction(self, location_id: str, places_delta: int, reason: str, weekdays: list[str],
                       valid_until: str | None = None, note: str = "") -> dict[str, Any]:
        body = {"weekdays": weekdays, "places_delta": places_delta, "reason": reason, "note": note,
                "valid_until": valid_until}
        return dict(self.call("POST", "offer", f"/api/v1/provider/locations/{location_id}/corrections",
                              json=body).json())

    def end_correction(self, location_id: str, correction_id: str, last_day: str | None = None) -> dict[str, Any]:
        return dict(self.call("POST", "offer",
                              f"/api/v1/provider/locations/{location_id}/corrections/{correction_id}/end",
                              json={"last_day": last_day}).json())

    def free_places(self, location_id: str, from_date: str | None = None) -> dict[str, Any]:
        params = {"from": from_date} if from_date else {}
        return dict(self.call("GET", "offer", f"/api/v1/locations/{location_id}/free-places", params=params).json())

    def allocations(self) -> list[dict[str, Any]]:
        return list(self.call("GET", "offer", "/api/v1/provider/allocations").json())

    def confirm_allocation(self, allocation_id: str, last_day: str | None = None) -> dict[str, Any]:
        return dict(self.call("POST", "offer", f"/api/v1/provider/allocations/{allocation_id}/confirm",
                              json={"last_day": last_day}).json())

    def export_sheet(self, fmt: str = "csv") -> bytes:
        return self.call("GET", "offer", "/api/v1/provider/export", params={"format": fmt}).content

    def import_sheet(self, content: bytes, fmt: str = "csv", *, dry_run: bool = False) -> dict[str, Any]:
        kind = XLSX if fmt == "xlsx" else "text/csv"
        return dict(self.call("POST", "offer", "/api/v1/provider/import", content=content,
                              params={"format": fmt, "dry_run": str(dry_run).lower()},
                              headers={"Content-Type": kind}).json())

    # --- matching: open requests distributed to your locations, answers and proposals -------------------
    def open_requests(self, cursor: str | None = None) -> dict[str, Any]:
        params = {"cursor": cursor} if cursor else {}
        return dict(self.call("GET", "matching", "/api/v1/provider/requests", params=params).json())

    def answer(self, request_id: str, location_id: str, answer: str, reason_code: str | None = None) -> Any:
        return self.call("POST", "matching", f"/api/v1/provider/requests/{request_id}/responses",
                         json={"location_id": location_id, "answer": answer, "reason_code": reason_code}).json()

    def propose(self, request_id: str, location_id: str, start_date: str, weekdays: list[str]) -> Any:
        pattern = {"days": [{"weekday": day} for day in weekdays]}
        return self.call("POST", "matching", f"/api/v1/provider/requests/{request_id}/proposals",
                         json={"location_id": location_id, "start_date": start_date, "care_pattern": pattern}).json()


def _still_running(answer: httpx.Response) -> bool:
    """409 idempotency_conflict: the same change is still being applied; asking again shortly is safe."""
    body = _body(answer)
    return answer.status_code == 409 and isinstance(body, dict) and body.get("error", {}).get(
        "code") == "idempotency_conflict"


def _body(answer: httpx.Response) -> Any:
    try:
        return answer.json()
    except ValueError:
        return answer.text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--identity", default="http://127.0.0.1:8006")
    parser.add_argument("--offer", default="http://127.0.0.1:8002")
    parser.add_argument("--matching", default="http://127.0.0.1:8003")
    parser.add_argument("--lang", default="nl", choices=("nl", "fr", "en"))
    parser.add_argument("command", choices=("locations", "capacity", "correct", "export", "import", "requests"))
    parser.add_argument("args", nargs="*")
    parser.add_argument("--until")
    parser.add_argument("--check", action="store_true", help="import: only check, save nothing")
    options = parser.parse_args(argv)
    client = ProviderClient(options.api_key, identity_url=options.identity, offer_url=options.offer,
                            matching_url=options.matching, language=options.lang)
    try:
        result = run(client, options)
    except OpvangloketError as error:
        print(json.dumps(error.body, indent=2, ensure_ascii=False), file=sys.stderr)
        return 1
    if result is not None:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def run(client: ProviderClient, options: argparse.Namespace) -> Any:
    args = options.args
    if options.command == "locations":
        return [{"location_id": loc["location_id"], "name": loc["name"], "free": client.free_places(
            loc["location_id"])["days"]} for loc in client.locations()]
    if options.command == "capacity":
        return client.set_capacity(args[0], {day: int(n) for day, n in (pair.split("=") for pair in args[1:])})
    if options.command == "correct":
        weekdays = args[3].split(",") if len(args) > 3 else ["mon", "tue", "wed", "thu", "fri"]
        return client.add_correction(args[0], int(args[1]), args[2], weekdays, options.until)
    if options.command == "export":
        fmt = "xlsx" if args[0].endswith(".xlsx") else "csv"
        Path(args[0]).write_bytes(client.export_sheet(fmt))
        return {"written": args[0]}
    if options.command == "import":
        fmt = "xlsx" if args[0].endswith(".xlsx") else "csv"
        return client.import_sheet(Path(args[0]).read_bytes(), fmt, dry_run=options.check)
    return client.open_requests(args[0] if args else None)


if __name__ == "__main__":
    sys.exit(main())
