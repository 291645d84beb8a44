// The signed-in session of this tab: the ID token and what its claims say (role, USCC, city), plus, when signed
// in through Cognito, the refresh token. sessionStorage only, never localStorage: it belongs to this tab,
// is gone when the tab closes, and pages of the same site share it as people move between them (the pages
// are separate documents, so memory alone would sign people out at every link).

const SESSION_KEY = "gdskills.session";
const REFRESH_KEY = "gdskills.refresh";

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
  } catch {
    return null;
  }
}

export function saveSession(value) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
}

export function clearSession() {
  sessionStorage.removeItem(SESSION_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
}

export const refreshToken = () => sessionStorage.getItem(REFRESH_KEY);
export const saveRefreshToken = (token) => sessionStorage.setItem(REFRESH_KEY, token);

/** Claims of a JWT, read without verifying (the API verifies); used to learn role, USCC, city and expiry. */
export function jwtClaims(token) {
  const part = token.split(".")[1] || "";
  const json = atob(part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "="));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}

/** The session a token stands for: role from cognito:groups, tenant from custom:uscc / custom:city. */
export function sessionFrom(token, name) {
  const claims = jwtClaims(token);
  const groups = claims["cognito:groups"] || [];
  return {
    token,
    expires: Number(claims.exp || 0),
    role: (Array.isArray(groups) ? groups : String(groups).replace(/[[\]]/g, "").split(" "))[0],
    uscc: claims["custom:uscc"] || null,
    city: claims["custom:city"] || null,
    name: name || claims.name || claims.email || claims["cognito:username"] || "",
  };
}
