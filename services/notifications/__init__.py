"""notifications: subscriptions, webhooks, deliveries and deadlines."""
