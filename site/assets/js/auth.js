// Sign-in, chosen at run time by /config.json: Cognito's hosted UI with the authorization-code flow and PKCE
// (S256) when deployed, the local demo login (./demo-signin.js, never published) on the local server.
// Tokens live in sessionStorage (./session.js), are refreshed before they expire (./tokens.js), and signing
// out revokes the refresh token and ends the hosted UI's own session through Cognito's /logout.

import { siteUrl } from "./api.js";
import { loadConfig } from "./config.js";
import { h } from "./forms.js";
import { announceSignOut } from "./session-share.js";
import { clearSession, refreshToken, saveRefreshToken, saveSession, session, sessionFrom } from "./session.js";
import { authBase, schedule, tokenRequest } from "./tokens.js";

export { onSignInRequired } from "./tokens.js";

const ROLE_NAMES = { enterprise: "企业用户", city_reviewer: "地市审核人员", province_reviewer: "省级审核人员", admin: "管理员" };
export const STAFF = ["city_reviewer", "province_reviewer", "admin"];
const PENDING_KEY = "gdskills.signin";

const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const randomText = (bytes) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

/** RFC 7636: BASE64URL(SHA-256(verifier)). */
export async function pkceChallenge(verifier) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** Off to the hosted UI; back at /auth/ with a code that only this tab's verifier can redeem. */
export async function startSignIn(returnTo = location.href) {
  const { auth } = await loadConfig();
  if (auth.mode !== "cognito") return;
  const verifier = randomText(48);
  const state = randomText(16);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo }));
  const query = new URLSearchParams({
    response_type: "code",
    client_id: auth.client_id,
    redirect_uri: auth.redirect_uri,
    scope: "openid email profile",
    state,
    code_challenge: await pkceChallenge(verifier),
    code_challenge_method: "S256",
  });
  location.assign(`${authBase(auth)}/oauth2/authorize?${query}`);
}

/** Where someone lands after signing in: back where they started if that page is theirs, else their pages. */
function landing(role, returnTo) {
  const home = siteUrl(role === "enterprise" ? "enterprise/" : "console/");
  try {
    const target = new URL(returnTo, location.href);
    return target.origin === location.origin && target.href.startsWith(home) ? target.href : home;
  } catch {
    return home;
  }
}

/** On the callback page: check the state, redeem the code with the verifier; resolves to where to go next. */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || "null");
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, "", location.pathname); // the code leaves the address bar and the history
  if (params.get("error")) throw new Error(params.get("error_description") || params.get("error"));
  if (!params.get("code") || !pending || params.get("state") !== pending.state) {
    throw new Error("登录请求已失效或不是从本页发起，请重新登录");
  }
  const { auth } = await loadConfig();
  if (auth.mode !== "cognito") throw new Error("登录服务暂不可用");
  const answer = await tokenRequest(auth, {
    grant_type: "authorization_code",
    code: params.get("code"),
    redirect_uri: auth.redirect_uri,
    code_verifier: pending.verifier,
  });
  const signedIn = sessionFrom(answer.id_token);
  saveSession(signedIn);
  if (answer.refresh_token) saveRefreshToken(answer.refresh_token);
  return landing(signedIn.role, pending.returnTo);
}

export async function signOut() {
  const { auth } = await loadConfig();
  const token = refreshToken();
  announceSignOut(); // every tab of the site, not only this one
  clearSession();
  if (auth.mode !== "cognito") {
    location.reload();
    return;
  }
  if (token) {
    const body = new URLSearchParams({ token, client_id: auth.client_id });
    await fetch(`${authBase(auth)}/oauth2/revoke`, { method: "POST", body }).catch(() => null);
  }
  const query = new URLSearchParams({ client_id: auth.client_id, logout_uri: auth.logout_uri });
  location.assign(`${authBase(auth)}/logout?${query}`);
}

export function describe(current) {
  if (!current) return "未登录";
  const who = [ROLE_NAMES[current.role] || current.role, current.uscc, current.city].filter(Boolean).join(" · ");
  return `已登录：${who}`;
}

/** Require a session with one of `roles`; otherwise show where to sign in and return null. */
export function requireRole(roles, notice, signInPath) {
  const current = session();
  if (current && roles.includes(current.role)) return current;
  notice.replaceChildren(
    h("p", { text: current ? "当前登录身份不能使用本页，请更换身份登录。" : "请先登录。" }),
    // Back to this very page after signing in (a form resumes from its draft).
    h("a", { class: "md-button md-button--primary", href: `${siteUrl(signInPath)}?return=${encodeURIComponent(location.href)}`, text: "去登录" }),
  );
  notice.className = "notice notice--error";
  notice.hidden = false;
  return null;
}

/** Wire a sign-in page: the place for the sign-in (#signin), the status line (#signin-status), #signout. */
export async function mountSignIn({ roles, onSignedIn }) {
  const place = document.getElementById("signin");
  const status = document.getElementById("signin-status");
  const signOutButton = document.getElementById("signout");
  const refresh = () => {
    const current = session();
    status.textContent = describe(current);
    signOutButton.hidden = !current;
    if (current && roles.includes(current.role)) onSignedIn?.(current);
  };
  signOutButton.addEventListener("click", () => signOut());
  const { auth } = await loadConfig();
  if (auth.mode === "cognito") {
    place.replaceChildren(
      h("button", { type: "button", class: "md-button md-button--primary", text: "登录（统一身份认证）", onclick: () => startSignIn() }),
    );
  } else if (auth.mode === "demo") {
    const { mountDemoSignIn } = await import("./demo-signin.js");
    await mountDemoSignIn(place, roles, refresh);
  } else {
    place.replaceChildren(h("p", { class: "notice notice--error", text: "登录服务暂不可用，请稍后再试。" }));
  }
  refresh();
  schedule();
}
