"""Approved reports written straight through the data layer (as the workflow stores them), for big exports."""

from __future__ import annotations

from bench.samples import OCCUPATIONS, id_number

USCC = "91440101MA59CDX462"
CITIES = ("440100", "440300", "440600", "441900")


def seed_reports(reports: int, per_report: int, campaign: str = "2024") -> None:
    """Approved T reports of `per_report` candidates each, spread over four cities, as the workflow stores them."""
    from functions.api.deps import stores
    from functions.services import clock

    records = stores().records
    for r in range(reports):
        city = CITIES[r % len(CITIES)]
        at = clock.stamp()
        record_id = f"RPT-{campaign}-{r + 1:06d}"
        head = {
            "id": record_id, "kind": "report", "status": "approved", "version": 1, "owner": USCC,
            "enterprise_name": "广州精工机械制造有限公司", "city": city, "campaign": campaign, "phase": 1,
            "level": "T", "review_date": "2024-04-26", "candidate_count": per_report, "created_at": at,
            "submitted_at": at,
        }  # fmt: skip
        candidates = [
            {"name": f"候选人{r:03d}{n:04d}", "id_number": id_number(r * per_report + n), "level": "T",
             "occupation": OCCUPATIONS[n % len(OCCUPATIONS)], "evaluation": {"score": 60 + n % 40, "passed": True}}
            for n in range(per_report)
        ]  # fmt: skip
        log = {"sk": f"LOG#{at}#seed", "action": "submit", "by": "seed", "role": "enterprise", "version": 1,
               "status": "submitted", "at": at}  # fmt: skip
        records.create(head, {"candidates": candidates}, log, [f"IN#{city}"])
