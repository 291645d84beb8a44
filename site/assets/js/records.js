// The enterprise's records (GET /api/{filings,plans,reports}) and one record in detail (?kind=&id=): status,
// history with the reviewers' comments, certificates after approval, and the way to resubmit after a return.

import { api, flatten, listAll, siteUrl, vocab } from "./api.js";
import { requireRole } from "./auth.js";
import { h, say } from "./forms.js";
import { KINDS, factList, facts, historyTable, statusBadge, table, when } from "./record-view.js";

const root = document.getElementById("records");
const FORM_PAGES = { filings: "enterprise/filing/", plans: "enterprise/plan/", reports: "enterprise/report/" };

async function overview(v) {
  const sections = [];
  for (const [kind, name] of Object.entries(KINDS)) {
    const items = await listAll(`/${kind}`);
    const rows = items.map((r) => [
      h("a", { href: `?kind=${kind}&id=${encodeURIComponent(r.id)}`, text: r.id }),
      statusBadge(r.status, v),
      String(r.version ?? "—"),
      when(r.updated_at || r.created_at),
    ]);
    sections.push(h("h2", { text: name }), rows.length ? table(`${name}记录`, ["编号", "状态", "版本", "更新时间"], rows) : h("p", { text: `暂无${name}。` }));
  }
  root.replaceChildren(...sections);
}

async function certificates(id) {
  try {
    const rows = await api("GET", `/reports/${encodeURIComponent(id)}/certificates`);
    const items = Array.isArray(rows) ? rows : rows?.items || [];
    return items.length
      ? table("证书编号", ["姓名", "职业", "级别", "证书编号"], items.map((c) => [c.name, c.occupation, c.level, h("code", { text: c.certificate_number })]))
      : null;
  } catch {
    return null; // not issued yet, or not shown to this role
  }
}

async function detail(v, kind, id) {
  const record = flatten(await api("GET", `/${kind}/${encodeURIComponent(id)}`));
  const parts = [
    h("p", {}, h("a", { href: "./", text: "← 返回全部记录" })),
    h("h2", {}, `${KINDS[kind]} ${record.id} `, statusBadge(record.status, v)),
    factList(facts(kind, record, v)),
  ];
  if (record.status === "returned") {
    parts.push(
      h(
        "div",
        { class: "notice notice--error" },
        h("p", { text: "该记录已被退回修改，请按审核意见修改后重新提交。" }),
        h("a", { class: "md-button md-button--primary", href: siteUrl(`${FORM_PAGES[kind]}?id=${encodeURIComponent(record.id)}`), text: "修改后重新提交" }),
      ),
    );
  }
  if (kind === "reports" && record.candidates?.length) {
    parts.push(
      table("人员名单", ["序号", "姓名", "职业", "级别", "评审成绩"], record.candidates.map((c, i) => [String(i + 1), c.name, c.occupation, v.levels[c.level] || c.level, String(c.evaluation?.score ?? "—")])),
    );
  }
  parts.push(h("h3", { text: "审核记录与意见" }), historyTable(record));
  if (kind === "reports" && record.status === "approved") {
    const certs = await certificates(record.id);
    if (certs) parts.push(h("h3", { text: "证书编号" }), certs);
  }
  root.replaceChildren(...parts);
}

async function main() {
  if (!requireRole(["enterprise"], document.getElementById("gate"), "enterprise/")) return;
  const v = await vocab();
  const params = new URLSearchParams(location.search);
  const kind = params.get("kind");
  const id = params.get("id");
  try {
    if (kind in KINDS && id) await detail(v, kind, id);
    else await overview(v);
  } catch (error) {
    say(root, error.message, "error");
  }
}

main();
