"""``python -m services.notifications``: run the notifications service."""

from services.runtime.runner import serve

serve("notifications", "services.notifications.bootstrap:build_app")
