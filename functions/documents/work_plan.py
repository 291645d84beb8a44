"""A draft of the enterprise's 评聘工作方案 (§五(一)2) from its approved plan, to edit and publish to all staff.

It holds every part the notice requires: 评审职业（工种）、评审条件、评审方式、组织形式、时间安排、岗位聘用.
Layout only: `WorkPlanData` is gathered by the services from the plan and `schemas/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

SECTIONS = ("评审职业（工种）", "评审条件", "评审方式", "组织形式", "时间安排", "岗位聘用")
TO_FILL = "【请企业根据实际情况填写】"


@dataclass(frozen=True, slots=True)
class WorkPlanData:
    enterprise: str
    campaign: str
    level: str  # 特级技师 / 首席技师
    occupations: list[tuple[str, str]]  # code, name
    planned_count: int
    conditions: list[str]  # the eligibility paths of the level, as the notice words them
    method: str
    phase: str  # e.g. "第1期 2024-04-01 至 2024-06-30"
    review_date: str
    notice_days: int


def title(d: WorkPlanData) -> str:
    return f"{d.enterprise}{d.campaign}年度{d.level}评聘工作方案"


def sections(d: WorkPlanData) -> list[tuple[str, list[str]]]:
    return [
        (
            SECTIONS[0],
            [f"本次评聘{d.level}，计划评价 {d.planned_count} 人，评审职业（工种）如下："]
            + [f"{code}　{name}" for code, name in d.occupations],
        ),
        (SECTIONS[1], ["申报人员应为本单位在职职工，并符合下列条件之一：", *d.conditions]),
        (SECTIONS[2], [d.method, "评审采取专家评审方式，综合评价申报人员的技能水平、业绩贡献和传技带徒等情况。"]),
        (
            SECTIONS[3],
            [
                "成立本单位特级技师、首席技师评聘工作领导小组，负责评聘工作的组织实施和监督；组建专家评审委员会，"
                f"负责评审工作。领导小组及评审委员会组成人员：{TO_FILL}",
            ],
        ),
        (
            SECTIONS[4],
            [
                f"（一）申报与资格审查：{TO_FILL}",
                f"（二）组织评审：{d.review_date}（{d.phase}）。",
                f"（三）单位内部公示：评审结束后，将拟入选名单向全体职工公示，公示期不少于 {d.notice_days} 个工作日。",
                "（四）结果报备：公示无异议后，在业务系统内报备评价结果。",
                "（五）证书颁发：评价结果经审核并在技能人才评价工作网可查询后，颁发职业技能等级证书。",
            ],
        ),
        (
            SECTIONS[5],
            [
                "本单位与通过评审的人员签订聘任协议，并设立技能大师工作室等工作平台，为其开展技术技能革新、"
                "工艺流程改进、解决重大技术难题等提供条件。",
                "聘用到特级技师岗位的人员，可比照本单位正高级职称人员享受相关待遇；首席技师薪酬待遇可参照本单位"
                "高级管理人员标准确定或根据实际确定，不低于特级技师薪酬待遇。"
                f"具体岗位及待遇：{TO_FILL}",
            ],
        ),
    ]


NUMERALS = "一二三四五六"


def work_plan_docx(d: WorkPlanData) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    doc.add_heading(title(d), level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(
        "根据《广东省特级技师、首席技师评聘工作方案》，结合本单位人才规划和发展需要，制定本方案。"
        "本方案经审定后向全体员工公开。（本稿由系统根据已通过的评价计划生成，请核对修改后印发。）"
    )
    for numeral, (heading, lines) in zip(NUMERALS, sections(d), strict=True):
        doc.add_heading(f"{numeral}、{heading}", level=2)
        for line in lines:
            doc.add_paragraph(line)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
