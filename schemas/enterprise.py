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
CATEGORY_LEVELS: dict[str, frozenset[str]] = {
    "above_scale": frozenset({"T"}),
    "provincial_filed": frozenset({"S"}),
    "chain_leader": frozenset({"S"}),
    "large": frozenset({"S"}),
}
# A large enterprise is also above scale.
CATEGORY_IMPLIES: dict[str, str] = {"large": "above_scale"}
# Filings and plans of these enterprises (and their T reports) are reviewed by the province.
PROVINCE_REVIEWED = frozenset({"provincial_filed"})


def categories_for(level: str) -> list[str]:
    return [code for code, levels in CATEGORY_LEVELS.items() if level in levels]


def levels_allowed(categories: list[str]) -> set[str]:
    return {level for code in categories for level in CATEGORY_LEVELS[code]}
