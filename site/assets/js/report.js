// 评价结果报备: plan, public notice, roster (by hand or from the XLSX template), materials → POST /api/reports,
// or PUT a returned report (?id=).

import { api, flatten, listAll, vocab } from "./api.js";
import { requireRole } from "./auth.js";
import { collect, field, h, options, say } from "./forms.js";
import { personSections, repeater } from "./person.js";
import { recordToResubmit, wireSubmit } from "./submit.js";
import { uploadField } from "./upload.js";
import { cellDate, readSheet } from "./xlsx.js";

const form = document.getElementById("report");
const MATERIAL_TYPES = [
  ["public_notice", "公示材料"],
  ["review_record", "评审过程记录"],
  ["roster", "人员名单（盖章版）"],
  ["other", "其他材料"],
];
let plan = null;

function candidateFields(v, prefix, value = {}) {
  const occupation = h("select", { dataset: { path: `${prefix}.occupation` } }, ...options((plan?.occupations || []).map((c) => [c, c]), { blank: "请选择职业" }));
  if (value.occupation) {
    if (![...occupation.options].some((o) => o.value === value.occupation)) occupation.append(h("option", { value: value.occupation, text: value.occupation }));
    occupation.value = value.occupation;
  }
  const level = value.level || plan?.level || "T";
  const person = personSections(v, `${prefix}.`, value);
  return [
    h(
      "div",
      { class: "grid" },
      field("姓名", h("input", { type: "text", dataset: { path: `${prefix}.name` }, value: value.name || null, maxlength: "50", autocomplete: "off" })),
      field("身份证号码", h("input", { type: "text", dataset: { path: `${prefix}.id_number` }, value: value.id_number || null, maxlength: "18", autocomplete: "off", spellcheck: "false" })),
      field("职业", occupation),
      field("评审成绩", h("input", { type: "number", dataset: { path: `${prefix}.evaluation.score`, type: "float" }, value: value.evaluation?.score ?? null, min: "0", max: "100", step: "0.1", inputmode: "decimal" })),
    ),
    h("input", { type: "hidden", dataset: { path: `${prefix}.level` }, value: level }),
    h("input", { type: "hidden", dataset: { path: `${prefix}.evaluation.passed`, type: "bool" }, value: "true" }),
    h("h3", { class: "field-label", text: "证书与职称" }),
    person.credentials,
    h("h3", { class: "field-label", text: "工作经历" }),
    person.work,
    h("h3", { class: "field-label", text: "荣誉与奖励" }),
    person.honours,
  ];
}

function materialFields(prefix, value = {}) {
  const type = h("select", { dataset: { path: `${prefix}.type` } }, ...options(MATERIAL_TYPES, { blank: "请选择类型" }));
  if (value.type) type.value = value.type;
  return [field("材料类型", type), uploadField({ label: "文件", path: `${prefix}.key`, purpose: "material", key: value.key })];
}

/** One cell as the schema's input, the way schemas/roster.py reads it: Chinese names → codes, dates → ISO. */
function cellValue(column, text) {
  if (column.kind === "date") return cellDate(text);
  if (column.kind === "number") return Number.isNaN(Number(text)) ? text : Number(text);
  if (column.kind === "id") return text.toUpperCase();
  if (column.kind === "occupation") return /^\d-\d{2}-\d{2}-\d{2}/.test(text) ? text.split(/\s+/)[0] : text;
  if (column.kind === "choice") return Object.entries(column.choices).find(([code, name]) => name === text || code === text)?.[0] ?? text;
  return text;
}

/** Rows of the roster template (schemas/roster.py's columns, from vocab.json) → candidates. */
function candidatesFrom(rows, v) {
  const [header = [], ...body] = rows;
  const columns = v.roster_columns.map((c) => ({ ...c, at: header.indexOf(c.header) }));
  const missing = columns.filter((c) => c.at < 0 && !c.group);
  if (missing.length) throw new Error(`不是本页提供的模板，缺少列：${missing.map((c) => c.header).join("、")}`);
  return body
    .filter((row) => row.some(Boolean))
    .map((row) => {
      const candidate = { evaluation: { passed: true }, credentials: [], work_periods: [], honours: [] };
      const groups = {};
      for (const column of columns) {
        const text = column.at >= 0 ? row[column.at] || "" : "";
        if (!text) continue;
        const value = cellValue(column, text);
        if (!column.group) candidate[column.field] = value;
        else if (column.group === "evaluation") candidate.evaluation[column.field] = value;
        else (groups[column.group] ??= {})[column.field] = value;
      }
      for (const group of v.roster_groups) {
        if (groups[group.id]) candidate[group.list].push({ ...group.fixed, ...groups[group.id] });
      }
      return candidate;
    });
}

async function main() {
  const me = requireRole(["enterprise"], document.getElementById("gate"), "enterprise/");
  if (!me) return;
  const v = await vocab();
  const existing = await recordToResubmit("reports").catch(() => null);
  const plans = (await listAll("/plans")).filter((p) => p.status === "approved" || p.id === existing?.plan_id);
  if (!plans.length) {
    say(document.getElementById("gate"), "还没有已通过的评价计划：请先提交评价计划，待审核通过后再报备结果。", "error");
    return;
  }
  const select = document.getElementById("plan-id");
  select.append(...options(plans.map((p) => [p.id, `${p.id} · ${v.levels[p.level] || p.level} · 评审日期 ${p.review_date}`]), { blank: "请选择评价计划" }));
  const roster = repeater({ title: "人员", addLabel: "添加人员", prefix: "candidates", make: (prefix, value) => candidateFields(v, prefix, value) });
  const materials = repeater({ title: "材料", addLabel: "添加材料", prefix: "materials", make: materialFields });
  document.getElementById("roster").append(roster);
  document.getElementById("materials").append(materials);
  const choosePlan = async () => {
    plan = select.value ? flatten(await api("GET", `/plans/${encodeURIComponent(select.value)}`)) : null;
    // Rows added before the plan was chosen take its occupations and level now.
    for (const occ of roster.querySelectorAll('select[data-path$=".occupation"]')) {
      const keep = occ.value;
      occ.replaceChildren(...options((plan?.occupations || []).map((c) => [c, c]), { blank: "请选择职业" }));
      occ.value = keep;
    }
    for (const lvl of roster.querySelectorAll('input[data-path$=".level"]')) lvl.value = plan?.level || lvl.value;
  };
  select.addEventListener("change", choosePlan);

  const start = document.getElementById("notice-start");
  const end = document.getElementById("notice-end");
  const workdays = document.getElementById("workdays");
  const countDays = async () => {
    if (!start.value || !end.value || end.value < start.value) return (workdays.textContent = "");
    try {
      const answer = await api("GET", `/reference/workdays?start=${start.value}&end=${end.value}`);
      const enough = answer.workdays >= v.notice_min_workdays;
      workdays.textContent = `公示期共 ${answer.workdays} 个工作日${enough ? "" : `，不足 ${v.notice_min_workdays} 个工作日`}`;
    } catch (error) {
      workdays.textContent = error.message;
    }
  };
  start.addEventListener("change", countDays);
  end.addEventListener("change", countDays);

  document.getElementById("roster-file").addEventListener("change", async (event) => {
    const file = event.target.files?.[0];
    const status = document.getElementById("import-status");
    if (!file) return;
    try {
      const people = candidatesFrom(await readSheet(file), v);
      people.forEach((p) => roster.add(p));
      status.textContent = `已从 ${file.name} 导入 ${people.length} 人，请核对。`;
    } catch (error) {
      status.textContent = `导入失败：${error.message}`;
    }
  });

  if (existing) {
    select.value = existing.plan_id;
    await choosePlan();
    start.value = existing.public_notice?.start || "";
    end.value = existing.public_notice?.end || "";
    document.getElementById("notice-objections").value = existing.public_notice?.objections ?? 0;
    (existing.candidates || []).forEach((c) => roster.add(c));
    (existing.materials || []).forEach((m) => materials.add(m));
    countDays();
    const mode = document.getElementById("mode");
    mode.textContent = `正在修改评价结果报备 ${existing.id}（第 ${existing.version} 版），修改后重新提交。`;
    mode.hidden = false;
  } else {
    if (plans.length === 1) {
      select.value = plans[0].id;
      await choosePlan();
    }
    materials.add({ type: "public_notice" });
  }
  form.hidden = false;
  wireSubmit({ form, kind: "reports", build: () => collect(form), existing, done: document.getElementById("done") });
}

main();
