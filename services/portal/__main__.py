"""``python -m services.portal``: run the web portal."""

from services.runtime.runner import serve

serve("portal", "services.portal.bootstrap:build_app")
