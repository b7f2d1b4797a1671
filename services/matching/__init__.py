"""matching: open-request and capacity read models, responses, proposals, allocations, rounds."""
