// Uploads (API.md): POST /api/uploads with the file's size, type and SHA-256 → a presigned POST; send the
// file there with XMLHttpRequest (for progress); the record then cites the returned `key`.

import { api, ApiError, vocab } from "./api.js";
import { h, nextId } from "./forms.js";

const MB = 1024 * 1024;

export async function sha256Hex(file) {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function postWithProgress(url, fields, file, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.addEventListener("progress", (e) => e.lengthComputable && onProgress(e.loaded / e.total));
    xhr.addEventListener("load", () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new ApiError(xhr.status, "upload_failed", `文件上传被存储服务拒绝（${xhr.status}），请重新选择文件`)),
    );
    xhr.addEventListener("error", () => reject(new ApiError(0, "network", "文件上传失败，请检查网络后重试")));
    xhr.send(form);
  });
}

/** "PDF、JPEG、PNG、XLSX，不超过 20 MB", from the limits schemas/forms.py enforces. */
const limitsText = (v) => `${Object.values(v.upload_types).join("、")}，不超过 ${v.max_upload_bytes / MB} MB`;

/** Upload one file; `onProgress(fraction)`; resolves to the key. */
export async function uploadFile(file, purpose, onProgress = () => {}) {
  const v = await vocab();
  if (!(file.type in v.upload_types) || file.size > v.max_upload_bytes) {
    const type = file.type in v.upload_types ? "upload_too_large" : "upload_type";
    throw new ApiError(422, type, `只能上传 ${limitsText(v)} 的文件`);
  }
  const ticket = await api("POST", "/uploads", {
    body: { purpose, filename: file.name, content_type: file.type, size: file.size, sha256: await sha256Hex(file) },
  });
  await postWithProgress(ticket.url, ticket.fields || {}, file, onProgress);
  onProgress(1);
  return ticket.key;
}

/**
 * A labelled file field whose chosen file is uploaded at once; the key goes into a hidden input at `path`,
 * which is what the form sends. Errors about `path` are shown on the file field.
 */
export function uploadField({ label, path, purpose, hint, key = "" }) {
  const id = nextId("file");
  const input = h("input", { type: "file", id, accept: ".pdf,.jpg,.jpeg,.png,.xlsx", dataset: { errorFor: path } });
  const keyInput = h("input", { type: "hidden", dataset: { path }, value: key || null });
  const progress = h("progress", { max: "100", value: key ? "100" : "0", "aria-label": `${label}上传进度` });
  const status = h("p", { class: "upload-status", "aria-live": "polite", text: key ? "已上传（如需更换请重新选择文件）" : "" });
  const hintId = `${id}-hint`;
  input.setAttribute("aria-describedby", hintId);
  const wrap = h(
    "div",
    { class: "field upload" },
    h("label", { for: id, text: label }),
    h("p", { class: "hint", id: hintId, text: hint || "选择后立即上传" }),
    input,
    progress,
    status,
    keyInput,
  );
  if (!hint) vocab().then((v) => (wrap.querySelector(".hint").textContent = `${limitsText(v)}；选择后立即上传`));
  wrap.pending = Promise.resolve();
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    keyInput.value = "";
    if (!file) return;
    progress.value = 0;
    status.textContent = `正在上传 ${file.name}……`;
    wrap.pending = uploadFile(file, purpose, (f) => {
      progress.value = Math.round(f * 100);
    })
      .then((k) => {
        keyInput.value = k;
        status.textContent = `${file.name} 已上传`;
      })
      .catch((error) => {
        status.textContent = `上传失败：${error.message}`;
      });
  });
  return wrap;
}

/** Wait for every upload still running inside `root` before the form is sent. */
export const uploadsSettled = (root) => Promise.all([...root.querySelectorAll(".upload")].map((w) => w.pending));
