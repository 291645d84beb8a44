// The one way the pages talk to /api: JSON in and out, the session token, and API.md's error shape.

import { clearSession, session } from "./session.js";
import { freshToken, schedule, signInRequired } from "./tokens.js";
import "./session-share.js"; // a link opened in a new tab gets the session of the signed-in tabs

export { clearSession, jwtClaims, saveSession, session } from "./session.js";
export const API_BASE = "/api";
schedule(); // every page imports this module: a signed-in page keeps its token fresh while it stays open
const SITE_ROOT = new URL("../../", import.meta.url);

/** A URL inside the built site, whatever page we are on. */
export const siteUrl = (path) => new URL(path, SITE_ROOT).href;

export class ApiError extends Error {
  constructor(status, code, message, fields = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

async function authHeaders() {
  const token = await freshToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function errorFrom(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    /* not JSON: fall through to a message by status */
  }
  const error = body?.error;
  if (response.status === 401 && session()) {
    signInRequired("unauthorized"); // the page may save its work before the session goes
    clearSession();
  }
  const fallback = {
    401: "登录已失效，请重新登录",
    403: "您没有权限进行此操作",
    404: "没有找到该记录",
    409: "记录已被他人更新或已处理，请刷新后重试",
    413: "提交的内容过大",
    429: "操作过于频繁，请稍后重试",
  }[response.status];
  return new ApiError(
    response.status,
    error?.code || "http_" + response.status,
    error?.message || fallback || "系统暂时无法处理，请稍后重试",
    Array.isArray(error?.fields) ? error.fields : [],
  );
}

/** Call the API; resolves to the parsed JSON (or null), rejects with ApiError. */
export async function api(method, path, { body, headers = {}, idempotencyKey } = {}) {
  const init = { method, headers: { Accept: "application/json", ...(await authHeaders()), ...headers } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  if (idempotencyKey) init.headers["Idempotency-Key"] = idempotencyKey;
  let response;
  try {
    response = await fetch(API_BASE + path, init);
  } catch {
    throw new ApiError(0, "network", "无法连接服务器，请检查网络后重试");
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return null;
  const type = response.headers.get("Content-Type") || "";
  return type.includes("json") ? response.json() : response.text();
}

/** An export: ask for its presigned link (JSON), fetch the file from there, save it under its name.
 * A big export answers 202 with a job: follow it (`onProgress(job)` each time) until its link is ready. */
export async function download(path, fallbackName, onProgress = () => {}) {
  let answer = await api("GET", path);
  for (let polls = 0; answer && !answer.url && answer.status && polls < 1200; polls += 1) {
    if (answer.status === "failed") throw new ApiError(500, "export_failed", "导出失败，请稍后重新导出");
    onProgress(answer);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    answer = await api("GET", `/exports/jobs/${encodeURIComponent(answer.id)}`);
  }
  let response;
  try {
    response = await fetch(answer.url);
  } catch {
    throw new ApiError(0, "network", "无法连接服务器，请检查网络后重试");
  }
  if (!response.ok) throw new ApiError(response.status, "download_failed", "文件下载失败，请重新导出");
  const name = answer.filename || fallbackName;
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return { name, size: blob.size, rows: answer.rows };
}

/** A document the API answers itself (a PDF or DOCX): fetched with the session's token, saved under `name`. */
export async function saveFile(path, name) {
  let response;
  try {
    response = await fetch(API_BASE + path, { headers: { ...(await authHeaders()) } });
  } catch {
    throw new ApiError(0, "network", "无法连接服务器，请检查网络后重试");
  }
  if (!response.ok) throw await errorFrom(response);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** A record as the pages use it: the submitted body (`data`) with the head's id, status, version on top. */
export const flatten = (record) => (record ? { ...(record.data || {}), ...record } : record);

/** Lists come either as an array or as {items, next}; follow `next` up to a sane number of pages. */
export async function listAll(path, maxPages = 20) {
  const items = [];
  let next = null;
  for (let page = 0; page < maxPages; page += 1) {
    const sep = path.includes("?") ? "&" : "?";
    const data = await api("GET", next ? `${path}${sep}next=${encodeURIComponent(next)}` : path);
    if (Array.isArray(data)) return items.concat(data);
    items.push(...(data?.items || []));
    next = data?.next;
    if (!next) break;
  }
  return items;
}

let vocabPromise = null;
/** Option lists generated at build time from schemas/ (site/hooks/guide.py). */
export function vocab() {
  vocabPromise ??= fetch(siteUrl("assets/data/vocab.json")).then((r) => r.json());
  return vocabPromise;
}

export function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
