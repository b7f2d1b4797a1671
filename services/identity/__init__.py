"""Built-in identity provider for the embedded default: OpenID Connect discovery, JWKS, login
with demo accounts (authorization code flow), client credentials for services, and token
exchanges for parents' personal links and providers' API keys. Production points the services
at a real OpenID Connect provider instead."""
