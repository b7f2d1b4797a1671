"""How a provider wants to hear about new requests: immediately or in a daily digest, by which channels.

Why here: the choice is the provider's (SPEC: "as each provider chooses"), one setting for all its
locations in every municipality (one account, one set of notifications). The desk's policy only
gives the default mode for providers that have not chosen yet.
"""

from __future__ import annotations

from typing import Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import BaseModel, Field, HttpUrl, field_validator

ChannelName = Literal["email", "webhook", "pull"]
CHANNELS: tuple[ChannelName, ...] = ("email", "webhook", "pull")
MAX_WEBHOOKS = 5


class PreferencesIn(BaseModel):
    """Body of ``PUT /api/v1/provider/preferences``; ``email`` and ``language`` are optional extras."""

    mode: Literal["immediate", "digest"] = Field(description="Each request at once, or one daily digest")
    digest_hour: int = Field(default=8, ge=0, le=23, description="Local hour (Brussels) of the daily digest")
    channels: list[ChannelName] = Field(description="email, webhook and/or pull", examples=[["email", "pull"]])
    email: str | None = Field(default=None, max_length=320, description="Where notification mails go")
    language: Literal["nl", "fr", "en"] | None = Field(default=None, description="Language of the mails")

    @field_validator("channels")
    @classmethod
    def at_least_one(cls, value: list[ChannelName]) -> list[ChannelName]:
        unique = [c for c in CHANNELS if c in value]
        if not unique:
            raise ValueError("channel_needed")
        return unique

    @field_validator("email")
    @classmethod
    def real_address(cls, value: str | None) -> str | None:
        if not value:
            return None
        try:
            return validate_email(value, check_deliverability=False).normalized
        except EmailNotValidError:
            raise ValueError("bad_email") from None


class WebhookIn(BaseModel):
    """Body of ``POST /api/v1/provider/webhooks``."""

    url: HttpUrl = Field(description="Where we POST signed notifications", examples=["https://example.org/hooks"])
    description: str = Field(default="", max_length=200)


def webhook_url_allowed(url: str, env: str) -> bool:
    """Production only sends to https; development and tests may use a local http receiver."""
    return url.startswith("https://") or (env != "prod" and url.startswith("http://"))
