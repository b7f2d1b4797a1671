"""Who may sign in here: the demo accounts of every role and the OAuth clients."""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass

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


def find_account(username: str) -> DemoAccount | None:
    return next((a for a in ACCOUNTS if a.username == username), None)


def check_password(account: DemoAccount, password: str) -> bool:
    return hmac.compare_digest(password, os.environ.get("DEMO_PASSWORD", DEMO_PASSWORD))
