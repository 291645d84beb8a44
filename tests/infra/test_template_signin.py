"""Hosted sign-in as deployed: the Cognito domain, a public code-flow client, URLs derived from the site, the CSP.

The template's conditions are evaluated here for given parameters (a small resolver of Ref, Fn::If, Fn::Sub,
Fn::Join, Fn::Split and the condition functions), so each case reads the values CloudFormation would set.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.infra.conftest import ROOT, TEMPLATE

pytestmark = pytest.mark.infra

NO_VALUE = object()
PSEUDO = {"AWS::Region": "us-east-1", "AWS::AccountId": "123456789012", "AWS::URLSuffix": "amazonaws.com"}
PSEUDO |= {"AWS::Partition": "aws"}
HASHES = ["sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "sha256-n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="]


class Stack:
    """The template with parameter values: conditions and property values as CloudFormation resolves them."""

    def __init__(self, template: dict[str, Any], **values: Any) -> None:
        self.template = template
        self.values = {name: p.get("Default", "") for name, p in template["Parameters"].items()} | values
        for name, p in template["Parameters"].items():
            if p["Type"] == "CommaDelimitedList" and isinstance(self.values[name], str):
                self.values[name] = self.values[name].split(",")
        self.values["UserPoolDomain"] = self.domain_prefix()
        self.values["MaterialsBucket.RegionalDomainName"] = "materials.s3.us-east-1.amazonaws.com"

    def domain_prefix(self) -> str:
        props = self.template["Resources"]["UserPoolDomain"]["Properties"]
        return str(self.resolve(props["Domain"], {}))

    def condition(self, name: str) -> bool:
        return bool(self.resolve(self.template["Conditions"][name], {}))

    def resolve(self, node: Any, local: dict[str, Any]) -> Any:
        if isinstance(node, list):
            return [v for v in (self.resolve(i, local) for i in node) if v is not NO_VALUE]
        if not isinstance(node, dict):
            return node
        if len(node) != 1:
            return {k: v for k, v in ((k, self.resolve(v, local)) for k, v in node.items()) if v is not NO_VALUE}
        ((key, arg),) = node.items()
        if key == "Ref":
            return NO_VALUE if arg == "AWS::NoValue" else {**PSEUDO, **self.values}.get(arg, f"<{arg}>")
        if key == "Condition":
            return self.condition(arg)
        if key == "Fn::If":
            name, yes, no = arg
            return self.resolve(yes if self.condition(name) else no, local)
        if key == "Fn::Equals":
            left, right = (self.resolve(a, local) for a in arg)
            return left == right
        if key == "Fn::Not":
            return not self.resolve(arg[0], local)
        if key == "Fn::Or":
            return any(self.resolve(a, local) for a in arg)
        if key == "Fn::And":
            return all(self.resolve(a, local) for a in arg)
        if key == "Fn::Join":
            sep, items = arg
            return sep.join(self.resolve(items, local))
        if key == "Fn::Split":
            sep, text = arg
            return str(self.resolve(text, local)).split(sep)
        if key == "Fn::Sub":
            text, names = (arg, {}) if isinstance(arg, str) else arg
            names = {k: self.resolve(v, local) for k, v in names.items()}
            lookup = {**PSEUDO, **self.values, **names}
            return re.sub(r"\$\{([^}]+)\}", lambda m: str(lookup[m.group(1)]), text)
        return {key: self.resolve(arg, local)}

    def props(self, resource: str) -> dict[str, Any]:
        resolved: dict[str, Any] = self.resolve(self.template["Resources"][resource]["Properties"], {})
        return resolved

    def output(self, name: str) -> Any:
        return self.resolve(self.template["Outputs"][name]["Value"], {})

    def csp(self) -> dict[str, list[str]]:
        config = self.props("SecurityHeadersPolicy")["ResponseHeadersPolicyConfig"]
        text = config["SecurityHeadersConfig"]["ContentSecurityPolicy"]["ContentSecurityPolicy"]
        return {d.split()[0]: d.split()[1:] for d in (part.strip() for part in text.split(";")) if d}


def test_the_pool_has_a_hosted_sign_in_domain_with_a_chosen_or_derived_prefix(template: dict[str, Any]) -> None:
    domain = template["Resources"]["UserPoolDomain"]
    assert domain["Type"] == "AWS::Cognito::UserPoolDomain"
    assert domain["Properties"]["UserPoolId"] == {"Ref": "UserPool"}
    assert Stack(template).domain_prefix() == "gdskills-dev-123456789012"
    assert Stack(template, AuthDomainPrefix="gd-jishi").domain_prefix() == "gd-jishi"
    # And the output the deploy writes into config.json names the hosted UI's host
    assert (
        Stack(template, AuthDomainPrefix="gd-jishi").output("AuthDomain") == "gd-jishi.auth.us-east-1.amazoncognito.com"
    )


@pytest.mark.parametrize(
    ("values", "site"),
    [
        (
            {"DomainName": "jishi.hrss.gd.gov.cn", "CertificateArn": "arn:x", "Stage": "prod"},
            "https://jishi.hrss.gd.gov.cn",
        ),
        ({"SiteUrl": "https://d111111abcdef8.cloudfront.net"}, "https://d111111abcdef8.cloudfront.net"),
    ],
)
def test_the_app_client_is_public_code_flow_only_with_urls_derived_from_the_site(
    template: dict[str, Any], values: dict[str, str], site: str
) -> None:
    # Given the stack deployed with its site's URL known (its own domain, or the CloudFront one)
    client = Stack(template, **values).props("UserPoolClient")
    # Then the client has no secret, the authorization-code flow only, and the OIDC scopes
    assert client["GenerateSecret"] is False
    assert client["AllowedOAuthFlowsUserPoolClient"] is True
    assert client["AllowedOAuthFlows"] == ["code"]
    assert sorted(client["AllowedOAuthScopes"]) == ["email", "openid", "profile"]
    assert client["SupportedIdentityProviders"] == ["COGNITO"]
    # And no password flow through the API: people sign in on the hosted UI only
    assert client["ExplicitAuthFlows"] == ["ALLOW_REFRESH_TOKEN_AUTH"]
    # And Cognito sends people back to the site's callback page, and to the site after signing out
    assert client["CallbackURLs"] == [f"{site}/auth/"]
    assert client["LogoutURLs"] == [f"{site}/"]
    assert Stack(template, **values).output("SignInCallbackUrl") == f"{site}/auth/"


def test_before_the_site_url_is_known_the_client_offers_no_oauth_at_all(template: dict[str, Any]) -> None:
    stack = Stack(template)
    client = stack.props("UserPoolClient")
    assert client["AllowedOAuthFlowsUserPoolClient"] is False
    assert not {"AllowedOAuthFlows", "CallbackURLs", "LogoutURLs"} & set(client)
    assert stack.output("SignInCallbackUrl") == ""  # deploy.sh then deploys again with SiteUrl


def test_no_implicit_flow_anywhere_and_token_lifetimes_are_stated(template: dict[str, Any]) -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    assert "implicit" not in text
    assert "client_credentials" not in text
    client = template["Resources"]["UserPoolClient"]["Properties"]
    lifetimes = {k: client[f"{k}Validity"] for k in ("AccessToken", "IdToken", "RefreshToken")}
    assert lifetimes == {"AccessToken": 60, "IdToken": 60, "RefreshToken": 30}
    assert client["TokenValidityUnits"] == {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"}
    assert client["EnableTokenRevocation"] is True


def test_the_callback_page_exists_in_the_site() -> None:
    assert (ROOT / "site" / "auth" / "index.md").is_file()


@pytest.mark.parametrize("hashes", [HASHES, [HASHES[0]], [""]])
def test_script_src_allows_the_site_and_the_given_hashes_never_unsafe_inline(
    template: dict[str, Any], hashes: list[str]
) -> None:
    csp = Stack(template, InlineScriptHashes=hashes).csp()
    assert csp["script-src"] == ["'self'"] + [f"'{h}'" for h in hashes if h]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert "script-src-elem" not in csp
    assert "script-src-attr" not in csp
    # And the site may fetch tokens from its Cognito domain, nowhere else beyond itself and the uploads
    assert csp["connect-src"] == [
        "'self'",
        "https://materials.s3.us-east-1.amazonaws.com",
        "https://gdskills-dev-123456789012.auth.us-east-1.amazoncognito.com",
    ]
    assert csp["default-src"] == ["'self'"]


def test_the_deploy_writes_config_json_from_the_stack_after_it_exists_and_passes_the_hashes() -> None:
    script = (ROOT / "infra" / "deploy.sh").read_text(encoding="utf-8")
    deployed = script.index('deploy "$site_url"')
    written = script.index("build/site/config.json")
    synced = script.index("s3 sync build/site")
    assert deployed < written < synced
    assert "InlineScriptHashes=$hashes" in script
    assert "build/csp-script-hashes.txt" in script
    assert '--exclude "assets/js/demo-signin.js"' in script
    assert '"mode": "cognito"' in script


def test_anonymous_account_requests_are_throttled_at_the_api_and_the_edge(template: dict[str, Any]) -> None:
    api = template["Resources"]["HttpApi"]["Properties"]
    route = api["RouteSettings"]["POST /api/public/account-requests"]
    assert route["ThrottlingRateLimit"] <= 5
    assert route["ThrottlingBurstLimit"] <= 20
    rules = {r["Name"]: r for r in template["Resources"]["EdgeWebAcl"]["Properties"]["Rules"]}
    rate = rules["AccountRequestsPerIp"]["Statement"]["RateBasedStatement"]
    match = rate["ScopeDownStatement"]["ByteMatchStatement"]
    assert (match["SearchString"], match["PositionalConstraint"]) == ("/api/public/account-requests", "STARTS_WITH")
    assert "Block" in rules["AccountRequestsPerIp"]["Action"]
