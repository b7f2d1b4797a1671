"""``python -m services.offer``: run the offer service."""

from services.runtime.runner import serve

serve("offer", "services.offer.bootstrap:build_app")
