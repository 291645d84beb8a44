"""The ordered grades, relations and honour vocabulary of DOMAIN.md, with their Chinese names."""

from __future__ import annotations

from typing import Literal

SkillGrade = Literal[
    "junior_worker", "intermediate_worker", "senior_worker", "technician", "senior_technician", "special_grade", "chief"
]
TitleGrade = Literal["junior", "intermediate", "senior", "full_senior"]
Relation = Literal["corresponding", "related", "unrelated"]
HonourLevel = Literal["county", "municipal", "provincial", "national", "international"]
HonourCategory = Literal[
    "model_worker",
    "may_day_medal",
    "technical_expert",
    "master_studio_lead",
    "skill_leader_award",
    "state_council_allowance",
    "worldskills_medal",
    "national_competition_medal",
    "china_skills_award",
    "national_sci_tech_award",
    "enterprise_contribution_award",
    "other",
]
SciTechRank = Literal["special", "first", "second", "third"]
IssuerType = Literal["central_enterprise", "fortune_global_500"]

SKILL_GRADES: dict[str, str] = {
    "junior_worker": "初级工",
    "intermediate_worker": "中级工",
    "senior_worker": "高级工",
    "technician": "技师",
    "senior_technician": "高级技师",
    "special_grade": "特级技师",
    "chief": "首席技师",
}
TITLE_GRADES: dict[str, str] = {
    "junior": "初级职称",
    "intermediate": "中级职称",
    "senior": "副高级职称",
    "full_senior": "正高级职称",
}
RELATIONS: dict[str, str] = {"corresponding": "相应", "related": "相关", "unrelated": "无关"}
HONOUR_LEVELS: dict[str, str] = {
    "county": "县级",
    "municipal": "地级以上市",
    "provincial": "省级",
    "national": "国家级",
    "international": "国际",
}
HONOUR_CATEGORIES: dict[str, str] = {
    "model_worker": "劳动模范",
    "may_day_medal": "五一劳动奖章",
    "technical_expert": "技术能手",
    "master_studio_lead": "技能大师工作室负责人/带头人",
    "skill_leader_award": "技能领军人才奖励",
    "state_council_allowance": "享受国务院政府特殊津贴",
    "worldskills_medal": "世界技能大赛奖牌",
    "national_competition_medal": "国家职业技能大赛奖牌",
    "china_skills_award": "中华技能大奖",
    "national_sci_tech_award": "国家科学技术奖",
    "enterprise_contribution_award": "中央企业二级（省级）以上单位或近三年世界500强企业授予的技能类人才突出贡献奖励",
    "other": "其他技能类人才荣誉",
}
SCI_TECH_RANKS: dict[str, str] = {"special": "特等奖", "first": "一等奖", "second": "二等奖", "third": "三等奖"}
ISSUER_TYPES: dict[str, str] = {
    "central_enterprise": "中央企业二级（省级）以上单位",
    "fortune_global_500": "世界500强企业",
}

# Categories whose level is fixed by what they are; a different stated level is a validation error.
FIXED_HONOUR_LEVELS: dict[str, str] = {
    "state_council_allowance": "national",
    "worldskills_medal": "international",
    "national_competition_medal": "national",
    "china_skills_award": "national",
}
# Categories that are not "skill-talent honours" (技能类人才荣誉) and carry no level of their own.
NON_SKILL_HONOURS = frozenset({"national_sci_tech_award", "enterprise_contribution_award"})

SKILL_RANK = {grade: i for i, grade in enumerate(SKILL_GRADES)}
TITLE_RANK = {grade: i for i, grade in enumerate(TITLE_GRADES)}
HONOUR_RANK = {level: i for i, level in enumerate(HONOUR_LEVELS)}
