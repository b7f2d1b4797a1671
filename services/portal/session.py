"""The signed-in user of the portal: an access token in an HttpOnly cookie, verified per request."""

from __future__ import annotations

from typing import Annotated

import jwt
from fastapi import Depends, Request

from services.runtime.auth import Principal, TokenVerifier

TOKEN_COOKIE = "opvang_token"
LANG_COOKIE = "opvang_lang"


async def portal_user(request: Request) -> Principal | None:
    token = request.cookies.get(TOKEN_COOKIE)
    if not token:
        return None
    verifier: TokenVerifier = request.app.state.token_verifier
    try:
        return await verifier.verify(token)
    except (jwt.InvalidTokenError, ValueError, KeyError):
        return None


def user_token(request: Request) -> str | None:
    return request.cookies.get(TOKEN_COOKIE)


PortalUser = Annotated[Principal | None, Depends(portal_user)]
