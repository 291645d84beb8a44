// Settings read at run time from /config.json: written by `make deploy` from the stack's outputs (Cognito's
// hosted sign-in), served by the local server with the demo login. Never built into the pages, so the
// deployed site cannot fall back to the demo login: without a readable config there is no sign-in at all.

let configPromise = null;

export function loadConfig() {
  configPromise ??= fetch("/config.json", { cache: "no-store", headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null)
    .then((c) => {
      const auth = c?.auth || {};
      if (auth.mode === "demo") return { auth: { mode: "demo" } };
      if (auth.mode === "cognito" && auth.domain && auth.client_id && auth.redirect_uri) return { auth };
      return { auth: { mode: "unavailable" } };
    });
  return configPromise;
}
