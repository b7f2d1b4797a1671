"""``python -m services.reporting``: run the reporting service."""

from services.runtime.runner import serve

serve("reporting", "services.reporting.bootstrap:build_app")
