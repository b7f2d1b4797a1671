"""Alembic environment of this service: see services/runtime/alembic_env.py."""

from services.runtime.alembic_env import run

run()
