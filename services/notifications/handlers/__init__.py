"""Notifications' event handlers, registered explicitly per consumer group."""

from __future__ import annotations

from services.notifications.handlers import distribution, policies, proposals, reports, requests
from services.runtime.consumer import Handler

REQUEST_HANDLERS: dict[str, Handler] = {
    "RequestRegistered": requests.on_request_registered,
    "RequestUpdated": requests.on_request_updated,
    "RequestWithdrawn": requests.on_request_withdrawn,
    "RequestMerged": requests.on_request_merged,
    "RequestMergeUndone": requests.on_merge_undone,
}

POLICY_HANDLERS: dict[str, Handler] = {"DeskPolicyChanged": policies.on_desk_policy_changed}

MATCHING_HANDLERS: dict[str, Handler] = {
    "RequestDistributed": distribution.on_request_distributed,
    "ProviderResponded": distribution.on_provider_responded,
    "ProposalMade": proposals.on_proposal_made,
    "ProposalDeclined": proposals.on_proposal_declined,
    "ProposalExpired": proposals.on_proposal_expired,
    "ProposalWithdrawn": proposals.on_proposal_withdrawn,
    "PlaceAllocated": proposals.on_place_allocated,
    "RequestReopened": proposals.on_request_reopened,
}

REPORT_HANDLERS: dict[str, Handler] = {"YearlyReportShared": reports.on_yearly_report_shared}
