"""`eligible_on` projects only the work that is current on `as_of` (DOMAIN.md: open-ended periods continue)."""

from __future__ import annotations

from schemas.eligibility import EligibilityRequest, evaluate


def _verdict(periods: list[dict[str, object]]) -> object:
    return evaluate(
        EligibilityRequest.model_validate(
            {
                "level": "T",
                "as_of": "2024-06-30",
                "credentials": [
                    {
                        "kind": "skill_certificate",
                        "grade": "senior_technician",
                        "relation": "corresponding",
                        "obtained_on": "2024-01-01",
                    }
                ],
                "work_periods": [{**p, "relation": "corresponding"} for p in periods],
            }
        )
    )


def test_ongoing_job_gives_the_anniversary():
    verdict = _verdict([{"start": "2015-03-01", "end": None}])
    assert verdict.eligible is False
    assert verdict.eligible_on.isoformat() == "2025-01-01"


def test_job_not_yet_begun_is_not_projected():
    # Given the only job starts after the evaluation date
    verdict = _verdict([{"start": "2024-09-01", "end": None}])
    # Then no date can be promised
    assert verdict.eligible is False
    assert verdict.eligible_on is None


def test_planned_end_after_as_of_is_not_projected():
    # Given a contract that ends after as_of but is not open-ended
    verdict = _verdict([{"start": "2015-03-01", "end": "2026-12-31"}])
    assert verdict.eligible_on is None
