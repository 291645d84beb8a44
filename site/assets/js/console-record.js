// One record for a reviewer: its details, its files (opened in the browser), for a report each candidate's
// evidence and verdict as of the plan's review date, the history, and the decision (POST /api/{kind}/{id}/decision)
// when the record awaits the reviewer's desk; otherwise the page says it is read-only.

import { api, flatten, siteUrl, vocab } from "./api.js";
import { STAFF, requireRole } from "./auth.js";
import { candidatesSection } from "./candidates-view.js";
import { filesSection } from "./files-view.js";
import { clearErrors, collect, h, say, showErrors } from "./forms.js";
import { DECISIONS, KINDS, factList, historyTable, namedFacts, statusBadge, table } from "./record-view.js";

const root = document.getElementById("record");
const form = document.getElementById("decision");
const STAGES = { city: "地市", province: "省级" };
const CERT_STATUS = { allocated: "已编号", issued: "已核发", revoked: "已撤销（弄虚作假）" };

function readOnlyNotice(record) {
  if (record.can_decide) return null;
  const text = record.routed_to_me
    ? record.awaiting
      ? `只读：该记录目前在${STAGES[record.stage] || ""}审核环节，不在您的待审列表中。`
      : "只读：该记录已有审核结果。"
    : "只读：该记录不由您审核（省级可查看全省记录），审核决定由其所在审核部门作出。";
  return h("p", { class: "notice read-only", role: "status", text });
}

const related = (kind, id, label) => h("p", {}, `${label}：`, h("a", { href: siteUrl(`console/record/?kind=${kind}&id=${encodeURIComponent(id)}`), text: id }));

async function show(v, kind, id) {
  const record = flatten(await api("GET", `/${kind}/${encodeURIComponent(id)}`));
  const parts = [
    h("p", {}, h("a", { href: "../", text: "← 返回审核工作台" })),
    h("h2", {}, `${KINDS[kind]} ${record.id} `, statusBadge(record.status, v)),
    readOnlyNotice(record),
    factList(await namedFacts(kind, record, v)),
  ];
  if (record.plan_id) parts.push(related("plans", record.plan_id, "所依据的评价计划"));
  if (record.filing_id) parts.push(related("filings", record.filing_id, "所依据的备案"));
  if (kind !== "filings") parts.push(h("h3", { text: "材料" }), await filesSection(kind, record.id));
  if (kind === "reports" && (record.duplicates || []).length) {
    // One person, one approval per level and campaign: the final approval is refused while these remain.
    parts.push(
      h("div", { class: "admonition warning", role: "alert", id: "duplicates" },
        h("p", { class: "admonition-title", text: `${record.duplicates.length} 人已在本年度同一级别审核通过（不能重复通过）` }),
        h("ul", {}, ...record.duplicates.map((d) => h("li", { text: `第 ${d.index + 1} 位 ${d.name}：报备 ${d.report_id}，${d.enterprise_name || ""}` }))),
      ),
    );
  }
  if (kind === "reports") parts.push(...(await candidatesSection(record.id)));
  parts.push(h("h3", { text: "审核记录与意见" }), historyTable(record));
  if (kind === "reports" && record.status === "approved") {
    try {
      const certs = await api("GET", `/reports/${encodeURIComponent(record.id)}/certificates`);
      const items = Array.isArray(certs) ? certs : certs?.items || [];
      parts.push(
        h("h3", { text: "证书编号" }),
        table("证书编号", ["姓名", "职业", "级别", "证书编号", "状态"], items.map((c) => [c.name, c.occupation_name ? `${c.occupation_name}（${c.occupation}）` : c.occupation, v.levels[c.level] || c.level, h("code", { text: c.certificate_number }), CERT_STATUS[c.status] || c.status || "—"])),
      );
    } catch (error) {
      parts.push(h("p", { text: `证书编号暂不可查：${error.message}` }));
    }
  }
  root.replaceChildren(...parts.filter(Boolean));
  form.hidden = !record.can_decide;
  if (record.can_decide) document.getElementById("decision-version").value = record.version;
  return record;
}

/** §五(二)2: a return or a rejection says why; checked here before sending, and again by the API. */
function commentMissing(body) {
  if (!["return", "reject"].includes(body.decision) || (body.comment || "").trim()) return null;
  return { message: "退回修改或不通过时请填写审核意见", fields: [{ path: "comment", message: "退回修改或不通过时请填写审核意见，说明原因" }] };
}

async function main() {
  if (!requireRole(STAFF, document.getElementById("gate"), "console/")) return;
  const v = await vocab();
  const params = new URLSearchParams(location.search);
  const kind = params.get("kind");
  const id = params.get("id");
  if (!(kind in KINDS) || !id) return;
  try {
    await show(v, kind, id);
  } catch (error) {
    say(root, error.message, "error");
    return;
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = collect(form);
    const missing = commentMissing(body);
    if (missing) {
      showErrors(form, missing);
      return;
    }
    try {
      const answer = await api("POST", `/${kind}/${encodeURIComponent(id)}/decision`, { body });
      form.hidden = true;
      const done = document.getElementById("decided");
      done.replaceChildren(
        h("p", {}, `已提交审核决定：${DECISIONS[body.decision]}。当前状态：`, statusBadge(answer?.status, v)),
        h("a", { class: "md-button", href: "../", text: "返回审核工作台" }),
      );
      done.className = "notice notice--ok";
      done.hidden = false;
      done.focus();
      await show(v, kind, id);
      form.hidden = true;
    } catch (error) {
      showErrors(form, error);
    }
  });
}

main();
