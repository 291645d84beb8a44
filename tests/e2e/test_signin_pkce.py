"""Sign-in as deployed: the code + PKCE round trip against a stand-in hosted UI this test serves on loopback.

The site is told (its /config.json, as `make deploy` writes it) to sign in at the stand-in, whose
/oauth2/authorize and /oauth2/token check what Cognito checks (code flow, S256 challenge, state, redirect URI,
no secret) and hand back an ID token the local gateway accepts. The pages run under the deployed CSP:
scripts from the site and the build's hashes only, no 'unsafe-inline'.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.e2e.conftest import ROOT
from tests.factories import FACTORY_USCC

pytestmark = pytest.mark.e2e
CLIENT = "standin-client-7f3a"


class StandIn(ThreadingHTTPServer):
    """Cognito's hosted UI endpoints, as far as the site uses them; remembers what it was sent."""

    site: str
    codes: dict[str, dict[str, str]]
    grants: list[dict[str, str]]
    revoked: list[str]
    refuse_refresh: bool = False
    person: dict[str, str] = {"role": "enterprise", "uscc": FACTORY_USCC, "name": "陈晓明"}  # noqa: RUF012


class StandInHandler(BaseHTTPRequestHandler):
    server: StandIn

    def log_message(self, *_: Any) -> None:
        pass

    def _answer(self, status: int, body: Any = None, location: str | None = None) -> None:
        payload = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Access-Control-Allow-Origin", self.server.site)  # Cognito's token endpoint does CORS
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/oauth2/authorize":
            assert query["response_type"] == "code", query  # never the implicit flow
            assert query["client_id"] == CLIENT
            assert query["redirect_uri"] == f"{self.server.site}/auth/"
            assert query["code_challenge_method"] == "S256"
            assert set(query["scope"].split()) == {"openid", "email", "profile"}
            code = secrets.token_urlsafe(12)
            self.server.codes[code] = query
            target = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
            self._answer(302, location=target)
        elif url.path == "/logout":
            assert query["client_id"] == CLIENT
            self._answer(302, location=query["logout_uri"])
        else:
            self._answer(404, {"error": "not_found"})

    def do_POST(self) -> None:
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(int(self.headers["content-length"])).decode()).items()}
        if self.path == "/oauth2/revoke":
            self.server.revoked.append(form["token"])
            self._answer(200, {})
            return
        self.server.grants.append(form)
        if "client_secret" in form or form.get("client_id") != CLIENT:
            self._answer(400, {"error": "invalid_client"})
        elif form["grant_type"] == "authorization_code":
            asked = self.server.codes.pop(form["code"], None)
            verifier = form.get("code_verifier", "")
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if asked is None or digest != asked["code_challenge"] or form["redirect_uri"] != asked["redirect_uri"]:
                self._answer(400, {"error": "invalid_grant"})
            else:
                self._answer(200, self._tokens("refresh-1"))
        elif form["grant_type"] == "refresh_token" and form["refresh_token"] == "refresh-1":
            self._answer(400, {"error": "invalid_grant"}) if self.server.refuse_refresh else self._answer(
                200, self._tokens(None)
            )
        else:
            self._answer(400, {"error": "unsupported_grant_type"})

    def _tokens(self, refresh: str | None) -> dict[str, Any]:
        """An ID token the local gateway verifies (the local server signs it, as Cognito would sign its own)."""
        request = urllib.request.Request(
            f"{self.server.site}/api/local/session",
            data=json.dumps(self.server.person).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            token = json.load(answer)["token"]
        tokens = {"id_token": token, "access_token": token, "expires_in": 3600, "token_type": "Bearer"}
        return tokens | ({"refresh_token": refresh} if refresh else {})


@pytest.fixture
def standin(server: str) -> Iterator[StandIn]:
    stand_in = StandIn(("127.0.0.1", 0), StandInHandler)
    stand_in.site, stand_in.codes, stand_in.grants, stand_in.revoked = server, {}, [], []
    thread = threading.Thread(target=stand_in.serve_forever, daemon=True)
    thread.start()
    yield stand_in
    stand_in.shutdown()
    stand_in.server_close()


def deployed_csp(standin_origin: str) -> str:
    hashes = " ".join(f"'{h}'" for h in (ROOT / "build" / "csp-script-hashes.txt").read_text().split())
    return (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        f"font-src 'self'; object-src 'none'; base-uri 'self'; connect-src 'self' {standin_origin}"
    )


@pytest.fixture
def deployed(browser: Any, server: str, standin: StandIn) -> Iterator[Any]:
    """A page of the site as deployed: config.json naming the (stand-in) hosted UI, pages under the CSP."""
    origin = f"http://localhost:{standin.server_address[1]}"  # the site is on localhost too (one address space)
    config = {"mode": "cognito", "domain": origin, "client_id": CLIENT}
    config |= {"redirect_uri": f"{server}/auth/", "logout_uri": f"{server}/"}
    # The stand-in listens on loopback; Chromium asks before a page reaches it (Cognito is on the internet).
    context = browser.new_context(base_url=server, locale="zh-CN", permissions=["local-network-access"])
    context.set_default_timeout(15_000)
    context.route("**/config.json", lambda route: route.fulfill(json={"auth": config}))

    def with_csp(route: Any) -> None:
        if route.request.resource_type != "document" or not route.request.url.startswith(server):
            route.fallback()
            return
        response = route.fetch()
        headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-encoding", "content-length")}
        route.fulfill(response=response, headers=headers | {"content-security-policy": deployed_csp(origin)})

    context.route("**/*", with_csp)
    page = context.new_page()
    page.violations = []
    page.on("console", lambda m: page.violations.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    context.close()


def signed_in(page: Any, standin: StandIn) -> None:
    page.goto("/enterprise/")
    assert page.get_by_label("统一社会信用代码").count() == 0  # no demo login where the site is deployed
    page.get_by_role("button", name="登录（统一身份认证）").click()
    page.get_by_text("已登录：企业用户").wait_for()


def test_code_and_pkce_round_trip_ends_in_an_authenticated_api_call(deployed: Any, standin: StandIn) -> None:
    page = deployed
    # Given the enterprise sign-in page of the deployed site
    # When the person signs in through the hosted UI (stand-in)
    signed_in(page, standin)
    # Then they are back on the page they started from, the code gone from the address bar
    assert page.url.endswith("/enterprise/")
    # And the code was redeemed with the PKCE verifier by the public client (no secret)
    (grant,) = standin.grants
    assert grant["grant_type"] == "authorization_code"
    assert len(grant["code_verifier"]) >= 43
    # And nothing went to localStorage; the refresh token stays in this tab's sessionStorage only
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("sessionStorage.getItem('gdskills.refresh')") == "refresh-1"
    # And their pages call the API with the token and get answers
    with page.expect_response(lambda r: "/api/" in r.url and r.request.header_value("authorization")) as call:
        page.goto("/enterprise/records/")
    assert call.value.status == 200
    assert page.violations == []


def test_a_token_about_to_expire_is_refreshed_before_the_call(deployed: Any, standin: StandIn) -> None:
    page = deployed
    signed_in(page, standin)
    # Given a session whose ID token expires in two minutes (within the refresh margin)
    page.evaluate(
        """() => { const s = JSON.parse(sessionStorage.getItem('gdskills.session'));
        s.expires = Math.floor(Date.now() / 1000) + 120;
        sessionStorage.setItem('gdskills.session', JSON.stringify(s)); }"""
    )
    # When a page calls the API
    with page.expect_response(lambda r: "/api/" in r.url and r.request.header_value("authorization")) as call:
        page.goto("/enterprise/records/")
    # Then the refresh_token grant ran first and the call went through with the fresh token
    assert [g["grant_type"] for g in standin.grants] == ["authorization_code", "refresh_token"]
    assert call.value.status == 200
    assert page.evaluate("JSON.parse(sessionStorage.getItem('gdskills.session')).expires") > 0


def test_when_refresh_is_refused_the_page_hears_it_before_the_session_goes(deployed: Any, standin: StandIn) -> None:
    page = deployed
    signed_in(page, standin)
    standin.refuse_refresh = True
    page.evaluate(
        """() => { const s = JSON.parse(sessionStorage.getItem('gdskills.session'));
        s.expires = Math.floor(Date.now() / 1000) - 5;
        sessionStorage.setItem('gdskills.session', JSON.stringify(s)); }"""
    )
    heard = page.evaluate(
        """async () => {
          const { onSignInRequired } = await import('/assets/js/auth.js');
          const { freshToken } = await import('/assets/js/tokens.js');
          const heard = [];
          onSignInRequired((d) => heard.push([d.reason, sessionStorage.getItem('gdskills.session') !== null]));
          await freshToken();
          return heard;
        }"""
    )
    # Then the seam fired while the session still existed (a form can be saved), and then it was dropped
    assert heard == [["expired", True]]
    assert page.evaluate("sessionStorage.getItem('gdskills.session')") is None


def test_sign_out_revokes_the_refresh_token_and_ends_the_hosted_session(deployed: Any, standin: StandIn) -> None:
    page = deployed
    signed_in(page, standin)
    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url(f"{standin.site}/")
    assert standin.revoked == ["refresh-1"]
    assert page.evaluate("sessionStorage.length") == 0


def test_a_reviewer_invited_by_the_province_lands_on_the_console(deployed: Any, standin: StandIn) -> None:
    # Given a Guangzhou reviewer's account, who opens the site's enterprise page first
    standin.person = {"role": "city_reviewer", "city": "440100", "name": "广审核"}
    page = deployed
    page.goto("/enterprise/")
    page.get_by_role("button", name="登录（统一身份认证）").click()
    # Then after the hosted UI they land on their own pages, the review console, with their queue
    page.wait_for_url("**/console/")
    page.get_by_text("已登录：地市审核人员").wait_for()
    page.get_by_role("heading", name="待审队列").wait_for()
    assert page.violations == []
