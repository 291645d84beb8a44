"""Powertools formats a route's arguments into a debug line before checking the level: ours never render."""

from __future__ import annotations

import pytest

from bench.samples import ELIGIBILITY_REQUESTS


def test_a_verdict_never_renders_the_request_into_a_debug_line(call_api, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a request model whose rendering would fail loudly (it costs 50 ms for a 2,000-candidate report)
    from schemas.eligibility import EligibilityRequest

    def no_rendering(self: object) -> str:
        raise AssertionError("the request was formatted for a debug line")

    monkeypatch.setattr(EligibilityRequest, "__repr__", no_rendering)
    monkeypatch.setattr(EligibilityRequest, "__str__", no_rendering)
    # When the self-check is asked through the handler
    status, verdict = call_api("POST", "/api/eligibility/check", ELIGIBILITY_REQUESTS[0])
    # Then the verdict comes back, the request never formatted
    assert status == 200, verdict
    assert "eligible" in verdict


def test_the_route_arguments_show_names_and_types_only() -> None:
    from functions.api.app import RouteArguments

    arguments = RouteArguments(form={"id_number": "44010619900307123X"}, record_id="RPT-1")
    assert f"{arguments}" == "{form: dict, record_id: str}"
