"""The eligibility engine: pure functions from an `EligibilityRequest` to an `EligibilityVerdict`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from schemas.eligibility._models import Credential, EligibilityRequest, EligibilityVerdict, Honour, PathResult
from schemas.eligibility._paths import (
    DIRECT,
    DIRECT_SCI_TECH_RANKS,
    S_HONOUR,
    S_MIN_HONOUR_LEVEL,
    S_NAMED_HONOURS,
    T3_MIN_HONOUR_LEVEL,
    CredentialPath,
    paths_for,
)
from schemas.eligibility._vocabulary import (
    HONOUR_CATEGORIES,
    HONOUR_LEVELS,
    HONOUR_RANK,
    NON_SKILL_HONOURS,
    RELATIONS,
    SCI_TECH_RANKS,
    SKILL_GRADES,
    SKILL_RANK,
    TITLE_GRADES,
    TITLE_RANK,
)
from schemas.eligibility._worktime import Interval, counted_days, first_met_on, projected, required_days, span_text

REVIEW_NOTE = "（所依据的荣誉属“其他技能类人才荣誉”，需人工核实）"


@dataclass(frozen=True, slots=True)
class _Outcome:
    result: PathResult
    time_only: bool = False  # unmet only for lack of counted work time
    relies_on_other: bool = False  # met only thanks to honours a reviewer must confirm (`other`; S: unlisted)


@dataclass(frozen=True, slots=True)
class _Timing:
    credential: Credential
    needed: int
    counted: int
    met_on: date | None

    @property
    def met(self) -> bool:
        return self.counted >= self.needed


def evaluate(request: EligibilityRequest) -> EligibilityVerdict:
    """Judge one candidate for one level as of `request.as_of` (DOMAIN.md, "Candidate eligibility")."""
    as_of = request.as_of
    periods = projected(((p.start, p.end) for p in request.work_periods if p.relation != "unrelated"), as_of)
    honours = [h for h in request.honours if h.granted_on <= as_of]
    direct = _direct(honours)
    outcomes = [
        _credential_path(path, request.credentials, periods, honours, as_of) for path in paths_for(request.level)
    ]
    prerequisites: list[_Outcome] = [_s_honour(honours)] if request.level == "S" else []
    gate_open = all(p.result.met for p in prerequisites)

    counted_paths = [o for o in outcomes if o.result.met] if gate_open else []
    eligible = direct.result.met or bool(counted_paths)
    basis = sorted([o.result.id for o in counted_paths] + (["DIRECT"] if direct.result.met else []))
    # Review is needed when every route to eligibility leans on an honour of category `other`.
    leans_on_other = [o.relies_on_other for o in counted_paths + prerequisites]
    needs_review = (
        eligible and not direct.result.met and (any(p.relies_on_other for p in prerequisites) or all(leans_on_other))
    )

    eligible_on = None
    if not eligible and gate_open:
        dates = [o.result.met_on for o in outcomes if o.time_only and o.result.met_on is not None]
        eligible_on = min(dates, default=None)

    return EligibilityVerdict(
        level=request.level,
        as_of=as_of,
        eligible=eligible,
        basis=basis if eligible else [],
        needs_review=needs_review,
        eligible_on=eligible_on,
        paths=[o.result for o in outcomes] + [direct.result],
        prerequisites=[p.result for p in prerequisites],
    )


def _honour_text(honour: Honour) -> str:
    label = honour.name or HONOUR_CATEGORIES[honour.category]
    if honour.category == "national_sci_tech_award" and honour.rank:
        return f"{label}（{SCI_TECH_RANKS[honour.rank]}）"
    if honour.level:
        return f"{label}（{HONOUR_LEVELS[honour.level]}）"
    return label


def _skill_honours_at_least(honours: Sequence[Honour], level: str) -> list[Honour]:
    floor = HONOUR_RANK[level]
    return [
        h
        for h in honours
        if h.category not in NON_SKILL_HONOURS and h.level is not None and HONOUR_RANK[h.level] >= floor
    ]


def _honour_outcome(path_id: str, title: str, found: list[Honour], met_text: str, unmet_text: str) -> _Outcome:
    if not found:
        return _Outcome(PathResult(id=path_id, title=title, met=False, detail=unmet_text))
    relies_on_other = all(h.category == "other" for h in found)
    detail = met_text + "、".join(_honour_text(h) for h in found) + (REVIEW_NOTE if relies_on_other else "")
    return _Outcome(PathResult(id=path_id, title=title, met=True, detail=detail), relies_on_other=relies_on_other)


def _direct(honours: Sequence[Honour]) -> _Outcome:
    found = [
        h
        for h in honours
        if h.category == "china_skills_award"
        or (h.category == "national_sci_tech_award" and h.rank in DIRECT_SCI_TECH_RANKS)
    ]
    unmet = "未获中华技能大奖或国家科学技术奖二等奖及以上奖项，不适用直接申报"
    if any(h.category == "national_sci_tech_award" and h.rank == "third" for h in honours):
        unmet += "（国家科学技术奖三等奖不在直接申报范围内）"
    return _honour_outcome(DIRECT.id, DIRECT.title, found, "已获", unmet)


def _named_for_s(honour: Honour) -> bool:
    floor = S_NAMED_HONOURS.get(honour.category)
    return floor is not None and honour.level is not None and HONOUR_RANK[honour.level] >= HONOUR_RANK[floor]


def _s_honour(honours: Sequence[Honour]) -> _Outcome:
    """§四(二)'s prerequisite: a named honour passes; another provincial-or-higher skill-talent honour passes for
    a reviewer to confirm (the list is "主要为", not exhaustive)."""
    found = _skill_honours_at_least(honours, S_MIN_HONOUR_LEVEL)
    named = [h for h in found if _named_for_s(h)]
    if named:
        return _honour_outcome(S_HONOUR.id, S_HONOUR.title, named, "已获技能类人才省级以上表彰：", "")
    if found:
        detail = (
            "已获" + "、".join(_honour_text(h) for h in found) + "，不在通知列举的省级以上表彰范围内"
            "（南粤技术能手、劳动模范、五一劳动奖章、国务院政府特殊津贴、全国技术能手、世界技能大赛或国家职业技能大赛奖牌、"
            "国家级技能大师工作室带头人），须由审核人员确认其属于技能类人才省级以上表彰"
        )
        result = PathResult(id=S_HONOUR.id, title=S_HONOUR.title, met=True, detail=detail)
        return _Outcome(result, relies_on_other=True)
    unmet = (
        "未获技能类人才省级以上表彰（如南粤技术能手、省级以上劳动模范或五一劳动奖章、享受国务院政府特殊津贴、"
        "全国技术能手、世界技能大赛或国家职业技能大赛奖牌、国家级技能大师工作室带头人），申报首席技师须先具备此条件"
    )
    return _honour_outcome(S_HONOUR.id, S_HONOUR.title, [], "", unmet)


def _t3_honour(honours: Sequence[Honour]) -> _Outcome:
    found = _skill_honours_at_least(honours, T3_MIN_HONOUR_LEVEL) + [
        h for h in honours if h.category == "enterprise_contribution_award"
    ]
    unmet = (
        "缺少地级以上市政府部门颁发的技能类人才荣誉，或中央企业二级（省级）以上单位、近三年世界500强企业"
        "授予的技能类人才突出贡献奖励"
    )
    return _honour_outcome("T3", "", found, "已获", unmet)


def _credential_name(path: CredentialPath, grade: str) -> str:
    return SKILL_GRADES[grade] + "证书" if path.kind == "skill_certificate" else TITLE_GRADES[grade]


def _missing_credential(path: CredentialPath, credentials: Sequence[Credential], as_of: date) -> str:
    if path.kind == "skill_certificate":
        text = f"未取得与参评职业（工种）相应的{SKILL_GRADES[path.min_grade]}或更高等级职业资格（职业技能等级）证书"
    else:
        text = f"未取得与参评职业（工种）相应或相关的{TITLE_GRADES[path.min_grade]}或更高等级职称"
    ranks = SKILL_RANK if path.kind == "skill_certificate" else TITLE_RANK
    high_enough = [c for c in credentials if c.kind == path.kind and ranks[c.grade] >= ranks[path.min_grade]]
    for credential in high_enough:
        name = _credential_name(path, credential.grade)
        if credential.relation not in path.relations:
            wanted = "“相应”" if path.relations == {"corresponding"} else "“相应”或“相关”"
            text += f"（已填写的{name}与参评职业的关系为“{RELATIONS[credential.relation]}”，本条件要求{wanted}）"
        elif credential.obtained_on > as_of:
            text += f"（{name}于 {credential.obtained_on.isoformat()} 取得，晚于评价日期，不计入）"
    return text


def _timing(credential: Credential, years: int, periods: list[Interval], as_of: date) -> _Timing:
    needed = required_days(credential.obtained_on, years)
    counted = counted_days(periods, credential.obtained_on, as_of)
    return _Timing(credential, needed, counted, first_met_on(periods, credential.obtained_on, needed))


def _best(timings: list[_Timing]) -> _Timing:
    met = [t for t in timings if t.met]
    if met:
        return max(met, key=lambda t: t.counted - t.needed)
    projected = [t for t in timings if t.met_on is not None]
    if projected:
        return min(projected, key=lambda t: t.met_on or date.max)
    return max(timings, key=lambda t: t.counted)


def _credential_path(
    path: CredentialPath, credentials: Sequence[Credential], periods: list[Interval], honours: list[Honour], as_of: date
) -> _Outcome:
    ranks = SKILL_RANK if path.kind == "skill_certificate" else TITLE_RANK
    usable = [
        c
        for c in credentials
        if c.kind == path.kind
        and ranks[c.grade] >= ranks[path.min_grade]
        and c.relation in path.relations
        and c.obtained_on <= as_of
    ]
    honour = _t3_honour(honours) if path.needs_honour else None
    honour_text = f"；{honour.result.detail}" if honour else ""
    honour_ok = honour is None or honour.result.met

    if not usable:
        detail = _missing_credential(path, credentials, as_of) + honour_text
        return _Outcome(PathResult(id=path.id, title=path.title, met=False, detail=detail))

    best = _best([_timing(c, path.years, periods, as_of) for c in usable])
    name = _credential_name(path, best.credential.grade)
    worked = f"{name}（{best.credential.obtained_on.isoformat()} 取得）后累计从事本职业或相关职业工作 " + span_text(
        best.credential.obtained_on, best.counted
    )
    if best.met:
        detail = f"{worked}，已满 {path.years} 年{honour_text}"
        met_on = None
    elif best.met_on is not None:
        detail = f"{worked}，需满 {path.years} 年（预计 {best.met_on.isoformat()} 满足）{honour_text}"
        met_on = best.met_on if honour_ok else None
    else:
        detail = (
            f"{worked}，需满 {path.years} 年（还差 {best.needed - best.counted} 天；"
            f"目前没有仍在继续的本职业或相关职业工作经历，无法推算满足日期）{honour_text}"
        )
        met_on = None
    met = best.met and honour_ok
    result = PathResult(id=path.id, title=path.title, met=met, detail=detail, met_on=met_on)
    return _Outcome(
        result,
        time_only=not best.met and honour_ok,
        relies_on_other=met and honour is not None and honour.relies_on_other,
    )
