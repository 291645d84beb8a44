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

// What a file's name promises, and the first bytes each of those types starts with (XLSX is a ZIP package).
const BY_EXTENSION = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
const SIGNATURES = {
  "application/pdf": [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  "image/jpeg": [[0xff, 0xd8, 0xff]],
  "image/png": [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [[0x50, 0x4b, 0x03, 0x04]],
};

/** The type a file really is, read from its first bytes in the browser; null when none of the accepted ones. */
export async function sniffType(file) {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const found = Object.entries(SIGNATURES).find(([, signatures]) => signatures.some((sig) => sig.every((b, i) => head[i] === b)));
  return found ? found[0] : null;
}

/** The file's type when its name and its content agree and it is accepted; otherwise an ApiError (nothing sent). */
export async function checkedType(file, v) {
  const extension = (file.name.split(".").pop() || "").toLowerCase();
  const promised = file.name.includes(".") ? BY_EXTENSION[extension] : undefined;
  const refuse = (why) => new ApiError(422, "upload_type", `${why}。可上传：${limitsText(v)}`);
  if (!promised) throw refuse(`不能上传“${file.name}”：文件类型不在可上传的范围内`);
  const actual = await sniffType(file);
  if (actual !== promised) {
    const what = actual ? `${v.upload_types[actual]} 文件` : "可上传的类型";
    throw refuse(`“${file.name}”的名称表明是 ${v.upload_types[promised]} 文件，但内容${actual ? `是 ${what}` : `不是任何${what}`}，请选择正确的文件`);
  }
  if (file.size > v.max_upload_bytes) throw new ApiError(422, "upload_too_large", `“${file.name}”太大。可上传：${limitsText(v)}`);
  return actual;
}

/** Upload one file; `onProgress(fraction)`; resolves to the key. */
export async function uploadFile(file, purpose, onProgress = () => {}) {
  const v = await vocab();
  const contentType = await checkedType(file, v);
  const ticket = await api("POST", "/uploads", {
    body: { purpose, filename: file.name, content_type: contentType, size: file.size, sha256: await sha256Hex(file) },
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
    status.classList.remove("upload-status--error");
    status.textContent = `正在上传 ${file.name}……`;
    wrap.pending = uploadFile(file, purpose, (f) => {
      progress.value = Math.round(f * 100);
    })
      .then((k) => {
        keyInput.value = k;
        status.textContent = `${file.name} 已上传`;
      })
      .catch((error) => {
        progress.value = 0;
        status.textContent = `未上传：${error.message}`;
        status.classList.add("upload-status--error");
      });
  });
  return wrap;
}

/** Wait for every upload still running inside `root` before the form is sent. */
export const uploadsSettled = (root) => Promise.all([...root.querySelectorAll(".upload")].map((w) => w.pending));
