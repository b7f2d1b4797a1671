"""offer: providers, locations, licensed capacity, opening hours, IKT, provider accounts and API keys."""
