"""Who may sign in here: the demo accounts of every role and the OAuth clients."""

from __future__ import annotations

import hmac
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from infra.demo.data import ACCOUNTS, DEMO_PASSWORD, DemoAccount

SERVICE_CLIENTS = ("intake", "offer", "matching", "notifications", "reporting", "portal")


@dataclass(frozen=True)
class Client:
    client_id: str
    secret: str
    redirect_uris: tuple[str, ...] = ()


def client_secret(client_id: str) -> str:
    """Per-client secret from the environment; a fixed development value otherwise."""
    return os.environ.get(f"{client_id.upper()}_OIDC_CLIENT_SECRET", f"dev-{client_id}-secret")


def clients(portal_url: str) -> dict[str, Client]:
    result = {c: Client(c, client_secret(c)) for c in SERVICE_CLIENTS}
    result["portal"] = Client("portal", client_secret("portal"), (f"{portal_url.rstrip('/')}/auth/callback",))
    return result


def authenticate_client(registry: dict[str, Client], client_id: str, secret: str) -> Client | None:
    client = registry.get(client_id)
    if client and hmac.compare_digest(client.secret, secret):
        return client
    return None


@cache
def _read_accounts(path: str, _mtime: int) -> dict[str, DemoAccount]:
    """Accounts an operator adds beside the demo ones (a simulation's desks and providers).

    A JSON list of ``{"username", "name", "role", "desk_ids"?, "provider_id"?}``; outside production
    only, like the demo accounts, and with the same password. Read again when the file changes.
    """
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    return {row["username"]: DemoAccount(row["username"], row["name"], row["role"],
                                         desk_ids=tuple(row.get("desk_ids", ())),
                                         provider_id=row.get("provider_id"), email=row.get("email", ""))
            for row in rows}


def extra_accounts(path: str) -> dict[str, DemoAccount]:
    file = Path(path)
    return _read_accounts(path, file.stat().st_mtime_ns) if file.exists() else {}


def find_account(username: str) -> DemoAccount | None:
    found = next((a for a in ACCOUNTS if a.username == username), None)
    path = os.environ.get("IDENTITY_ACCOUNTS_FILE", "")
    if found is None and path and os.environ.get("ENV", "dev") != "prod":
        found = extra_accounts(path).get(username)
    return found


def check_password(account: DemoAccount, password: str) -> bool:
    return hmac.compare_digest(password, os.environ.get("DEMO_PASSWORD", DEMO_PASSWORD))
