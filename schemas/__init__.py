"""The policy as code, and the one home of every rule.

Pure: pydantic v2 models and functions, no I/O beyond reading `schemas/data`. Import the module you need
(`schemas.eligibility`, `schemas.forms`, …) — this package imports nothing itself, so a Lambda pays only for
what its route uses.

| module | holds |
|---|---|
| `eligibility` | the eligibility request, verdict, path table and engine (§四) |
| `forms` | filing, plan, report, upload, decision and debarment forms (API.md) |
| `rules` | rules across records: a plan against its filing, a report against its plan |
| `review` | who reviews what, in which order, and what each decision does (§五) |
| `enterprise` | enterprise categories and the levels each may evaluate (§二) |
| `fields` | USCC, ID number, city and occupation field types |
| `workdays` | Chinese working days (`chinesecalendar`) |
| `reference` | the 21 cities, the 2022 occupation catalogue, campaigns (`data/`) |
| `certificates` | the 22-character certificate number |
| `exports` | the five exports' columns |
| `roster` | the XLSX roster template and its parser |
| `notifications` | the status-change mail |
| `errors` | the API's error shape |
| `drafts` | unvalidated drafts of the enterprise forms (kinds, size, expiry) |
"""

__all__ = [
    "certificates",
    "drafts",
    "eligibility",
    "enterprise",
    "errors",
    "exports",
    "fields",
    "forms",
    "notifications",
    "reference",
    "review",
    "roster",
    "rules",
    "workdays",
]
