"""MkDocs hook: the guide's tables, the pages' option lists and the roster template, all generated from `schemas/`.

A page asks for generated content with a placeholder such as `<!-- gdskills:eligibility-table T -->`; after the
build the hook writes `assets/data/vocab.json` (what the forms offer) and `assets/downloads/roster-template.xlsx`
(the roster the report page imports). Nothing here is typed by hand twice, so the guide cannot disagree with
the rules the API enforces.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `mkdocs` runs from .venv/bin; the project's packages live at the root
    sys.path.insert(0, str(ROOT))

from schemas.eligibility import (  # noqa: E402
    CREDENTIAL_PATHS,
    DIRECT,
    DIRECT_SCI_TECH_RANKS,
    FIXED_HONOUR_LEVELS,
    HONOUR_CATEGORIES,
    HONOUR_LEVELS,
    ISSUER_TYPES,
    NON_SKILL_HONOURS,
    RELATIONS,
    S_HONOUR,
    S_MIN_HONOUR_LEVEL,
    S_NAMED_HONOURS,
    SCI_TECH_RANKS,
    SKILL_GRADES,
    T3_MIN_HONOUR_LEVEL,
    TITLE_GRADES,
    CredentialPath,
)
from schemas.enterprise import CATEGORY_IMPLIES, CATEGORY_LEVELS, CATEGORY_NAMES, PROVINCE_REVIEWED  # noqa: E402
from schemas.fields import LEVEL_NAMES  # noqa: E402
from schemas.forms import MAX_UPLOAD_BYTES, STATUS_NAMES, UPLOAD_TYPES  # noqa: E402
from schemas.reference import PROVINCIAL_CENTRE, PROVINCIAL_CENTRE_PHONE, campaigns, cities  # noqa: E402
from schemas.roster import COLUMNS as ROSTER_COLUMNS  # noqa: E402
from schemas.roster import GROUPS as ROSTER_GROUPS  # noqa: E402
from schemas.roster import roster_template  # noqa: E402
from schemas.workdays import PUBLIC_NOTICE_MIN_WORKDAYS  # noqa: E402

PLACEHOLDER = re.compile(r"<!--\s*gdskills:([a-z-]+)(?:\s+([A-Za-z0-9_-]+))?\s*-->")
NOT_YET = "待公布"
KIND_NAMES = {"skill_certificate": "职业资格（职业技能等级）证书", "professional_title": "职称"}


def _names(codes: Any, vocabulary: dict[str, str]) -> str:
    return "、".join(vocabulary[c] for c in codes)


def _at_least(grade: str, ladder: dict[str, str]) -> str:
    higher = list(ladder)[list(ladder).index(grade) :]
    return f"{ladder[grade]}及以上（{_names(higher, ladder)}）"


def _path_row(path: CredentialPath) -> str:
    ladder = SKILL_GRADES if path.kind == "skill_certificate" else TITLE_GRADES
    relations = "或".join(RELATIONS[r] for r in sorted(path.relations))
    issuers = _names(ISSUER_TYPES, ISSUER_TYPES)
    honour = f"；另须{HONOUR_LEVELS[T3_MIN_HONOUR_LEVEL]}及以上的技能类人才荣誉，或突出贡献奖励（{issuers}）"
    extra = honour if path.needs_honour else ""
    return (
        f"| **{path.id}** | {KIND_NAMES[path.kind]}：{_at_least(path.min_grade, ladder)} | "
        f"与参评职业{relations} | 取得后累计从事本职业或相关职业工作满 {path.years} 年{extra} | {path.clause} |"
    )


def eligibility_table(level: str) -> str:
    rows = [_path_row(p) for p in CREDENTIAL_PATHS if p.level == level]
    head = "| 条件 | 证书或职称 | 关系要求 | 工作年限及其他 | 依据 |\n|---|---|---|---|---|"
    texts = "\n".join(f"- **{p.id}（{p.title}）**：{p.requirement}" for p in CREDENTIAL_PATHS if p.level == level)
    return f"{head}\n" + "\n".join(rows) + f"\n\n原文：\n\n{texts}\n"


def skill_talent_honours() -> str:
    return _names([c for c in HONOUR_CATEGORIES if c not in NON_SKILL_HONOURS], HONOUR_CATEGORIES)


def s_honour() -> str:
    named = "、".join(
        HONOUR_CATEGORIES[code] if code in FIXED_HONOUR_LEVELS else f"{HONOUR_CATEGORIES[code]}（{HONOUR_LEVELS[floor]}及以上）"
        for code, floor in S_NAMED_HONOURS.items()
    )
    return (
        f"**{S_HONOUR.id}（{S_HONOUR.title}，{S_HONOUR.clause}）**：{S_HONOUR.requirement}\n\n"
        f"本系统按此判断：通知列举的表彰直接满足：{named}。通知的范围是“主要为”，"
        f"因此其他技能类人才荣誉（{skill_talent_honours()}）级别为{HONOUR_LEVELS[S_MIN_HONOUR_LEVEL]}及以上的"
        "也可满足，但须由审核人员确认，自查和审核页面会标注“需人工核实”。"
    )


def direct_route() -> str:
    ranks = _names([r for r in SCI_TECH_RANKS if r in DIRECT_SCI_TECH_RANKS], SCI_TECH_RANKS)
    return (
        f"**{DIRECT.id}（{DIRECT.title}，{DIRECT.clause}）**：{DIRECT.requirement}\n\n"
        f"本系统按此判断：{HONOUR_CATEGORIES['china_skills_award']}，"
        f"或{HONOUR_CATEGORIES['national_sci_tech_award']}{ranks}。"
    )


def t3_honour() -> str:
    return (
        f"T3 所需荣誉：技能类人才荣誉（{skill_talent_honours()}）级别为{HONOUR_LEVELS[T3_MIN_HONOUR_LEVEL]}及以上，"
        f"或{HONOUR_CATEGORIES['enterprise_contribution_award']}。"
    )


def grade_ladders() -> str:
    return (
        f"- 职业技能等级（由低到高）：{' < '.join(SKILL_GRADES.values())}\n"
        f"- 职称（由低到高）：{' < '.join(TITLE_GRADES.values())}\n"
        f"- 荣誉级别（由低到高）：{' < '.join(HONOUR_LEVELS.values())}\n\n"
        "要求某一等级时，持有更高等级同样满足，年限从该证书或职称本身的取得日期起算。"
    )


def honour_table() -> str:
    rows = []
    for code, name in HONOUR_CATEGORIES.items():
        if code in FIXED_HONOUR_LEVELS:
            note = f"级别固定为{HONOUR_LEVELS[FIXED_HONOUR_LEVELS[code]]}"
        elif code == "national_sci_tech_award":
            note = f"填写奖励等级（{_names(SCI_TECH_RANKS, SCI_TECH_RANKS)}）"
        elif code == "enterprise_contribution_award":
            note = f"填写授予单位类型（{_names(ISSUER_TYPES, ISSUER_TYPES)}）"
        elif code == "other":
            note = "可填写，但仅凭此类荣誉满足条件时需人工核实"
        else:
            note = "填写级别"
        kind = "否" if code in NON_SKILL_HONOURS else "是"
        rows.append(f"| {name} | {kind} | {note} |")
    return "| 荣誉类别 | 属于技能类人才荣誉 | 填写说明 |\n|---|---|---|\n" + "\n".join(rows)


def enterprise_categories() -> str:
    rows = []
    for code, name in CATEGORY_NAMES.items():
        levels = "、".join(f"{LEVEL_NAMES[lv]}（{lv}级）" for lv in sorted(CATEGORY_LEVELS[code], reverse=True))
        notes = []
        if code in CATEGORY_IMPLIES:
            notes.append(f"同时属于{CATEGORY_NAMES[CATEGORY_IMPLIES[code]]}（系统自动计入）")
        if code in PROVINCE_REVIEWED:
            notes.append("备案、评价计划和评价结果（特级技师、首席技师）均由省技能中心审核，不经地市")
        rows.append(f"| {name} | {levels} | {'；'.join(notes) or '—'} |")
    return "| 企业类别 | 可开展的评聘级别 | 说明 |\n|---|---|---|\n" + "\n".join(rows)


def _tel(number: str) -> str:
    return f'<a href="tel:{number.replace("-", "")}">{number}</a>'


def city_contacts() -> str:
    """The 21 cities with the contacts shipped (none yet: 待公布); `contacts.js` replaces the rows at run time with
    what administrators set (`GET /api/reference/cities`), so an edit shows without a rebuild."""
    rows = "".join(
        f'<tr data-city="{c.code}"><td>{c.name}</td><td>{_tel(c.hotline)}</td><td>{c.institution or NOT_YET}</td>'
        f"<td>{_tel(c.phone) if c.phone else NOT_YET}</td><td>{c.address or NOT_YET}</td></tr>"
        for c in cities().values()
    )
    head = "".join(f'<th scope="col">{t}</th>' for t in ("地市", "人社服务热线", "职业技能评价指导机构", "咨询电话", "地址"))
    return (
        '<div class="city-contacts" data-city-contacts markdown="0"><table><thead><tr>'
        f"{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def campaign_phases() -> str:
    """The shipped history of campaigns as a timetable; `campaigns.js` replaces it at run time with every year an
    administrator keeps (`GET /api/campaigns`, the current one first), so no page names a year in code."""
    day = "%Y年%-m月%-d日"
    sections = []
    for c in sorted(campaigns().values(), key=lambda c: c.year, reverse=True):
        rows = "".join(
            f"<tr><td>第{p.phase}期</td><td>{p.start:{day}}</td><td>{p.end:{day}}</td><td>{p.note}</td></tr>"
            for p in c.phases
        )
        sections.append(
            f'<section class="campaign" data-year="{c.year}"><h4>{c.name}</h4><table class="campaign-phases">'
            "<thead><tr><th scope=\"col\">期次</th><th scope=\"col\">开始</th><th scope=\"col\">完成（截止）</th>"
            f"<th scope=\"col\">说明</th></tr></thead><tbody>{rows}</tbody></table></section>"
        )
    return '<div class="campaign-timetable" data-campaign-timetable markdown="0">' + "".join(sections) + "</div>"


def provincial_centre() -> str:
    return f"{PROVINCIAL_CENTRE}（省技能中心）：{PROVINCIAL_CENTRE_PHONE}"


RENDERERS = {
    "eligibility-table": lambda arg: eligibility_table(arg or "T"),
    "s-honour": lambda arg: s_honour(),
    "direct-route": lambda arg: direct_route(),
    "t3-honour": lambda arg: t3_honour(),
    "grade-ladders": lambda arg: grade_ladders(),
    "honour-table": lambda arg: honour_table(),
    "enterprise-categories": lambda arg: enterprise_categories(),
    "city-contacts": lambda arg: city_contacts(),
    "campaign-phases": lambda arg: campaign_phases(),
    "provincial-centre": lambda arg: provincial_centre(),
    "notice-workdays": lambda arg: str(PUBLIC_NOTICE_MIN_WORKDAYS),
}


def render(markdown: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name, arg = match.group(1), match.group(2)
        if name not in RENDERERS:
            raise ValueError(f"unknown gdskills placeholder: {match.group(0)}")
        return RENDERERS[name](arg)

    return PLACEHOLDER.sub(replace, markdown)


def vocabulary() -> dict[str, Any]:
    """What the self-check and the forms offer, from the same dictionaries the API validates against."""
    return {
        "levels": LEVEL_NAMES,
        "credential_kinds": KIND_NAMES,
        "skill_grades": SKILL_GRADES,
        "title_grades": TITLE_GRADES,
        "grades": {**SKILL_GRADES, **TITLE_GRADES},
        "relations": RELATIONS,
        "honour_categories": HONOUR_CATEGORIES,
        "honour_levels": HONOUR_LEVELS,
        "fixed_honour_levels": FIXED_HONOUR_LEVELS,
        "levelless_honours": sorted(NON_SKILL_HONOURS),
        "sci_tech_ranks": SCI_TECH_RANKS,
        "issuer_types": ISSUER_TYPES,
        "enterprise_categories": CATEGORY_NAMES,
        "category_levels": {code: sorted(levels) for code, levels in CATEGORY_LEVELS.items()},
        "category_implies": CATEGORY_IMPLIES,
        "statuses": STATUS_NAMES,
        "upload_types": UPLOAD_TYPES,
        "max_upload_bytes": MAX_UPLOAD_BYTES,
        "notice_min_workdays": PUBLIC_NOTICE_MIN_WORKDAYS,
        "cities": [{"code": c.code, "name": c.name, "hotline": c.hotline} for c in cities().values()],
        # The roster template's layout (schemas/roster.py), so the report page reads the very file we offer.
        "roster_columns": [
            {"header": c.header, "field": c.field, "kind": c.kind, "group": c.group, "choices": dict(c.choices or {})}
            for c in ROSTER_COLUMNS
        ],
        "roster_groups": [{"id": g.id, "list": g.list_name, "fixed": dict(g.fixed)} for g in ROSTER_GROUPS.values()],
    }


def on_page_markdown(markdown: str, **_: Any) -> str:
    return render(markdown)


def on_post_build(config: Any, **_: Any) -> None:
    site = Path(config["site_dir"])
    vocab = vocabulary()
    data = site / "assets" / "data" / "vocab.json"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(json.dumps(vocab, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    template = site / "assets" / "downloads" / "roster-template.xlsx"
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_bytes(roster_template())
