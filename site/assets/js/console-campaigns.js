// 评聘年度 (admin): GET /api/campaigns, PUT /api/campaigns/{year} — open a year, move a deadline, close a year.

import { ApiError, api } from "./api.js";
import { STAFF, requireRole } from "./auth.js";
import { clearErrors, collect, h, renumber, say, showErrors } from "./forms.js";
import { table } from "./record-view.js";

const MAX_PHASES = 9;
const form = document.getElementById("campaign");
const rows = document.getElementById("phase-rows");
const yearInput = document.getElementById("year");
let listing = { items: [] };

function phaseRow(p = {}) {
  const n = rows.children.length;
  const input = (key, label, type, value) => {
    const id = `phase-${n}-${key}-${Math.random().toString(36).slice(2, 7)}`;
    return h(
      "div",
      { class: "field" },
      h("label", { for: id, text: label }),
      h("input", { type, id, value: value ?? "", maxlength: type === "text" ? "100" : undefined, dataset: { path: `phases[${n}].${key}` } }),
    );
  };
  return h(
    "fieldset",
    { class: "phase-row", dataset: { errorFor: `phases[${n}]` } },
    h("legend", {}, "第 ", h("span", { class: "row-number", text: String(n + 1) }), " 期"),
    h("input", { type: "hidden", value: String(n + 1), dataset: { path: `phases[${n}].phase`, type: "int" } }),
    h("div", { class: "grid" }, input("start", "开始日期", "date", p.start), input("end", "截止日期", "date", p.end)),
    input("note", "说明（选填）", "text", p.note),
  );
}

function setPhases(phases) {
  rows.replaceChildren();
  (phases.length ? phases : [{}]).forEach((p) => rows.append(phaseRow(p)));
}

function renumberPhases() {
  renumber(rows, "phases");
  [...rows.children].forEach((row, i) => {
    row.querySelector('input[type="hidden"]').value = String(i + 1);
  });
}

function statusOf(c) {
  if (!c.accepting_submissions) return "已关闭";
  if (c.current) return "当前年度";
  return c.phases.every((p) => p.deadline_passed) ? "已结束" : "受理中或未开始";
}

function edit(c) {
  clearErrors(form);
  document.getElementById("campaign-title").textContent = `修改 ${c.year} 年度`;
  yearInput.value = c.year;
  yearInput.readOnly = true;
  document.getElementById("campaign-name").value = c.name;
  document.getElementById("accepting").checked = c.accepting_submissions;
  setPhases(c.phases);
  form.hidden = false;
  yearInput.focus();
}

function fresh() {
  clearErrors(form);
  const next = String(Math.max(Number(listing.today?.slice(0, 4) || 0), ...listing.items.map((c) => Number(c.year) + 1)));
  document.getElementById("campaign-title").textContent = "开设新年度";
  yearInput.readOnly = false;
  yearInput.value = next;
  document.getElementById("campaign-name").value = `广东省${next}年特级技师、首席技师评聘`;
  document.getElementById("accepting").checked = true;
  setPhases([]);
}

async function load(isAdmin) {
  const list = document.getElementById("years");
  try {
    listing = await api("GET", "/campaigns");
    document.getElementById("clock").textContent = `系统日期（北京时间）：${listing.today}；当前年度：${listing.current || "无"}`;
    const phaseText = (c) => c.phases.map((p) => `第${p.phase}期 ${p.start} 至 ${p.end}${p.deadline_passed ? "（已截止）" : ""}`).join("；");
    const headers = ["年度", "名称", "状态", "各期时间", ...(isAdmin ? ["操作"] : [])];
    const body = listing.items.map((c) => [
      c.year,
      c.name,
      statusOf(c),
      phaseText(c),
      ...(isAdmin ? [h("button", { type: "button", class: "md-button", text: `修改 ${c.year}`, onclick: () => edit(c) })] : []),
    ]);
    list.replaceChildren(listing.items.length ? table("评聘年度", headers, body) : h("p", { text: "还没有评聘年度。" }));
  } catch (error) {
    say(list, error.message, "error");
  }
}

async function main() {
  const me = requireRole(STAFF, document.getElementById("gate"), "console/");
  if (!me) return;
  const isAdmin = me.role === "admin";
  await load(isAdmin);
  if (!isAdmin) return;
  fresh();
  form.hidden = false;
  document.getElementById("add-phase").addEventListener("click", () => {
    if (rows.children.length < MAX_PHASES) rows.append(phaseRow());
  });
  document.getElementById("remove-phase").addEventListener("click", () => {
    if (rows.children.length > 1) rows.lastElementChild.remove();
    renumberPhases();
  });
  document.getElementById("new-year").addEventListener("click", fresh);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const year = yearInput.value.trim();
    if (!/^\d{4}$/.test(year)) {
      showErrors(form, new ApiError(422, "validation_failed", "提交内容有误，请按提示修改", [{ path: "year", message: "年度应为四位数字", type: "year" }]));
      return;
    }
    try {
      const saved = await api("PUT", `/campaigns/${year}`, { body: collect(form) });
      const notice = document.getElementById("saved");
      say(notice, `已保存 ${saved.year} 年度：${saved.phases.map((p) => `第${p.phase}期 ${p.start} 至 ${p.end}`).join("；")}${saved.accepting_submissions ? "" : "（已关闭）"}。`, "ok");
      notice.focus();
      await load(true);
      edit(saved);
    } catch (error) {
      showErrors(form, error);
    }
  });
}

main();
