"""The OpenAPI document says how to authenticate: a bearer token, obtained with an API key at identity.

Tokens are verified by a shared dependency (not FastAPI's security classes), so the scheme is
added here and attached to every path that needs a caller.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

PUBLIC = ("/api/v1/locations", "/healthz", "/readyz", "/metrics", "/asyncapi.json", "/ops/")
SCHEME = {
    "type": "http", "scheme": "bearer", "bearerFormat": "JWT",
    "description": "A token from the identity provider's `/token`. Provider software: "
                   "`grant_type=urn:opvangloket:grant-type:api-key&api_key=olk_...` (form-encoded); people sign "
                   "in on the portal. Tokens last one hour; a revoked key stops working at once here.",
}


def _public(path: str, method: str) -> bool:
    if path.startswith("/api/v1/locations") and method == "get":
        return True
    return path.startswith(PUBLIC[1:])


def document_security(app: FastAPI, server_url: str) -> None:
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = original()
        spec.setdefault("components", {}).setdefault("securitySchemes", {})["bearer"] = SCHEME
        spec["servers"] = [{"url": server_url}]
        for path, operations in spec.get("paths", {}).items():
            for method, operation in operations.items():
                if not _public(path, method):
                    operation["security"] = [{"bearer": []}]
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
