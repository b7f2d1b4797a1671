"""Intake's database: desks and policies, requests, families' personal data, records, messaging.

Personal data sit in ``familydata`` and ``fingerprint`` only, so erasing a family is deleting two
rows; everything else is pseudonymous and keeps the history (and the counts) consistent.
"""

from __future__ import annotations

from services.intake.adapters.base import IntakeTable
from services.intake.adapters.desks import Desk, DeskPolicyVersion
from services.intake.adapters.personal import FamilyData, Fingerprint
from services.intake.adapters.records import AuditEntry, FlagChange, RequestChange
from services.intake.adapters.requests import CareRequest
from services.intake.adapters.tracking import AllocationSeen, MailOutbox, ProposalSeen
from services.runtime.tables import messaging_tables

metadata = IntakeTable.metadata
messaging = messaging_tables(metadata)

__all__ = [
    "AllocationSeen", "AuditEntry", "CareRequest", "Desk", "DeskPolicyVersion", "FamilyData", "Fingerprint",
    "FlagChange", "IntakeTable", "MailOutbox", "ProposalSeen", "RequestChange", "messaging", "metadata",
]
