"""Demo preferences: the demo providers get mail at their demo address (development and tests only).

In production each provider chooses in the portal or through the API; until then it is told
through its pull feed only, and the desk's delivery log shows that.
"""

from __future__ import annotations

from infra.demo.data import PROVIDERS
from services.notifications.adapters.provider_tables import ProviderPreferences
from services.runtime.service import ServiceRuntime


async def seed_demo_preferences(runtime: ServiceRuntime) -> None:
    async with runtime.uow() as uow:
        for provider in PROVIDERS:
            if await uow.session.get(ProviderPreferences, provider.provider_id) is None:
                uow.session.add(ProviderPreferences(
                    provider_id=provider.provider_id, mode="immediate", digest_hour=8, channels="email pull",
                    email=provider.email, language="nl", updated_at=runtime.clock.now(), updated_by="demo",
                ))
