"""Opvangloket's deployables: one package per service plus the small shared runtime."""
