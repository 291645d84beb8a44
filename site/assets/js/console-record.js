// One record for a reviewer: its details, for a report each candidate's eligibility on the plan's review date
// (POST /api/eligibility/check), the history, and the decision (POST /api/{kind}/{id}/decision).

import { api, flatten, vocab } from "./api.js";
import { STAFF, requireRole } from "./auth.js";
import { clearErrors, collect, h, say, showErrors } from "./forms.js";
import { DECISIONS, KINDS, factList, facts, historyTable, statusBadge, table } from "./record-view.js";

const root = document.getElementById("record");
const form = document.getElementById("decision");
const DECIDABLE = ["submitted", "city_review", "province_review"];

async function eligibilityRows(report, v) {
  let asOf = null;
  try {
    asOf = flatten(await api("GET", `/plans/${encodeURIComponent(report.plan_id)}`)).review_date;
  } catch {
    /* the plan could not be read: judge as of today */
  }
  const rows = [];
  for (const [i, c] of (report.candidates || []).entries()) {
    let verdict;
    try {
      verdict = await api("POST", "/eligibility/check", {
        body: { level: c.level, ...(asOf ? { as_of: asOf } : {}), credentials: c.credentials || [], work_periods: c.work_periods || [], honours: c.honours || [] },
      });
    } catch (error) {
      verdict = { eligible: false, basis: [], paths: [{ met: false, detail: error.message }] };
    }
    const reasons = verdict.eligible
      ? `符合（依据 ${verdict.basis.join("、")}）${verdict.needs_review ? "，需人工核实荣誉" : ""}`
      : `不符合：${[...(verdict.prerequisites || []), ...verdict.paths].filter((p) => !p.met).map((p) => `${p.id ? p.id + " " : ""}${p.detail}`).join("；")}`;
    rows.push([
      String(i + 1),
      c.name,
      c.id_number ? `${c.id_number.slice(0, 6)}********${c.id_number.slice(-4)}` : "—",
      c.occupation,
      v.levels[c.level] || c.level,
      String(c.evaluation?.score ?? "—"),
      h("span", { class: verdict.eligible ? "status status--approved" : "status status--rejected", text: verdict.eligible ? "✓ 符合" : "✗ 不符合" }),
      reasons,
    ]);
  }
  return { asOf, rows };
}

async function show(v, kind, id) {
  const record = flatten(await api("GET", `/${kind}/${encodeURIComponent(id)}`));
  const parts = [
    h("p", {}, h("a", { href: "../", text: "← 返回待审队列" })),
    h("h2", {}, `${KINDS[kind]} ${record.id} `, statusBadge(record.status, v)),
    factList(facts(kind, record, v)),
  ];
  if (kind === "reports") {
    const { asOf, rows } = await eligibilityRows(record, v);
    parts.push(
      h("h3", { text: `人员名单与参评条件（按评审日期 ${asOf || "今天"} 判断）` }),
      table("人员参评条件", ["序号", "姓名", "身份证号码", "职业", "级别", "成绩", "参评条件", "说明"], rows),
    );
  }
  parts.push(h("h3", { text: "审核记录与意见" }), historyTable(record));
  if (kind === "reports" && record.status === "approved") {
    try {
      const certs = await api("GET", `/reports/${encodeURIComponent(record.id)}/certificates`);
      const items = Array.isArray(certs) ? certs : certs?.items || [];
      parts.push(
        h("h3", { text: "证书编号" }),
        table("证书编号", ["姓名", "职业", "级别", "证书编号"], items.map((c) => [c.name, c.occupation, c.level, h("code", { text: c.certificate_number })])),
      );
    } catch (error) {
      parts.push(h("p", { text: `证书编号暂不可查：${error.message}` }));
    }
  }
  root.replaceChildren(...parts);
  if (DECIDABLE.includes(record.status)) {
    document.getElementById("decision-version").value = record.version;
    form.hidden = false;
  }
  return record;
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
    try {
      const answer = await api("POST", `/${kind}/${encodeURIComponent(id)}/decision`, { body });
      form.hidden = true;
      const done = document.getElementById("decided");
      const status = answer?.status;
      done.replaceChildren(
        h("p", {}, `已提交审核决定：${DECISIONS[body.decision]}。当前状态：`, statusBadge(status, v)),
        h("a", { class: "md-button", href: "../", text: "返回待审队列" }),
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
