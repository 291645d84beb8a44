"""The eligibility paths of §四 as data: what each needs. The engine in `_engine.py` reads only this table."""

from __future__ import annotations

from dataclasses import dataclass

from schemas.eligibility._models import CredentialKind


@dataclass(frozen=True, slots=True)
class CredentialPath:
    """A credential of at least `min_grade`, with a relation in `relations`, then `years` of counted work."""

    id: str
    level: str
    title: str
    clause: str
    requirement: str
    kind: CredentialKind
    min_grade: str
    relations: frozenset[str]
    years: int
    needs_honour: bool = False  # T3 also needs a municipal skill-talent honour or an enterprise award


@dataclass(frozen=True, slots=True)
class HonourPath:
    id: str
    level: str
    title: str
    clause: str
    requirement: str


SKILL_RELATIONS = frozenset({"corresponding"})
TITLE_RELATIONS = frozenset({"corresponding", "related"})

CREDENTIAL_PATHS: tuple[CredentialPath, ...] = (
    CredentialPath(
        "T1", "T", "高级技师证书 + 1 年", "§四（一）1",
        "取得与参评职业（工种）相应的高级技师职业资格（职业技能等级）证书后，累计从事本职业或相关职业工作满 1 年。",
        "skill_certificate", "senior_technician", SKILL_RELATIONS, 1,
    ),
    CredentialPath(
        "T2", "T", "副高级职称 + 2 年", "§四（一）2",
        "取得与参评职业（工种）相关的高级职称（专业技术人员职业资格）后，累计从事本职业或相关职业工作满 2 年。",
        "professional_title", "senior", TITLE_RELATIONS, 2,
    ),
    CredentialPath(
        "T3", "T", "技师证书 + 3 年 + 荣誉", "§四（一）3",
        "取得与参评职业（工种）相应的技师职业资格（职业技能等级）证书后，累计从事本职业或相关职业工作满 3 年，"
        "并取得地级以上市政府部门颁发的技能类人才荣誉，或中央企业二级（省级）以上单位、近三年世界500强企业"
        "授予的技能类人才突出贡献奖励。",
        "skill_certificate", "technician", SKILL_RELATIONS, 3, needs_honour=True,
    ),
    CredentialPath(
        "S1", "S", "特级技师证书 + 1 年", "§四（二）1",
        "取得与参评职业（工种）相应的特级技师职业技能等级证书后，累计从事本职业或相关职业工作满 1 年。",
        "skill_certificate", "special_grade", SKILL_RELATIONS, 1,
    ),
    CredentialPath(
        "S2", "S", "高级技师证书 + 3 年", "§四（二）2",
        "取得与参评职业（工种）相应的高级技师职业资格或职业技能等级证书后，累计从事本职业或相关职业工作满 3 年。",
        "skill_certificate", "senior_technician", SKILL_RELATIONS, 3,
    ),
    CredentialPath(
        "S3", "S", "正高级职称 + 3 年", "§四（二）3",
        "取得与参评职业（工种）相关的正高级职称（专业技术人员职业资格）后，累计从事本职业或相关职业工作满 3 年。",
        "professional_title", "full_senior", TITLE_RELATIONS, 3,
    ),
)  # fmt: skip

S_HONOUR = HonourPath(
    "S_HONOUR", "S", "技能类人才省级以上表彰", "§四（二）",
    "获得技能类人才省级以上表彰：如“南粤技术能手”、“劳动模范”、“五一劳动奖章”获得者、享受国务院政府特殊津贴人员，"
    "全国技术能手、世界技能大赛奖牌或国家职业技能大赛奖牌获得者、国家级技能大师工作室带头人。",
)  # fmt: skip
DIRECT = HonourPath(
    "DIRECT", "T/S", "直接申报", "§四（三）",
    "中华技能大奖获得者，或获得国家部委颁发的国家科学技术奖二等奖及以上奖项者，不受上述条件限制，"
    "可直接申报特级技师或首席技师。",
)  # fmt: skip

T3_MIN_HONOUR_LEVEL = "municipal"
S_MIN_HONOUR_LEVEL = "provincial"
# §四(二) "省级以上表彰范围主要为…": the named honours, as the lowest level at which each category is one of them
# (南粤技术能手 is the provincial 技术能手, 全国技术能手 the national one). They pass S_HONOUR outright; since the list
# is "主要为", another skill-talent honour of level ≥ S_MIN_HONOUR_LEVEL passes too, with `needs_review`.
S_NAMED_HONOURS: dict[str, str] = {
    "technical_expert": "provincial",
    "model_worker": "provincial",
    "may_day_medal": "provincial",
    "state_council_allowance": "national",
    "worldskills_medal": "international",
    "national_competition_medal": "national",
    "master_studio_lead": "national",
}
DIRECT_SCI_TECH_RANKS = frozenset({"special", "first", "second"})


def paths_for(level: str) -> tuple[CredentialPath, ...]:
    return tuple(path for path in CREDENTIAL_PATHS if path.level == level)
