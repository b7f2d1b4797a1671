"""Provider API keys: high-entropy secrets shown once, stored only as a SHA-256 hash.

Format ``olk_<key id>_<secret>``: the key id (not secret) finds the row, the SHA-256 of the whole
key is compared in constant time. A slow password hash (argon2, scrypt) protects guessable
passwords; a 256-bit random secret cannot be guessed, so one SHA-256 is enough and keeps the
token exchange fast. Rotation issues a new key with the same scope and lets the old one live
for a grace period, so a provider's software can switch without downtime.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

PREFIX = "olk"
MAX_GRACE_HOURS = 7 * 24


@dataclass(frozen=True)
class NewKey:
    key_id: str
    secret: str  # the whole key, shown to the provider once
    key_hash: str

    @property
    def hint(self) -> str:
        """What lists show to recognise a key without revealing it."""
        return f"{PREFIX}_{self.key_id}_…{self.secret[-4:]}"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def generate() -> NewKey:
    key_id = secrets.token_hex(8)
    key = f"{PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    return NewKey(key_id=key_id, secret=key, key_hash=hash_key(key))


def key_id_of(key: str) -> str | None:
    """The key id inside *key*, or None when it does not look like one of our keys."""
    prefix, _, rest = key.partition("_")
    key_id, _, secret = rest.partition("_")
    if prefix != PREFIX or len(key_id) != 16 or len(secret) < 32:
        return None
    try:
        int(key_id, 16)
    except ValueError:
        return None
    return key_id


def matches(key: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_key(key), stored_hash)


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes: they were stored in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def usable(now: datetime, *, revoked_at: datetime | None, expires_at: datetime | None) -> bool:
    """A key works until it is revoked or, after a rotation, until its grace period ends."""
    if revoked_at is not None and utc(revoked_at) <= now:
        return False
    return expires_at is None or now < utc(expires_at)
