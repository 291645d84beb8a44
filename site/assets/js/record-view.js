// How a record reads on screen, for enterprises and staff alike: status, details, history with comments.

import { api } from "./api.js";
import { h } from "./forms.js";
import { occupationNames as lookupNames } from "./names.js";

export const KINDS = { filings: "备案", plans: "评价计划", reports: "评价结果报备" };
export const DECISIONS = { approve: "通过", return: "退回修改", reject: "不通过" };
const ACTIONS = { submit: "提交", resubmit: "重新提交", decision: "审核" };
const ROLES = { enterprise: "企业", city_reviewer: "地市审核", province_reviewer: "省级审核", admin: "管理员" };

export function statusBadge(status, v) {
  return h("span", { class: `status status--${status}`, text: v.statuses[status] || status || "—" });
}

export const when = (iso) => (iso ? String(iso).replace("T", " ").slice(0, 16) : "—");

/** "车工（6-18-01-01）" for a code or a {code, name}; the code alone while its name is unknown. */
function occupationText(o) {
  const code = typeof o === "string" ? o : o?.code;
  const name = (typeof o === "string" ? null : o?.name) || occupationNames.get(code);
  return name ? `${name}（${code}）` : code || "";
}

function list(values) {
  return (values || []).map(occupationText).filter(Boolean).join("、") || "—";
}

export const cityName = (v, code) => (code ? v.cities.find((c) => c.code === code)?.name || code : null);

/** Occupation names by code, filled by `loadOccupationNames` (the catalogue is too big for vocab.json). */
export const occupationNames = new Map();

export async function loadOccupationNames(codes) {
  const wanted = [...new Set(codes)].filter((c) => c && !occupationNames.has(c));
  if (!wanted.length) return;
  for (const [code, name] of await lookupNames(wanted)) if (name) occupationNames.set(code, name);
}

/** The codes a record names occupations by (a plan's list; a filing's items without their name). */
function occupationCodes(r) {
  return (r.occupations || []).map((o) => (typeof o === "string" ? o : o?.name ? null : o?.code)).filter(Boolean);
}

/** `facts` once the record's occupation names are known: names, not codes, wherever a person reads. */
export async function namedFacts(kind, r, v) {
  await loadOccupationNames(occupationCodes(r));
  return facts(kind, r, v);
}

/** A record's own fields as label → text, for the kinds of API.md (never a storage key). */
export function facts(kind, r, v) {
  const rows = [];
  const add = (label, value) => value !== undefined && value !== null && value !== "" && rows.push([label, String(value)]);
  add("编号", r.id);
  add("版本", r.version);
  if (kind === "filings") {
    const e = r.enterprise || {};
    add("企业名称", e.name || r.enterprise_name);
    add("统一社会信用代码", e.uscc);
    add("所在地市", cityName(v, e.city));
    add("地址", e.address);
    add("企业类别", (e.categories || []).map((c) => v.enterprise_categories[c] || c).join("、"));
    add("联系人", r.contact && [r.contact.name, r.contact.phone, r.contact.email].filter(Boolean).join(" · "));
    add("申请级别", (r.levels || []).map((l) => v.levels[l] || l).join("、"));
    add("职业范围", list(r.occupations));
    const inst = r.existing_institution;
    add("已有评价机构代码与序列号", inst ? `${inst.institution_code} / ${inst.site_sequence}（证书编号沿用）` : "无（审核通过后分配序列号）");
  } else if (kind === "plans") {
    add("备案编号", r.filing_id);
    add("年度与期次", r.campaign && `${r.campaign} 年第 ${r.phase} 期`);
    add("级别", v.levels[r.level] || r.level);
    add("评价职业", list(r.occupations));
    add("计划人数", r.planned_count);
    add("评审日期", r.review_date);
    add("评审方式", r.method);
  } else if (kind === "reports") {
    add("评价计划编号", r.plan_id);
    const n = r.public_notice;
    add("公示", n && `${n.start} 至 ${n.end}，异议 ${n.objections ?? 0} 件`);
    add("人员数", (r.candidates || []).length);
    add("材料", (r.materials || []).length ? `${r.materials.length} 份（见下方“材料”）` : null);
  }
  if (kind !== "filings") add("企业", r.enterprise_name);
  if (kind !== "filings") add("所在地市", cityName(v, r.city));
  add("提交时间", r.created_at && when(r.created_at));
  add("更新时间", r.updated_at && when(r.updated_at));
  return rows;
}

export function factList(rows) {
  return h("dl", { class: "record" }, ...rows.flatMap(([k, val]) => [h("dt", { text: k }), h("dd", { text: val })]));
}

/** Decisions with their comments, oldest first. */
export function historyTable(record) {
  const items = record.history || record.decisions || [];
  const what = (d) => (d.decision ? `${ACTIONS.decision}：${DECISIONS[d.decision] || d.decision}` : ACTIONS[d.action] || d.action || "—");
  if (!items.length) return h("p", { text: "暂无审核记录。" });
  const rows = items.map((d) =>
    h(
      "tr",
      {},
      h("td", { "data-label": "时间", text: when(d.at || d.decided_at || d.time) }),
      h("td", { "data-label": "事项", text: what(d) }),
      h("td", { "data-label": "办理人", text: ROLES[d.role] || d.role || "—" }),
      h("td", { "data-label": "版本", text: d.version ?? "—" }),
      h("td", { "data-label": "审核意见", text: d.comment || "—" }),
    ),
  );
  return h(
    "div",
    { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "审核记录" },
    h(
      "table",
      { "data-stack": "" },
      h("caption", { class: "visually-hidden", text: "审核记录" }),
      h("thead", {}, h("tr", {}, ...["时间", "事项", "办理人", "版本", "审核意见"].map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, ...rows),
    ),
  );
}

export function table(caption, headers, rows) {
  // On a phone each row stacks into label: value lines (site.css, [data-stack]), so nothing hides behind a
  // sideways scroll; the region still takes focus so the keyboard can scroll a wide one on a desktop.
  return h(
    "div",
    { class: "table-wrap", tabindex: "0", role: "region", "aria-label": caption },
    h(
      "table",
      { "data-stack": "" },
      h("caption", { text: caption }),
      h("thead", {}, h("tr", {}, ...headers.map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, ...rows.map((cells) => h("tr", {}, ...cells.map((c, i) => h("td", { "data-label": headers[i] }, c ?? "—"))))),
    ),
  );
}
