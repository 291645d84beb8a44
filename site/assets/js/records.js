// The enterprise's records (GET /api/{filings,plans,reports}) and one record in detail (?kind=&id=): status,
// history with the reviewers' comments, certificates after approval, and the way to resubmit after a return.

import { api, flatten, listAll, saveFile, siteUrl, vocab } from "./api.js";
import { requireRole } from "./auth.js";
import { filesSection } from "./files-view.js";
import { h, say } from "./forms.js";
import { occupationLabel, occupationNames } from "./names.js";
import { KINDS, factList, historyTable, namedFacts, statusBadge, table, when } from "./record-view.js";

const root = document.getElementById("records");
const FORM_PAGES = { filings: "enterprise/filing/", plans: "enterprise/plan/", reports: "enterprise/report/" };

/** What the enterprise can do next with a record, as a link (or plain text while it waits for a desk). */
function nextStep(kind, r) {
  const link = (path, text) => h("a", { href: siteUrl(path), text });
  if (r.status === "returned") return link(`${FORM_PAGES[kind]}?id=${encodeURIComponent(r.id)}`, "补充修改后重新提交");
  if (r.status === "approved" && kind === "filings") return link(FORM_PAGES.plans, "可以提交评价计划");
  if (r.status === "approved" && kind === "plans") return link(FORM_PAGES.reports, "可以报备评价结果");
  if (r.status === "approved") return link(`enterprise/records/?kind=${kind}&id=${encodeURIComponent(r.id)}`, "查看证书编号");
  if (r.status === "rejected") return link(`enterprise/records/?kind=${kind}&id=${encodeURIComponent(r.id)}`, "查看审核意见");
  return "等待审核，无需操作";
}

function level(r, v) {
  if (r.level) return v.levels[r.level] || r.level;
  return (r.levels || []).map((l) => v.levels[l] || l).join("、") || "—";
}

async function overview(v) {
  const all = [];
  for (const kind of Object.keys(KINDS)) {
    for (const r of await listAll(`/${kind}`)) all.push({ kind, r });
  }
  all.sort((a, b) => String(b.r.updated_at || b.r.created_at).localeCompare(String(a.r.updated_at || a.r.created_at)));
  const rows = all.map(({ kind, r }) => [
    h("a", { href: `?kind=${kind}&id=${encodeURIComponent(r.id)}`, text: KINDS[kind], "aria-label": `${KINDS[kind]} ${r.id}` }),
    level(r, v),
    r.campaign ? `${r.campaign} 年第 ${r.phase} 期` : "—",
    r.candidate_count != null ? `${r.candidate_count} 人` : "—",
    statusBadge(r.status, v),
    when(r.updated_at || r.created_at),
    nextStep(kind, r),
  ]);
  const head = ["类型", "级别", "年度与期次", "人数", "状态", "最后更改", "下一步"];
  root.replaceChildren(rows.length ? table("全部申报记录（最近更改在前）", head, rows) : h("p", { text: "暂无申报记录。" }));
}

async function certificates(id, v) {
  try {
    const rows = await api("GET", `/reports/${encodeURIComponent(id)}/certificates`);
    const items = Array.isArray(rows) ? rows : rows?.items || [];
    const named = (c) => (c.occupation_name ? `${c.occupation_name}（${c.occupation}）` : c.occupation);
    return items.length
      ? table("证书编号", ["姓名", "职业", "级别", "证书编号"], items.map((c) => [c.name, named(c), v.levels[c.level] || c.level, h("code", { text: c.certificate_number })]))
      : null;
  } catch {
    return null; // not issued yet, or not shown to this role
  }
}

/** Buttons for the record's documents: its receipt, an approved plan's work plan draft, a report's certificates. */
function documents(kind, record) {
  const status = h("p", { class: "hint", role: "status" });
  const button = (text, path, name) => {
    const b = h("button", { type: "button", class: "md-button", text });
    b.addEventListener("click", async () => {
      status.textContent = "正在生成……";
      try {
        await saveFile(path, name);
        status.textContent = "";
      } catch (error) {
        status.textContent = error.message;
      }
    });
    return b;
  };
  const id = encodeURIComponent(record.id);
  const buttons = [button(`受理回执（第 ${record.version} 版，PDF）`, `/${kind}/${id}/receipt.pdf?version=${record.version}`, `受理回执-${record.id}-v${record.version}.pdf`)];
  if (kind === "plans" && record.status === "approved") {
    buttons.push(button("评聘工作方案草稿（DOCX）", `/plans/${id}/work-plan.docx`, `评聘工作方案-${record.id}.docx`));
  }
  if (kind === "reports" && record.status === "approved") {
    buttons.push(button("证书（PDF，经全国确认后）", `/reports/${id}/certificates.pdf`, `证书-${record.id}.pdf`));
  }
  return h("div", { class: "record-documents" }, h("h3", { text: "文书下载" }), ...buttons, status);
}

async function detail(v, kind, id) {
  const record = flatten(await api("GET", `/${kind}/${encodeURIComponent(id)}`));
  const parts = [
    h("p", {}, h("a", { href: "./", text: "← 返回全部记录" })),
    h("h2", {}, `${KINDS[kind]} ${record.id} `, statusBadge(record.status, v)),
    factList(await namedFacts(kind, record, v)),
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
    const names = await occupationNames(record.candidates.map((c) => c.occupation));
    parts.push(
      table("人员名单", ["序号", "姓名", "职业", "级别", "评审成绩"], record.candidates.map((c, i) => [String(i + 1), c.name, occupationLabel(names, c.occupation), v.levels[c.level] || c.level, String(c.evaluation?.score ?? "—")])),
    );
  }
  if (kind !== "filings") parts.push(h("h3", { text: "材料" }), await filesSection(kind, record.id));
  parts.push(documents(kind, record));
  parts.push(h("h3", { text: "审核记录与意见" }), historyTable(record));
  if (kind === "reports" && record.status === "approved") {
    const certs = await certificates(record.id, v);
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
