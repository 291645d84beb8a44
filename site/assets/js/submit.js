// Sending an enterprise form: check it in plain Chinese first (核对信息), then POST a new record, or PUT a returned
// one with the version that was read; the draft it was typed in goes with it (the server deletes it once stored).

import { api, flatten, newIdempotencyKey, saveFile, siteUrl } from "./api.js";
import { clearErrors, h, showErrors } from "./forms.js";
import { KINDS } from "./record-view.js";
import { uploadsSettled } from "./upload.js";

/** `?id=` on the page: the returned record to correct; resolves to it or null. */
export async function recordToResubmit(kind) {
  const id = new URLSearchParams(location.search).get("id");
  return id ? flatten(await api("GET", `/${kind}/${encodeURIComponent(id)}`)) : null;
}

/** The 受理回执 of what was just acknowledged (GET /api/{kind}/{id}/receipt.pdf?version=N). */
function receiptButton(kind, id, version) {
  const button = h("button", { type: "button", class: "md-button", text: "下载受理回执（PDF）" });
  button.addEventListener("click", () =>
    saveFile(`/${kind}/${encodeURIComponent(id)}/receipt.pdf${version ? `?version=${version}` : ""}`, `受理回执-${id}.pdf`).catch(
      (error) => { button.textContent = `回执下载失败：${error.message}`; },
    ),
  );
  return button;
}

/** A definition list of [term, description] pairs; a description may be a node or a list of nodes. */
export function summaryList(pairs) {
  return h(
    "dl",
    { class: "review-list" },
    ...pairs.flatMap(([term, value]) => [h("dt", { text: term }), h("dd", {}, ...(Array.isArray(value) ? value : [value ?? "（未填写）"]))]),
  );
}

function reviewPanel(form) {
  let panel = form.parentElement.querySelector(":scope > .review-step");
  if (!panel) {
    panel = h("section", { class: "review-step gd-panel", tabindex: "-1", "aria-labelledby": "review-heading", hidden: true });
    form.after(panel);
  }
  return panel;
}

/**
 * `review(body)` resolves to the nodes that show the submission in plain Chinese; the person confirms there.
 * `saver` (drafts.js autosave) is flushed first and finished after success.
 */
export function wireSubmit({ form, kind, build, existing, done, review, saver }) {
  const key = newIdempotencyKey(); // one per page visit: a double click creates one record
  const panel = reviewPanel(form);
  const send = async (body, button) => {
    button.disabled = true;
    try {
      const draft = saver?.id ? { draft_id: saver.id } : {};
      const answer = existing
        ? await api("PUT", `/${kind}/${encodeURIComponent(existing.id)}`, { body: { ...body, ...draft, version: existing.version } })
        : await api("POST", `/${kind}`, { body: { ...body, ...draft }, idempotencyKey: key });
      saver?.finish();
      panel.hidden = true;
      form.hidden = true;
      const id = answer?.id || existing?.id;
      const detail = siteUrl(`enterprise/records/?kind=${kind}&id=${encodeURIComponent(id)}`);
      done.replaceChildren(
        h("h2", { text: existing ? `${KINDS[kind]}已重新提交` : `${KINDS[kind]}已提交` }),
        h("p", {}, "编号：", h("strong", { class: "record-id", text: id }), answer?.version ? `，版本 ${answer.version}` : ""),
        h("p", { text: "审核结果会在申报记录中显示，也会发送到备案时填写的电子邮箱。" }),
        h("a", { class: "md-button md-button--primary", href: detail, text: "查看该记录的状态与审核意见" }),
        receiptButton(kind, id, answer?.version),
      );
      done.className = "notice notice--ok";
      done.hidden = false;
      done.focus();
    } catch (error) {
      panel.hidden = true;
      form.hidden = false;
      showErrors(form, error);
    } finally {
      button.disabled = false;
    }
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector("[type=submit]");
    button.disabled = true;
    try {
      await uploadsSettled(form);
      saver?.flush();
      const body = build();
      if (!review) return await send(body, button);
      const confirm = h("button", { type: "button", class: "md-button md-button--primary", text: "确认无误，提交" });
      const back = h("button", { type: "button", class: "md-button", text: "返回修改" });
      confirm.addEventListener("click", () => send(body, confirm));
      back.addEventListener("click", () => {
        panel.hidden = true;
        form.hidden = false;
        button.focus();
      });
      panel.replaceChildren(
        h("h2", { id: "review-heading", text: "核对信息" }),
        h("p", { text: "请核对以下内容，确认无误后提交；需要修改请点“返回修改”，已填写的内容不会丢失。" }),
        ...(await review(body)),
        h("div", { class: "review-actions" }, back, confirm),
      );
      form.hidden = true;
      panel.hidden = false;
      panel.focus();
    } catch (error) {
      showErrors(form, error);
    } finally {
      button.disabled = false;
    }
  });
}
