"""Enterprise categories and what each may evaluate (§二(一)), as data."""

from __future__ import annotations

from typing import Literal

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
