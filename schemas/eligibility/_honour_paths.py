"""What one path of the engine found (`Outcome`), and the paths that rest on honours: §四(三)'s direct route,
§四(二)'s S prerequisite and T3's honour. Each outcome states its facts at once and writes its Chinese detail
only when asked (`Outcome.describe`): a report judges thousands of candidates and explains only those who fail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from schemas.eligibility._models import Honour, PathResult
from schemas.eligibility._paths import (
    DIRECT,
    DIRECT_SCI_TECH_RANKS,
    S_HONOUR,
    S_MIN_HONOUR_LEVEL,
    S_NAMED_HONOURS,
    T3_MIN_HONOUR_LEVEL,
)
from schemas.eligibility._vocabulary import (
    HONOUR_CATEGORIES,
    HONOUR_LEVELS,
    HONOUR_RANK,
    NON_SKILL_HONOURS,
    SCI_TECH_RANKS,
)

REVIEW_NOTE = "（所依据的荣誉属“其他技能类人才荣誉”，需人工核实）"
S_HONOUR_UNLISTED = (
    "，不在通知列举的省级以上表彰范围内"
    "（南粤技术能手、劳动模范、五一劳动奖章、国务院政府特殊津贴、全国技术能手、世界技能大赛或国家职业技能大赛奖牌、"
    "国家级技能大师工作室带头人），须由审核人员确认其属于技能类人才省级以上表彰"
)
S_HONOUR_UNMET = (
    "未获技能类人才省级以上表彰（如南粤技术能手、省级以上劳动模范或五一劳动奖章、享受国务院政府特殊津贴、"
    "全国技术能手、世界技能大赛或国家职业技能大赛奖牌、国家级技能大师工作室带头人），申报首席技师须先具备此条件"
)
T3_HONOUR_UNMET = (
    "缺少地级以上市政府部门颁发的技能类人才荣誉，或中央企业二级（省级）以上单位、近三年世界500强企业"
    "授予的技能类人才突出贡献奖励"
)
DIRECT_UNMET = "未获中华技能大奖或国家科学技术奖二等奖及以上奖项，不适用直接申报"


@dataclass(slots=True)
class Outcome:
    """One path judged: whether it is met and why it matters, with the detail text deferred to `describe`."""

    id: str
    title: str
    met: bool
    describe: Callable[[], str]
    met_on: date | None = None
    time_only: bool = False  # unmet only for lack of counted work time
    relies_on_other: bool = False  # met only thanks to honours a reviewer must confirm (`other`; S: unlisted)

    def result(self) -> PathResult:
        return PathResult(id=self.id, title=self.title, met=self.met, detail=self.describe(), met_on=self.met_on)


def honour_text(honour: Honour) -> str:
    label = honour.name or HONOUR_CATEGORIES[honour.category]
    if honour.category == "national_sci_tech_award" and honour.rank:
        return f"{label}（{SCI_TECH_RANKS[honour.rank]}）"
    if honour.level:
        return f"{label}（{HONOUR_LEVELS[honour.level]}）"
    return label


def _listed(honours: Sequence[Honour]) -> str:
    return "、".join(honour_text(h) for h in honours)


def _skill_honours_at_least(honours: Sequence[Honour], level: str) -> list[Honour]:
    floor = HONOUR_RANK[level]
    return [
        h
        for h in honours
        if h.category not in NON_SKILL_HONOURS and h.level is not None and HONOUR_RANK[h.level] >= floor
    ]


def _honour_outcome(path_id: str, title: str, found: list[Honour], met_text: str, unmet: Callable[[], str]) -> Outcome:
    if not found:
        return Outcome(path_id, title, False, unmet)
    relies_on_other = all(h.category == "other" for h in found)
    note = REVIEW_NOTE if relies_on_other else ""
    return Outcome(path_id, title, True, lambda: met_text + _listed(found) + note, relies_on_other=relies_on_other)


def _direct_unmet(honours: Sequence[Honour]) -> str:
    if any(h.category == "national_sci_tech_award" and h.rank == "third" for h in honours):
        return DIRECT_UNMET + "（国家科学技术奖三等奖不在直接申报范围内）"
    return DIRECT_UNMET


def direct(honours: Sequence[Honour]) -> Outcome:
    found = [
        h
        for h in honours
        if h.category == "china_skills_award"
        or (h.category == "national_sci_tech_award" and h.rank in DIRECT_SCI_TECH_RANKS)
    ]
    return _honour_outcome(DIRECT.id, DIRECT.title, found, "已获", lambda: _direct_unmet(honours))


def _named_for_s(honour: Honour) -> bool:
    floor = S_NAMED_HONOURS.get(honour.category)
    return floor is not None and honour.level is not None and HONOUR_RANK[honour.level] >= HONOUR_RANK[floor]


def s_honour(honours: Sequence[Honour]) -> Outcome:
    """§四(二)'s prerequisite: a named honour passes; another provincial-or-higher skill-talent honour passes for
    a reviewer to confirm (the list is "主要为", not exhaustive)."""
    found = _skill_honours_at_least(honours, S_MIN_HONOUR_LEVEL)
    named = [h for h in found if _named_for_s(h)]
    if named:
        return _honour_outcome(S_HONOUR.id, S_HONOUR.title, named, "已获技能类人才省级以上表彰：", lambda: "")
    if found:
        return Outcome(
            S_HONOUR.id, S_HONOUR.title, True, lambda: "已获" + _listed(found) + S_HONOUR_UNLISTED, relies_on_other=True
        )
    return Outcome(S_HONOUR.id, S_HONOUR.title, False, lambda: S_HONOUR_UNMET)


def t3_honour(honours: Sequence[Honour]) -> Outcome:
    found = _skill_honours_at_least(honours, T3_MIN_HONOUR_LEVEL) + [
        h for h in honours if h.category == "enterprise_contribution_award"
    ]
    return _honour_outcome("T3", "", found, "已获", lambda: T3_HONOUR_UNMET)
