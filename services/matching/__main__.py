"""``python -m services.matching``: run the matching service."""

from services.runtime.runner import serve

serve("matching", "services.matching.bootstrap:build_app")
