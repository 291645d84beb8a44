// Forms: read fields into API.md's JSON by their data-path, and show the API's errors next to those fields
// and in a summary at the top (focused, announced), the pattern of the GOV.UK design system.

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;

/** Create an element: h("p", {class: "x", text: "…"}, child, …). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") el.textContent = value;
    else if (key === "dataset") {
      for (const [name, data] of Object.entries(value)) if (data !== undefined && data !== null) el.dataset[name] = data;
    }
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  el.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

export const options = (entries, { blank } = {}) => [
  ...(blank !== undefined ? [h("option", { value: "", text: blank })] : []),
  ...entries.map(([value, label]) => h("option", { value, text: label })),
];

/** A labelled control in a .field wrapper; returns the wrapper (control at .control). */
export function field(label, control, hint) {
  control.id ||= nextId("f");
  const hintEl = hint ? h("p", { class: "hint", id: `${control.id}-hint`, text: hint }) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  const wrap = h("div", { class: "field" }, h("label", { for: control.id, text: label }), hintEl, control);
  wrap.control = control;
  return wrap;
}

const TOKEN = /([^.[\]]+)|\[(\d*)\]/g;

function tokens(path) {
  return [...path.matchAll(TOKEN)].map((m) => (m[1] !== undefined ? m[1] : m[2] === "" ? "[]" : Number(m[2])));
}

export function setPath(target, path, value) {
  const keys = tokens(path);
  let node = target;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    if (key === "[]") return;
    const nextKey = keys[i + 1];
    if (last) {
      node[key] = value;
    } else if (nextKey === "[]") {
      node[key] ??= [];
      if (i + 1 === keys.length - 1) {
        if (value !== undefined) node[key].push(value);
      }
      node = node[key];
    } else {
      node[key] ??= typeof nextKey === "number" ? [] : {};
      node = node[key];
    }
  });
  return target;
}

function convert(el, raw) {
  switch (el.dataset.type) {
    case "int":
      return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    case "float":
      return raw !== "" && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
    case "bool":
      return raw === "true";
    default:
      return raw;
  }
}

/** The form's fields as JSON: each [data-path] control sets its path; empty fields are left out. */
export function collect(root) {
  const out = {};
  for (const el of root.querySelectorAll("[data-path]")) {
    if (el.disabled || el.closest("[hidden]")) continue;
    const path = el.dataset.path;
    if (el.type === "checkbox" && path.endsWith("[]")) {
      setPath(out, path, el.checked ? convert(el, el.value) : undefined);
    } else if (el.type === "checkbox") {
      setPath(out, path, el.checked);
    } else if (el.type === "radio") {
      if (el.checked) setPath(out, path, convert(el, el.value));
    } else {
      const raw = el.value.trim();
      if (raw === "") {
        if (el.dataset.empty === "null") setPath(out, path, null);
        continue;
      }
      setPath(out, path, convert(el, raw));
    }
  }
  return compact(out);
}

// Rows removed from the middle leave holes in arrays; close them so indexes match what is on screen.
function compact(value) {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  }
  return value;
}

/** Renumber repeated rows after one is added or removed: prefix[i] in every path, error target and nested prefix. */
export function renumber(container, prefix) {
  const pattern = new RegExp(`^${escape(prefix)}\\[\\d+\\]`);
  [...container.children].forEach((row, index) => {
    const fresh = `${prefix}[${index}]`;
    row.dataset.errorFor = fresh;
    for (const el of row.querySelectorAll("[data-path], [data-error-for], [data-prefix]")) {
      for (const key of ["path", "errorFor", "prefix"]) {
        if (el.dataset[key]) el.dataset[key] = el.dataset[key].replace(pattern, fresh);
      }
    }
    const number = row.querySelector(".row-number");
    if (number) number.textContent = String(index + 1);
  });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function target(root, path) {
  let current = path;
  while (current) {
    const css = (p) => `[data-error-for="${CSS.escape(p)}"], [data-path="${CSS.escape(p)}"], [data-path="${CSS.escape(p)}[]"]`;
    const found = root.querySelector(css(current));
    if (found) return found;
    const cut = Math.max(current.lastIndexOf("."), current.lastIndexOf("["));
    current = cut > 0 ? current.slice(0, cut) : "";
  }
  return null;
}

export function clearErrors(root) {
  root.querySelectorAll(".field-error").forEach((el) => el.remove());
  root.querySelectorAll("[aria-invalid]").forEach((el) => {
    el.removeAttribute("aria-invalid");
    const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  });
  root.querySelectorAll(".has-error").forEach((el) => el.classList.remove("has-error"));
  const summary = root.querySelector(".error-summary");
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
}

function attach(el, message) {
  const control = el.matches("input, select, textarea") ? el : el.querySelector("input, select, textarea");
  const anchorId = control?.id || el.id || (el.id = nextId("err"));
  const errorId = `${anchorId}-${nextId("m")}-error`;
  const note = h("p", { class: "field-error", id: errorId }, h("span", { class: "visually-hidden", text: "错误：" }), message);
  if (el.matches("fieldset")) {
    const legend = el.querySelector(":scope > legend");
    legend ? legend.after(note) : el.prepend(note);
    el.classList.add("has-error");
  } else {
    const wrap = el.closest(".field") || el.parentElement;
    wrap.classList.add("has-error");
    wrap.append(note);
  }
  if (control) {
    control.setAttribute("aria-invalid", "true");
    const ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    control.setAttribute("aria-describedby", [...ids, errorId].join(" "));
  }
  return anchorId;
}

/** Show an ApiError: summary at the top with links to the fields, each message beside its field. */
export function showErrors(root, error, { labels = {} } = {}) {
  clearErrors(root);
  const summary = root.querySelector(".error-summary");
  const items = [];
  for (const problem of error.fields || []) {
    const el = problem.path ? target(root, problem.path) : null;
    const where = labels[problem.path] || (el && labelOf(root, el)) || pathLabel(problem.path);
    const anchor = el ? attach(el, problem.message) : null;
    const text = where ? `${where}：${problem.message}` : problem.message;
    items.push(anchor ? h("li", {}, h("a", { href: `#${anchor}`, text })) : h("li", { text }));
  }
  if (!summary) return;
  const headingId = nextId("summary");
  summary.append(
    h("h2", { id: headingId, text: "提交未成功" }),
    h("p", { text: error.message }),
    items.length ? h("ul", {}, ...items) : null,
  );
  summary.setAttribute("aria-labelledby", headingId);
  summary.hidden = false;
  summary.focus();
}

// What a person sees beside the field: its row's legend and its label.
function labelOf(root, el) {
  const control = el.matches("input, select, textarea") ? el : null;
  const label = control?.id ? root.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent : null;
  const legend = (control ? el.closest("fieldset") : el)?.querySelector(":scope > legend")?.textContent;
  return [legend, label].filter(Boolean).join(" · ").trim();
}

const PATH_WORDS = {
  candidates: "人员",
  credentials: "证书或职称",
  work_periods: "工作经历",
  honours: "荣誉",
  materials: "材料",
  occupations: "职业",
};

/** "candidates[1].id_number" → "第 2 位人员 · id_number"; enough for the summary to say where. */
export function pathLabel(path) {
  if (!path || path === "body") return "";
  return path
    .replace(/([a-z_]+)\[(\d+)\]/g, (_, key, index) => `第 ${Number(index) + 1} ${key === "candidates" ? "位" : "项"}${PATH_WORDS[key] || key}`)
    .replace(/\./g, " · ");
}

/** A status message region: set its text (announced by screen readers through aria-live). */
export function say(el, text, kind = "info") {
  el.className = `notice notice--${kind}`;
  el.textContent = text;
  el.hidden = !text;
}

export const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
