// A report's candidates as a reviewer sees them (GET /api/reports/{id}/candidates): a summary table, then each
// candidate's credentials, work periods, honours and the verdict of every path, all judged by the server as of
// the plan's review date. When the plan cannot be read the page says so; it never judges as of today.

import { api } from "./api.js";
import { h } from "./forms.js";
import { table } from "./record-view.js";

const mark = (met) => (met ? "✓" : "✗");

async function allCandidates(id) {
  const first = await api("GET", `/reports/${encodeURIComponent(id)}/candidates?limit=500`);
  const candidates = [...first.candidates];
  let next = first.next_offset;
  while (next !== null && next !== undefined) {
    const page = await api("GET", `/reports/${encodeURIComponent(id)}/candidates?limit=500&offset=${next}`);
    candidates.push(...page.candidates);
    next = page.next_offset;
  }
  return { ...first, candidates };
}

function verdictText(verdict) {
  if (!verdict) return "未判断";
  if (verdict.eligible === null) return verdict.detail;
  if (verdict.eligible) return `✓ 符合（依据 ${verdict.basis.join("、")}）${verdict.needs_review ? "，需人工核实荣誉" : ""}`;
  return "✗ 不符合";
}

function badge(verdict) {
  const cls = verdict?.eligible ? "status status--approved" : verdict?.eligible === false ? "status status--rejected" : "status";
  return h("span", { class: cls, text: verdictText(verdict) });
}

const orNone = (items) => (items.length ? h("ul", {}, ...items.map((t) => h("li", { text: t }))) : h("p", { text: "无" }));

function credentialText(c) {
  return `${c.grade_name}（${c.kind_name}），与参评职业${c.relation_name}，${c.obtained_on} 取得`;
}

function periodText(p) {
  return `${p.start} 至 ${p.end || "今"}，${p.relation_name}职业`;
}

function honourText(x) {
  const what = [x.category_name, x.level_name, x.rank_name, x.issuer_name].filter(Boolean).join("，");
  return `${x.name || x.category_name}（${what}），${x.granted_on} 获得`;
}

function pathItems(verdict) {
  if (!verdict || verdict.eligible === null) return [];
  return [...(verdict.prerequisites || []), ...(verdict.paths || [])].map(
    (p) => h("li", { class: p.met ? "path path--met" : "path path--unmet" }, h("span", { class: "badge", text: `${mark(p.met)} ` }), h("strong", { text: `${p.id} ${p.title}：` }), p.detail),
  );
}

function card(c) {
  const n = c.index + 1;
  const heading = `${n}. ${c.name}`;
  return h(
    "section",
    { class: "candidate", "aria-label": `第 ${n} 位人员 ${c.name}` },
    h("h4", {}, `${heading} `, badge(c.verdict)),
    h(
      "dl",
      { class: "record" },
      h("dt", { text: "身份证号码" }), h("dd", { text: c.id_number_masked }),
      h("dt", { text: "职业" }), h("dd", { text: `${c.occupation_name || ""}（${c.occupation}）` }),
      h("dt", { text: "级别" }), h("dd", { text: c.level_name }),
      h("dt", { text: "评审成绩" }), h("dd", { text: c.score ?? "—" }),
    ),
    h("h5", { text: "证书与职称" }), orNone(c.credentials.map(credentialText)),
    h("h5", { text: "工作经历" }), orNone(c.work_periods.map(periodText)),
    h("h5", { text: "荣誉与奖励" }), orNone(c.honours.map(honourText)),
    h("h5", { text: "各条件判断" }),
    c.verdict && c.verdict.eligible !== null ? h("ul", { class: "paths" }, ...pathItems(c.verdict)) : h("p", { text: verdictText(c.verdict) }),
  );
}

/** The candidates block of a report: when it was judged, the summary table, one card per candidate. */
export async function candidatesSection(id) {
  let answer;
  try {
    answer = await allCandidates(id);
  } catch (error) {
    return [h("h3", { text: "人员名单与参评条件" }), h("p", { class: "notice notice--error", text: `人员名单暂时无法读取：${error.message}` })];
  }
  const when = answer.review_date
    ? h("p", { class: "notice", text: `参评条件按评价计划的评审日期 ${answer.review_date} 判断（共 ${answer.total} 人）。` })
    : h("p", { class: "notice notice--error", role: "alert", text: answer.plan_problem });
  const rows = answer.candidates.map((c) => [
    String(c.index + 1),
    h("a", { href: `#candidate-${c.index + 1}`, text: c.name }),
    c.id_number_masked,
    c.occupation_name || c.occupation,
    c.level_name,
    String(c.score ?? "—"),
    badge(c.verdict),
  ]);
  const cards = answer.candidates.map((c) => {
    const el = card(c);
    el.id = `candidate-${c.index + 1}`;
    return el;
  });
  return [
    h("h3", { text: `人员名单与参评条件（评审日期 ${answer.review_date || "无法确定"}）` }),
    when,
    table("人员参评条件", ["序号", "姓名", "身份证号码", "职业", "级别", "成绩", "参评条件"], rows),
    h("h3", { text: "每位人员的证书、工作经历、荣誉与判断依据" }),
    ...cards,
  ];
}
