"""The scheduler: deadlines that come due and deliveries to send, on an injected clock."""
