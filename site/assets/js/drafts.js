// Drafts (API.md: /api/drafts): what an enterprise types is saved on the server as it types (debounced) and when
// the page is left, and in this tab's sessionStorage at every change — the copy that survives a save refused
// because the sign-in expired. Resumed with ?draft=<id>; the page warns before leaving unsaved changes.

import { api, siteUrl } from "./api.js";
import { collect, h } from "./forms.js";

const DEBOUNCE_MS = 1200;
const SIGNIN_REQUIRED = "gdskills:signin-required"; // the auth module's event: the session is about to go

const localKey = () => `gdskills.unsaved.${location.pathname}?${new URLSearchParams(location.search).get("id") || ""}`;

function readLocal(kind) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(localKey()) || "null");
    return saved?.kind === kind ? saved : null;
  } catch {
    return null;
  }
}

/** The sign-in page, coming back to this very page (with its draft) afterwards. */
export const signInUrl = () => `${siteUrl("enterprise/")}?return=${encodeURIComponent(location.href)}`;

function setParam(name, value) {
  const url = new URL(location.href);
  url.searchParams.set(name, value);
  history.replaceState(history.state, "", url);
}

/**
 * Where the form starts: the draft named by ?draft= (or this tab's copy when it holds changes the server has
 * not got), else null. Resolves to {id, body, recordId} — body shaped like the form's JSON.
 */
export async function draftToResume(kind) {
  const wanted = new URLSearchParams(location.search).get("draft");
  const local = readLocal(kind);
  let draft = null;
  if (wanted) {
    draft = await api("GET", `/drafts/${encodeURIComponent(wanted)}`).catch(() => null);
  }
  if (local && !local.synced && (!wanted || local.draftId === wanted || !draft)) {
    return { id: local.draftId || draft?.id || null, body: local.body, recordId: draft?.record_id || null };
  }
  return draft ? { id: draft.id, body: draft.body, recordId: draft.record_id } : null;
}

/**
 * Save `form` as a draft of `kind` while it is edited. `title()` names it in the enterprise's list.
 * Returns {id, flush(), finish()}: `finish()` after a successful submission (the server deletes the draft).
 */
export function autosave({ form, kind, draftId = null, recordId = null, title = () => "" }) {
  const status = h("p", { class: "draft-status hint", "aria-live": "polite", role: "status" });
  form.querySelector("[type=submit]")?.before(status);
  let id = draftId;
  let dirty = false;
  let timer = null;
  let running = null;
  let finished = false;
  let leaving = false; // off to sign in again: this tab keeps the copy, no need to ask
  const writeLocal = (synced) => {
    if (form.hidden) return; // the 核对信息 step hides the form: nothing to read, nothing changed
    try {
      sessionStorage.setItem(localKey(), JSON.stringify({ kind, draftId: id, body: collect(form), synced }));
    } catch {
      /* storage full or off: the server copy still counts */
    }
  };
  const expired = () => {
    writeLocal(false);
    status.replaceChildren(
      "登录已失效，填写的内容已暂存在本机。",
      h("a", { href: signInUrl(), text: "重新登录后回到本页继续", onclick: () => (leaving = true) }),
    );
  };
  const save = async () => {
    clearTimeout(timer);
    if (!dirty || finished || form.hidden) return;
    if (running) return running.then(save);
    dirty = false;
    const body = { kind, body: collect(form), title: title() || "", record_id: recordId };
    running = (async () => {
      try {
        if (id) {
          await api("PUT", `/drafts/${encodeURIComponent(id)}`, { body }).catch(async (error) => {
            if (error.status !== 404) throw error;
            id = null; // expired or submitted elsewhere: start a new one
          });
        }
        if (!id) {
          id = (await api("POST", "/drafts", { body })).id;
          setParam("draft", id);
        }
        writeLocal(!dirty);
        const at = new Date().toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
        status.textContent = `草稿已自动保存（${at}），可在“企业办事”首页的草稿中继续填写`;
      } catch (error) {
        dirty = true;
        if (error.status === 401) expired();
        else status.textContent = `草稿暂未保存（${error.message}），已暂存在本机，稍后自动重试`;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const changed = () => {
    if (finished) return;
    dirty = true;
    writeLocal(false);
    clearTimeout(timer);
    timer = setTimeout(save, DEBOUNCE_MS);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // Rows added or removed (a candidate, a material) change the form without an input event.
  new MutationObserver((records) => {
    if (records.some((r) => r.target.classList?.contains("rows"))) changed();
  }).observe(form, { childList: true, subtree: true });
  window.addEventListener(SIGNIN_REQUIRED, () => writeLocal(false));
  window.addEventListener("beforeunload", (event) => {
    if (finished || leaving || (!dirty && !running)) return;
    save();
    event.preventDefault();
    event.returnValue = ""; // the browser asks "leave this page?"
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") save();
  });
  if (id) setParam("draft", id);
  return {
    get id() {
      return id;
    },
    get saved() {
      return !dirty && !running;
    },
    flush: save,
    finish() {
      finished = true;
      clearTimeout(timer);
      sessionStorage.removeItem(localKey());
    },
  };
}
