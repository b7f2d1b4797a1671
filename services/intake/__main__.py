"""``python -m services.intake``: run the intake service."""

from services.runtime.runner import serve

serve("intake", "services.intake.bootstrap:build_app")
