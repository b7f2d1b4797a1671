"""Offer's commands and the events it consumes, one module per aggregate."""
