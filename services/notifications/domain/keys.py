"""Idempotency keys: one per recipient, request, kind and channel, stored unique with the delivery.

Why: the same fact may reach this service twice (a republished event, a second distribution
round, a retried handler); the key makes the second insert a no-op so nobody is told twice.
"""

from __future__ import annotations


def provider_key(provider_id: str, request_id: str, kind: str, ref: str, channel: str, target: str) -> str:
    return f"provider:{provider_id}:{request_id}:{kind}:{ref}:{channel}:{target}"


def family_key(request_id: str, kind: str, ref: str) -> str:
    return f"family:{request_id}:{kind}:{ref}"


def escalation_key(kind: str, *parts: str) -> str:
    return ":".join((kind, *parts))
