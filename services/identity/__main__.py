"""``python -m services.identity``: run the built-in identity provider."""

from services.runtime.runner import serve

serve("identity", "services.identity.bootstrap:build_app")
