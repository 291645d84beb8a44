// A record's files (GET /api/{kind}/{id}/files), for enterprises and staff alike: Chinese type name, original
// file name, size, upload time, and a link that opens the file in the browser (PDFs and images also in a
// preview pane). The links are short-lived presigned GETs; the list is fetched again before they lapse.
// Storage keys never reach the page.

import { api } from "./api.js";
import { h } from "./forms.js";
import { table, when } from "./record-view.js";

const PREVIEWABLE = ["application/pdf", "image/png", "image/jpeg"];
const REFRESH_MS = 4 * 60 * 1000; // the links live 5 minutes

export function fileSize(bytes) {
  if (bytes === null || bytes === undefined) return "—";
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

function showPreview(pane, file) {
  const close = h("button", { type: "button", class: "md-button", text: "关闭预览", onclick: () => { pane.hidden = true; pane.replaceChildren(); } });
  const view = file.content_type === "application/pdf"
    ? h("iframe", { src: file.url, title: `预览：${file.filename}`, class: "preview-frame" })
    : h("img", { src: file.url, alt: `${file.type_name}：${file.filename}`, class: "preview-image" });
  pane.replaceChildren(h("h4", { text: `预览：${file.type_name} · ${file.filename}` }), view, h("p", {}, close));
  pane.hidden = false;
  pane.scrollIntoView({ block: "nearest" });
}

function rows(files, pane) {
  return files.map((f, i) => {
    const link = f.url
      ? h("a", { href: f.url, target: "_blank", rel: "noopener", "data-file": String(i), text: `打开 ${f.filename}` })
      : h("span", { text: "文件信息缺失，请联系管理员" });
    const preview = f.url && PREVIEWABLE.includes(f.content_type)
      ? h("button", { type: "button", class: "md-button md-button--primary", text: "预览", "aria-label": `预览 ${f.filename}`, onclick: () => showPreview(pane, f) })
      : null;
    return [f.type_name, f.filename || "—", fileSize(f.size), when(f.uploaded_at), h("span", { class: "file-actions" }, link, " ", preview)];
  });
}

/** A "材料" block for a record: a table of its files and a preview pane; empty text when it has none. */
export async function filesSection(kind, id) {
  const path = `/${kind}/${encodeURIComponent(id)}/files`;
  let answer;
  try {
    answer = await api("GET", path);
  } catch (error) {
    return h("p", { class: "notice notice--error", text: `材料暂时无法查看：${error.message}` });
  }
  const files = answer.files || [];
  if (!files.length) return h("p", { text: "该记录没有上传的文件。" });
  const pane = h("div", { class: "preview", hidden: true });
  const block = h("div", { class: "files" }, table("材料", ["类型", "文件名", "大小", "上传时间", "查看"], rows(files, pane)), pane);
  const timer = setInterval(async () => {
    if (!block.isConnected) return clearInterval(timer);
    try {
      const fresh = (await api("GET", path)).files || [];
      block.querySelectorAll("a[data-file]").forEach((a) => {
        const url = fresh[Number(a.dataset.file)]?.url;
        if (url) a.href = url;
      });
      fresh.forEach((f, i) => { if (files[i]) files[i].url = f.url; });
    } catch {
      /* keep the old links; opening one may then ask for a refresh */
    }
  }, REFRESH_MS);
  return block;
}
