"""Who reviews what (§五(二)2) and what each enterprise category may evaluate (§二(一)), as rules."""

from __future__ import annotations

import pytest

from schemas.enterprise import levels_allowed, with_implied
from schemas.review import review_stages


@pytest.mark.parametrize(
    ("kind", "level", "categories", "stages"),
    [
        ("filing", None, ["above_scale"], ("city",)),
        ("filing", None, ["provincial_filed"], ("province",)),
        ("plan", "S", ["large", "above_scale"], ("city",)),
        ("plan", "T", ["provincial_filed"], ("province",)),
        ("report", "T", ["above_scale"], ("city",)),
        ("report", "T", ["provincial_filed", "above_scale"], ("province",)),
        ("report", "S", ["large", "above_scale"], ("city", "province")),
        ("report", "S", ["chain_leader"], ("city", "province")),
        # §五(二)2①: the city reviews only 当地备案企业; a provincial-filed enterprise's S report: province only
        ("report", "S", ["provincial_filed"], ("province",)),
        ("report", "S", ["provincial_filed", "large", "above_scale"], ("province",)),
    ],
)
def test_review_stages(kind, level, categories, stages):
    assert review_stages(kind, level, categories) == stages


@pytest.mark.parametrize(
    ("categories", "levels"),
    [
        (["above_scale"], {"T"}),
        (["large"], {"T", "S"}),
        (["chain_leader"], {"T", "S"}),
        (["provincial_filed"], {"T", "S"}),
    ],
)
def test_categories_that_may_run_s_may_also_run_t(categories, levels):
    assert levels_allowed(categories) == levels


def test_large_implies_above_scale_once():
    assert with_implied(["large"]) == ["large", "above_scale"]
    assert with_implied(["above_scale", "large", "large"]) == ["above_scale", "large"]
