"""The eligibility engine: pure functions from a candidate's credentials, work and honours to a verdict.

`Judgement` holds the one implementation of the rules. It answers `eligible` at once, judging the paths in
order only until one carries the candidate; `verdict()` (what `evaluate` returns) finishes the rest and writes
every Chinese detail, and `reasons()` writes only the unmet paths' details, as a results report needs for a
candidate who fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from schemas.eligibility._honour_paths import Outcome, direct, s_honour, t3_honour
from schemas.eligibility._models import Credential, EligibilityRequest, EligibilityVerdict, Honour, WorkPeriod
from schemas.eligibility._paths import CredentialPath, paths_for
from schemas.eligibility._vocabulary import RELATIONS, SKILL_GRADES, SKILL_RANK, TITLE_GRADES, TITLE_RANK
from schemas.eligibility._worktime import Interval, counted_days, first_met_on, projected, required_days, span_text


def evaluate(request: EligibilityRequest) -> EligibilityVerdict:
    """Judge one candidate for one level as of `request.as_of` (DOMAIN.md, "Candidate eligibility")."""
    return Judgement(request.level, request.as_of, request.credentials, request.work_periods, request.honours).verdict()


class Judgement:
    """One candidate judged for one level as of a date. `eligible` is known on construction; `verdict()` and
    `reasons()` build the Chinese details on demand from the same facts."""

    __slots__ = (
        "_credentials",
        "_direct",
        "_gate_open",
        "_honours",
        "_outcomes",
        "_paths",
        "_periods",
        "_prerequisites",
        "as_of",
        "eligible",
        "level",
    )

    def __init__(
        self,
        level: str,
        as_of: date,
        credentials: Sequence[Credential],
        work_periods: Sequence[WorkPeriod],
        honours: Sequence[Honour],
    ) -> None:
        self.level, self.as_of, self._credentials = level, as_of, credentials
        self._periods = projected(((p.start, p.end) for p in work_periods if p.relation != "unrelated"), as_of)
        self._honours = [h for h in honours if h.granted_on <= as_of]
        self._paths = paths_for(level)
        self._outcomes: list[Outcome] = []  # the credential paths judged so far, in `_paths` order
        self._direct = direct(self._honours)
        self._prerequisites = [s_honour(self._honours)] if level == "S" else []
        self._gate_open = all(p.met for p in self._prerequisites)
        self.eligible = self._direct.met or (
            self._gate_open and any(self._outcome(i).met for i in range(len(self._paths)))
        )

    def _outcome(self, index: int) -> Outcome:
        while len(self._outcomes) <= index:
            path = self._paths[len(self._outcomes)]
            self._outcomes.append(_credential_path(path, self._credentials, self._periods, self._honours, self.as_of))
        return self._outcomes[index]

    def _all_outcomes(self) -> list[Outcome]:
        if self._paths:
            self._outcome(len(self._paths) - 1)
        return self._outcomes

    def reasons(self) -> str:
        """The unmet prerequisites and paths, as "ID：detail" joined by "；" (the verdict's order)."""
        outcomes = [*self._prerequisites, *self._all_outcomes(), self._direct]
        return "；".join(f"{o.id}：{o.describe()}" for o in outcomes if not o.met)

    def verdict(self) -> EligibilityVerdict:
        outcomes, prerequisites, direct_ = self._all_outcomes(), self._prerequisites, self._direct
        counted_paths = [o for o in outcomes if o.met] if self._gate_open else []
        eligible = self.eligible
        basis = sorted([o.id for o in counted_paths] + (["DIRECT"] if direct_.met else []))
        # Review is needed when every route to eligibility leans on an honour of category `other`.
        leans_on_other = [o.relies_on_other for o in counted_paths + prerequisites]
        needs_review = (
            eligible and not direct_.met and (any(p.relies_on_other for p in prerequisites) or all(leans_on_other))
        )

        eligible_on = None
        if not eligible and self._gate_open:
            dates = [o.met_on for o in outcomes if o.time_only and o.met_on is not None]
            eligible_on = min(dates, default=None)

        return EligibilityVerdict(
            level=self.level,
            as_of=self.as_of,
            eligible=eligible,
            basis=basis if eligible else [],
            needs_review=needs_review,
            eligible_on=eligible_on,
            paths=[o.result() for o in outcomes] + [direct_.result()],
            prerequisites=[p.result() for p in prerequisites],
        )


@dataclass(slots=True)
class _Timing:
    credential: Credential
    needed: int
    counted: int
    met_on: date | None  # for a timing not yet met: the day it would be, work continuing as stated

    @property
    def met(self) -> bool:
        return self.counted >= self.needed


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
    met_on = None if counted >= needed else first_met_on(periods, credential.obtained_on, needed)
    return _Timing(credential, needed, counted, met_on)


def _best(timings: list[_Timing]) -> _Timing:
    met = [t for t in timings if t.met]
    if met:
        return max(met, key=lambda t: t.counted - t.needed)
    projected = [t for t in timings if t.met_on is not None]
    if projected:
        return min(projected, key=lambda t: t.met_on or date.max)
    return max(timings, key=lambda t: t.counted)


def _honour_suffix(honour: Outcome | None) -> str:
    return f"；{honour.describe()}" if honour else ""


def _worked_text(path: CredentialPath, best: _Timing, honour: Outcome | None) -> str:
    name = _credential_name(path, best.credential.grade)
    worked = f"{name}（{best.credential.obtained_on.isoformat()} 取得）后累计从事本职业或相关职业工作 " + span_text(
        best.credential.obtained_on, best.counted
    )
    honour_text = _honour_suffix(honour)
    if best.met:
        return f"{worked}，已满 {path.years} 年{honour_text}"
    if best.met_on is not None:
        return f"{worked}，需满 {path.years} 年（预计 {best.met_on.isoformat()} 满足）{honour_text}"
    return (
        f"{worked}，需满 {path.years} 年（还差 {best.needed - best.counted} 天；"
        f"目前没有仍在继续的本职业或相关职业工作经历，无法推算满足日期）{honour_text}"
    )


def _credential_path(
    path: CredentialPath, credentials: Sequence[Credential], periods: list[Interval], honours: list[Honour], as_of: date
) -> Outcome:
    ranks = SKILL_RANK if path.kind == "skill_certificate" else TITLE_RANK
    floor = ranks[path.min_grade]
    usable = [
        c
        for c in credentials
        if c.kind == path.kind and ranks[c.grade] >= floor and c.relation in path.relations and c.obtained_on <= as_of
    ]
    honour = t3_honour(honours) if path.needs_honour else None
    honour_ok = honour is None or honour.met

    if not usable:
        return Outcome(
            path.id, path.title, False, lambda: _missing_credential(path, credentials, as_of) + _honour_suffix(honour)
        )

    best = _best([_timing(c, path.years, periods, as_of) for c in usable])
    met = best.met and honour_ok
    return Outcome(
        path.id,
        path.title,
        met,
        lambda: _worked_text(path, best, honour),
        met_on=best.met_on if not best.met and honour_ok else None,
        time_only=not best.met and honour_ok,
        relies_on_other=met and honour is not None and honour.relies_on_other,
    )
