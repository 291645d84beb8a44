"""Enterprise categories and what each may evaluate (§二(一)), as data."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field

from schemas._errors import rule_error

EnterpriseCategory = Literal["above_scale", "provincial_filed", "chain_leader", "large"]

CATEGORY_NAMES: dict[str, str] = {
    "above_scale": "规模以上企业",
    "provincial_filed": "省属备案企业",
    "chain_leader": "产教评技能生态链链主企业",
    "large": "大型企业",
}
# §二(一): 规模以上企业 may run T; 省属备案企业, 链主企业 and 大型企业 may run S. [choice] A category that may run S
# may also run T (the notice has the province review 省属备案企业's T results, §五(二)2②).
CATEGORY_LEVELS: dict[str, frozenset[str]] = {
    "above_scale": frozenset({"T"}),
    "provincial_filed": frozenset({"S", "T"}),
    "chain_leader": frozenset({"S", "T"}),
    "large": frozenset({"S", "T"}),
}
# A large enterprise is also above scale: ticking 大型企业 counts as ticking 规模以上企业 too.
CATEGORY_IMPLIES: dict[str, str] = {"large": "above_scale"}
# Filings, plans and reports (T and S) of these enterprises are reviewed by the province alone.
PROVINCE_REVIEWED = frozenset({"provincial_filed"})


def categories_for(level: str) -> list[str]:
    return [code for code, levels in CATEGORY_LEVELS.items() if level in levels]


def with_implied(categories: list[str]) -> list[str]:
    """The categories as ticked, each once, plus those they imply (大型企业 → 规模以上企业)."""
    out = list(dict.fromkeys(categories))
    for code in list(out):
        implied = CATEGORY_IMPLIES.get(code)
        if implied and implied not in out:
            out.append(implied)
    return out


def levels_allowed(categories: list[str]) -> set[str]:
    return {level for code in with_implied(categories) for level in CATEGORY_LEVELS[code]}


# ---- an already-filed evaluation institution (§五(一)1: 已具备资质的企业无需重复申请) ------------------------------

INSTITUTION_CODE_DIGITS = 4  # certificate positions 2–5
SITE_SEQUENCE_DIGITS = 6  # certificate positions 8–13


def _digits(value: str, width: int, what: str, error_type: str) -> str:
    value = value.strip()
    if len(value) != width or not value.isascii() or not value.isdigit():
        raise rule_error(error_type, f"{what}应为 {width} 位数字（证书编号中的对应位置），请按备案证明填写")
    return value


def _institution_code(value: str) -> str:
    # 0000 is what institutions filed with the province carry [choice], so it is a valid code.
    return _digits(value, INSTITUTION_CODE_DIGITS, "评价机构代码", "institution_code_format")


def _site_sequence(value: str) -> str:
    value = _digits(value, SITE_SEQUENCE_DIGITS, "机构序列号", "site_sequence_format")
    if not int(value):
        raise rule_error("site_sequence_format", "机构序列号从 000001 起，不能为 000000")
    return value


class ExistingInstitution(BaseModel):
    """The codes of an enterprise already filed as an evaluation institution; its certificates keep using them."""

    institution_code: Annotated[
        str, AfterValidator(_institution_code), Field(description="评价机构代码（4 位数字）", examples=["1001"])
    ]
    site_sequence: Annotated[
        str, AfterValidator(_site_sequence), Field(description="机构序列号（6 位数字）", examples=["000123"])
    ]
