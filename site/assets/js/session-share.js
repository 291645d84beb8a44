// A link opened in a new tab starts with an empty sessionStorage. The signed-in tabs of this site hand such a
// tab their session over a BroadcastChannel (same origin only; nothing is written beyond the tabs, so the
// session still ends when the last tab closes). Signing out in one tab signs out every tab.

import { clearSession, refreshToken, saveRefreshToken, saveSession, session } from "./session.js";

const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("gdskills.session") : null;
const usable = (s) => Boolean(s?.token) && (!s.expires || s.expires - Date.now() / 1000 > 60);

if (channel) {
  channel.addEventListener("message", ({ data }) => {
    const current = session();
    if (data?.type === "ask" && usable(current)) {
      channel.postMessage({ type: "give", session: current, refresh: refreshToken() });
    } else if (data?.type === "give" && !current && usable(data.session)) {
      saveSession(data.session);
      if (data.refresh) saveRefreshToken(data.refresh);
      location.reload(); // the page starts again, signed in
    } else if (data?.type === "signed-out" && current) {
      clearSession();
      location.reload();
    }
  });
  if (!session()) channel.postMessage({ type: "ask" });
}

/** Tell the other tabs that this person signed out. */
export function announceSignOut() {
  channel?.postMessage({ type: "signed-out" });
}
