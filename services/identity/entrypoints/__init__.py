"""HTTP edge of the identity provider."""
