// Sign-in: Cognito's hosted UI when the site is deployed (meta gdskills-cognito-*), the local demo login
// (POST /api/local/session) otherwise. The token lives in sessionStorage only.

import { api, clearSession, jwtClaims, saveSession, session, siteUrl } from "./api.js";
import { clearErrors, collect, h, showErrors } from "./forms.js";

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content || "";
const ROLE_NAMES = { enterprise: "企业用户", city_reviewer: "地市审核人员", province_reviewer: "省级审核人员", admin: "管理员" };
export const STAFF = ["city_reviewer", "province_reviewer", "admin"];

export const cognito = () => ({ domain: meta("gdskills-cognito-domain"), client: meta("gdskills-cognito-client") });

function fromClaims(token) {
  const claims = jwtClaims(token);
  const groups = claims["cognito:groups"] || [];
  return {
    token,
    role: (Array.isArray(groups) ? groups : String(groups).replace(/[[\]]/g, "").split(" "))[0],
    uscc: claims["custom:uscc"] || null,
    city: claims["custom:city"] || null,
    name: claims["cognito:username"] || claims.email || "",
  };
}

/** Back from the hosted UI: the implicit grant puts id_token in the fragment. */
function takeHostedToken() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get("id_token");
  if (!token) return;
  saveSession(fromClaims(token));
  history.replaceState(null, "", location.pathname + location.search);
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
    h("a", { class: "md-button md-button--primary", href: siteUrl(signInPath), text: "去登录" }),
  );
  notice.className = "notice notice--error";
  notice.hidden = false;
  return null;
}

/** Wire a sign-in form (#signin) and the status line (#signin-status) on a sign-in page. */
export function mountSignIn({ roles, onSignedIn }) {
  takeHostedToken();
  const form = document.getElementById("signin");
  const status = document.getElementById("signin-status");
  const signOut = document.getElementById("signout");
  const { domain, client } = cognito();
  const refresh = () => {
    const current = session();
    status.textContent = describe(current);
    signOut.hidden = !current;
    if (current && roles.includes(current.role)) onSignedIn?.(current);
  };
  signOut.addEventListener("click", () => {
    clearSession();
    refresh();
    location.reload();
  });
  if (domain && client) {
    const redirect = location.origin + location.pathname;
    const url = `https://${domain}/oauth2/authorize?response_type=token&scope=openid+email&client_id=${encodeURIComponent(client)}&redirect_uri=${encodeURIComponent(redirect)}`;
    form.replaceChildren(h("a", { class: "md-button md-button--primary", href: url, text: "登录（统一身份认证）" }));
  } else {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      clearErrors(form);
      const body = collect(form);
      try {
        const answer = await api("POST", "/local/session", { body });
        saveSession({ ...fromClaims(answer.token), name: body.name || "" });
        refresh();
        document.getElementById("signin-status").focus();
      } catch (error) {
        showErrors(form, error);
      }
    });
  }
  refresh();
}
