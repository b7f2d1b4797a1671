"""intake: desks, their working areas and versioned policies; requests and families' personal data."""
