// The statistics dashboard: GET /api/stats drawn with the vendored ECharts (a global `echarts`), each chart
// beside a table of the same numbers (for screen readers and copying), and exported to Excel on request.

import { api, vocab, API_BASE, session, ApiError } from "./api.js";
import { STAFF, requireRole } from "./auth.js";
import { h, options } from "./forms.js";

const STATUS_NAMES = {
  submitted: "待审核",
  city_review: "地市审核中",
  province_review: "省审核中",
  approved: "已通过",
  returned: "退回修改",
  rejected: "不予通过",
};
const charts = {};

function table(headers, rows) {
  return h(
    "table",
    {},
    h("thead", {}, h("tr", {}, ...headers.map((text) => h("th", { scope: "col", text })))),
    h("tbody", {}, ...rows.map((row) => h("tr", {}, ...row.map((cell, i) => h(i ? "td" : "th", i ? { text: String(cell) } : { scope: "row", text: String(cell) }))))),
  );
}

/** Horizontal bars, one per name (cities, desks, occupations), counted from zero in whole numbers. */
const bars = (names, top) => ({
  grid: { left: 8, right: 16, top, bottom: 8, containLabel: true },
  xAxis: { type: "value", minInterval: 1 },
  yAxis: { type: "category", data: names, inverse: true },
});

function draw(id, option, summary) {
  const el = document.getElementById(id);
  el.setAttribute("aria-label", summary);
  if (!window.echarts) return;
  charts[id] ??= window.echarts.init(el, null, { renderer: "canvas" });
  charts[id].setOption({ animation: false, tooltip: { trigger: "axis" }, ...option }, true);
}

function fill(id, headers, rows) {
  document.getElementById(id).replaceChildren(table(headers, rows));
}

const total = (rows, pick) => rows.reduce((sum, row) => sum + pick(row), 0);

function totals(stats) {
  const rows = stats.by_city;
  const certificates = (state) => total(rows, (c) => c.certificates[state]);
  const items = [
    ["开展评聘的企业", total(rows, (c) => c.enterprises)],
    ["评价计划", total(rows, (c) => c.plans)],
    ["评价结果报备", total(rows, (c) => c.reports)],
    ["报备人数", total(rows, (c) => c.candidates)],
    ["证书（已分配编号）", certificates("allocated")],
    ["证书（已核发）", certificates("issued")],
    ["证书（已撤销）", certificates("revoked")],
  ];
  document.getElementById("dash-totals").replaceChildren(
    ...items.flatMap(([label, n]) => [h("dt", { text: label }), h("dd", { text: String(n) })]),
  );
}

function cityCharts(stats) {
  const rows = stats.by_city;
  const names = rows.map((c) => c.name);
  const certified = (c) => c.certificates.allocated + c.certificates.issued;
  draw(
    "chart-cities",
    {
      legend: { top: 0 },
      ...bars(names, 32),
      series: [
        { name: "报备人数", type: "bar", data: rows.map((c) => c.candidates) },
        { name: "证书", type: "bar", data: rows.map(certified) },
      ],
    },
    `各市报备人数与证书数，共 ${rows.length} 个地市，详见右侧数据表`,
  );
  fill(
    "table-cities",
    ["地市", "企业", "计划", "报备", "人数", "证书", "其中特级", "其中首席"],
    rows.map((c) => [c.name, c.enterprises, c.plans, c.reports, c.candidates, certified(c), c.by_level.T.candidates, c.by_level.S.candidates]),
  );
  const statuses = Object.keys(STATUS_NAMES);
  const count = (c, s) => (c.statuses.plan?.[s] || 0) + (c.statuses.report?.[s] || 0);
  draw(
    "chart-statuses",
    {
      legend: { top: 0 },
      ...bars(names, 56),
      series: statuses.map((s) => ({ name: STATUS_NAMES[s], type: "bar", stack: "status", data: rows.map((c) => count(c, s)) })),
    },
    "各市评价计划与评价结果按状态堆叠，详见右侧数据表",
  );
  fill("table-statuses", ["地市", ...statuses.map((s) => STATUS_NAMES[s])], rows.map((c) => [c.name, ...statuses.map((s) => count(c, s))]));
}

function deskCharts(stats) {
  const desks = stats.desks;
  const days = (d) => (d === null ? "—" : d);
  draw(
    "chart-desks",
    {
      ...bars(desks.map((d) => d.name), 16),
      series: [{ name: "待审", type: "bar", data: desks.map((d) => d.waiting) }],
    },
    desks.length ? `各审核岗待审数量，共 ${desks.length} 个岗，详见右侧数据表` : "目前没有待审记录",
  );
  fill("table-desks", ["审核岗", "待审", "等待天数中位数", "等待天数 90% 分位"], desks.map((d) => [d.name, d.waiting, days(d.median_days), days(d.p90_days)]));
}

function phaseProgress(stats, campaigns) {
  const phases = campaigns[stats.campaign]?.phases || [];
  const today = new Date(stats.as_of);
  const box = document.getElementById("dash-phases");
  box.replaceChildren(
    ...stats.phases.map((p) => {
      const known = phases.find((q) => q.phase === p.phase);
      const start = known ? new Date(known.start) : today;
      const length = Math.max(1, (new Date(p.deadline) - start) / 86_400_000);
      const elapsed = Math.min(length, Math.max(0, (today - start) / 86_400_000));
      const label = p.days_left >= 0 ? `距截止还有 ${p.days_left} 天` : `已于 ${p.deadline} 截止`;
      const id = `phase-${p.phase}`;
      return h(
        "p",
        { class: "dash-phase" },
        h("label", { for: id, text: `第${p.phase}期（截止 ${p.deadline}）：${label}` }),
        h("progress", { id, max: String(Math.round(length)), value: String(Math.round(elapsed)) }),
      );
    }),
  );
}

function occupationCharts(stats) {
  const top = stats.top_occupations;
  draw(
    "chart-occupations",
    {
      ...bars(top.map((o) => o.name), 16),
      series: [{ name: "报备人数", type: "bar", data: top.map((o) => o.candidates) }],
    },
    top.length ? `参评人数最多的 ${top.length} 个职业，详见右侧数据表` : "暂无报备人员",
  );
  fill("table-occupations", ["职业", "编码", "报备人数"], top.map((o) => [o.name, o.code, o.candidates]));
}

async function exportXlsx(query, status) {
  status.textContent = "正在生成 Excel……";
  const response = await fetch(`${API_BASE}/stats/export?${query}`, {
    headers: { Authorization: `Bearer ${session()?.token || ""}` },
  });
  if (!response.ok) throw new ApiError(response.status, "export_failed", "导出失败，请稍后重试");
  const blob = await response.blob();
  const link = h("a", { href: URL.createObjectURL(blob), download: `统计-${query.get("campaign") || ""}.xlsx` });
  document.body.append(link);
  link.click();
  link.remove();
  status.textContent = `已导出（${Math.ceil(blob.size / 1024)} KB）`;
}

async function main() {
  const me = requireRole(STAFF, document.getElementById("gate"), "console/");
  if (!me) return;
  const v = await vocab();
  const section = document.getElementById("dashboard");
  const campaignSelect = document.getElementById("dash-campaign");
  const citySelect = document.getElementById("dash-city");
  const status = document.getElementById("dash-status");
  let campaigns = v.campaigns || {};
  try {
    const listed = await api("GET", "/campaigns");
    const items = Array.isArray(listed) ? listed : listed?.items || listed?.campaigns || [];
    if (items.length) campaigns = Object.fromEntries(items.map((c) => [String(c.year), c]));
  } catch {
    /* the shipped history is enough to choose from */
  }
  const years = Object.keys(campaigns).sort().reverse();
  campaignSelect.append(...options(years.map((y) => [y, `${y} 年度`])));
  citySelect.append(...options(v.cities.map((c) => [c.code, c.name]), { blank: "全省" }));
  if (me.role === "city_reviewer") {
    citySelect.value = me.city;
    citySelect.disabled = true;
  }
  const query = () => {
    const q = new URLSearchParams();
    if (campaignSelect.dataset.chosen) q.set("campaign", campaignSelect.value);
    if (citySelect.value) q.set("city", citySelect.value);
    return q;
  };
  const load = async () => {
    section.setAttribute("aria-busy", "true");
    status.textContent = "正在读取统计……";
    try {
      const stats = await api("GET", `/stats?${query()}`);
      campaignSelect.value = stats.campaign;
      totals(stats);
      cityCharts(stats);
      deskCharts(stats);
      phaseProgress(stats, campaigns);
      occupationCharts(stats);
      status.textContent = `${stats.campaign} 年度，统计至 ${stats.as_of}`;
    } catch (error) {
      status.textContent = error.message;
    } finally {
      section.setAttribute("aria-busy", "false");
    }
  };
  campaignSelect.addEventListener("change", () => (campaignSelect.dataset.chosen = "1"));
  document.getElementById("dash-filter").addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
  document.getElementById("dash-export").addEventListener("click", () => {
    const q = query();
    q.set("campaign", campaignSelect.value);
    exportXlsx(q, status).catch((error) => (status.textContent = error.message));
  });
  window.addEventListener("resize", () => Object.values(charts).forEach((chart) => chart.resize()));
  section.hidden = false;
  await load();
}

main();
