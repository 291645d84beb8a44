"""The cache convention for anonymous answers: the API says how long (Cache-Control), CloudFront keeps it that long."""

from __future__ import annotations

from typing import Any


def test_public_answers_are_cached_without_the_authorization_header(template: dict[str, Any]) -> None:
    distribution = template["Resources"]["SiteDistribution"]["Properties"]["DistributionConfig"]
    behaviours = [b["PathPattern"] for b in distribution["CacheBehaviors"]]
    # /api/public/* must come before /api/*, which would otherwise catch it with caching off
    assert behaviours.index("/api/public/*") < behaviours.index("/api/*")
    public = next(b for b in distribution["CacheBehaviors"] if b["PathPattern"] == "/api/public/*")
    assert public["CachePolicyId"] == {"Ref": "PublicApiCachePolicy"}
    policy = template["Resources"]["PublicApiCachePolicy"]["Properties"]["CachePolicyConfig"]
    assert policy["MaxTTL"] == {"Ref": "PublicAnswerSeconds"}
    assert policy["DefaultTTL"] == 0
    assert policy["ParametersInCacheKeyAndForwardedToOrigin"]["HeadersConfig"] == {"HeaderBehavior": "none"}


def test_the_api_says_how_long_its_public_answers_keep(template: dict[str, Any]) -> None:
    from functions.api.deps import PUBLIC_MAX_AGE

    parameter = template["Parameters"]["PublicAnswerSeconds"]
    assert parameter["MinValue"] <= PUBLIC_MAX_AGE <= parameter["Default"]
