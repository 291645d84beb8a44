// Sending an enterprise form: POST a new record, or PUT a returned one with the version that was read.

import { api, flatten, newIdempotencyKey, siteUrl } from "./api.js";
import { clearErrors, h, showErrors } from "./forms.js";
import { KINDS } from "./record-view.js";
import { uploadsSettled } from "./upload.js";

/** `?id=` on the page: the returned record to correct; resolves to it or null. */
export async function recordToResubmit(kind) {
  const id = new URLSearchParams(location.search).get("id");
  return id ? flatten(await api("GET", `/${kind}/${encodeURIComponent(id)}`)) : null;
}

export function wireSubmit({ form, kind, build, existing, done }) {
  const key = newIdempotencyKey(); // one per page visit: a double click creates one record
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector("[type=submit]");
    button.disabled = true;
    try {
      await uploadsSettled(form);
      const body = build();
      const answer = existing
        ? await api("PUT", `/${kind}/${encodeURIComponent(existing.id)}`, { body: { ...body, version: existing.version } })
        : await api("POST", `/${kind}`, { body, idempotencyKey: key });
      form.hidden = true;
      const id = answer?.id || existing?.id;
      const detail = siteUrl(`enterprise/records/?kind=${kind}&id=${encodeURIComponent(id)}`);
      done.replaceChildren(
        h("h2", { text: existing ? `${KINDS[kind]}已重新提交` : `${KINDS[kind]}已提交` }),
        h("p", {}, "编号：", h("strong", { class: "record-id", text: id }), answer?.version ? `，版本 ${answer.version}` : ""),
        h("p", { text: "审核结果会在申报记录中显示。" }),
        h("a", { class: "md-button md-button--primary", href: detail, text: "查看状态与审核意见" }),
      );
      done.className = "notice notice--ok";
      done.hidden = false;
      done.focus();
    } catch (error) {
      showErrors(form, error);
    } finally {
      button.disabled = false;
    }
  });
}
