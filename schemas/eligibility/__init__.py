"""Candidate eligibility (§四): the request, the verdict, the path table and the engine."""

from schemas.eligibility._engine import Judgement, evaluate
from schemas.eligibility._models import (
    Credential,
    EligibilityRequest,
    EligibilityVerdict,
    Honour,
    PathResult,
    WorkPeriod,
    today_in_china,
)
from schemas.eligibility._paths import (
    CREDENTIAL_PATHS,
    DIRECT,
    DIRECT_SCI_TECH_RANKS,
    S_HONOUR,
    S_MIN_HONOUR_LEVEL,
    S_NAMED_HONOURS,
    T3_MIN_HONOUR_LEVEL,
    CredentialPath,
    HonourPath,
    paths_for,
)
from schemas.eligibility._vocabulary import (
    FIXED_HONOUR_LEVELS,
    HONOUR_CATEGORIES,
    HONOUR_LEVELS,
    ISSUER_TYPES,
    NON_SKILL_HONOURS,
    RELATIONS,
    SCI_TECH_RANKS,
    SKILL_GRADES,
    TITLE_GRADES,
)
from schemas.eligibility._worktime import add_years

__all__ = [
    "CREDENTIAL_PATHS",
    "DIRECT",
    "DIRECT_SCI_TECH_RANKS",
    "FIXED_HONOUR_LEVELS",
    "HONOUR_CATEGORIES",
    "HONOUR_LEVELS",
    "ISSUER_TYPES",
    "NON_SKILL_HONOURS",
    "RELATIONS",
    "SCI_TECH_RANKS",
    "SKILL_GRADES",
    "S_HONOUR",
    "S_MIN_HONOUR_LEVEL",
    "S_NAMED_HONOURS",
    "T3_MIN_HONOUR_LEVEL",
    "TITLE_GRADES",
    "Credential",
    "CredentialPath",
    "EligibilityRequest",
    "EligibilityVerdict",
    "Honour",
    "HonourPath",
    "Judgement",
    "PathResult",
    "WorkPeriod",
    "add_years",
    "evaluate",
    "paths_for",
    "today_in_china",
]
