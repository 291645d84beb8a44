// Keeping the session's ID token fresh (Cognito's refresh_token grant, a few minutes before it expires), and
// the one seam for pages that must not lose work when someone has to sign in again.

import { loadConfig } from "./config.js";
import { clearSession, refreshToken, saveRefreshToken, saveSession, session, sessionFrom } from "./session.js";

export const REFRESH_MARGIN_S = 300;
export const SIGNIN_REQUIRED = "gdskills:signin-required";

/**
 * The seam: `callback({reason})` runs before the session is dropped and before anyone is sent to sign in
 * ("expired": no refresh possible; "unauthorized": the API refused the token), so a page can save its form
 * first. Also a window event of the same name. Returns a function that unsubscribes.
 */
export function onSignInRequired(callback) {
  const listener = (event) => callback(event.detail);
  window.addEventListener(SIGNIN_REQUIRED, listener);
  return () => window.removeEventListener(SIGNIN_REQUIRED, listener);
}

export function signInRequired(reason) {
  window.dispatchEvent(new CustomEvent(SIGNIN_REQUIRED, { detail: { reason } }));
}

/** The hosted UI's origin: a host name from the stack (https), or a full origin (a test's stand-in). */
export const authBase = (auth) => (auth.domain.includes("://") ? auth.domain : `https://${auth.domain}`);

/** POST to Cognito's /oauth2/token as the public client (no secret); resolves to its JSON answer. */
export async function tokenRequest(auth, params) {
  const response = await fetch(`${authBase(auth)}/oauth2/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: auth.client_id, ...params }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return response.json();
}

async function refresh() {
  const { auth } = await loadConfig();
  const token = refreshToken();
  if (auth.mode !== "cognito" || !token) return null;
  try {
    const answer = await tokenRequest(auth, { grant_type: "refresh_token", refresh_token: token });
    const next = sessionFrom(answer.id_token, session()?.name);
    saveSession(next);
    if (answer.refresh_token) saveRefreshToken(answer.refresh_token);
    schedule();
    return next;
  } catch {
    return null;
  }
}

let inflight = null;
let timer = null;

/** The ID token to send: refreshed first when it expires within the margin; null when there is none. */
export async function freshToken() {
  const current = session();
  if (!current?.token) return null;
  const now = Date.now() / 1000;
  if (!current.expires || current.expires - now > REFRESH_MARGIN_S) return current.token;
  inflight ??= refresh().finally(() => {
    inflight = null;
  });
  const next = await inflight;
  if (next) return next.token;
  if (current.expires > now) {
    clearTimeout(timer);
    timer = setTimeout(freshToken, 60_000); // still valid: try again in a minute
    return current.token;
  }
  signInRequired("expired");
  clearSession();
  return null;
}

/** Refresh on a timer too, so a page left open on a long form holds a valid token when it is sent. */
export function schedule() {
  clearTimeout(timer);
  const current = session();
  if (!current?.expires || !refreshToken()) return;
  const wait = Math.max(0, (current.expires - REFRESH_MARGIN_S) * 1000 - Date.now());
  timer = setTimeout(freshToken, Math.min(wait, 2 ** 31 - 1));
}
