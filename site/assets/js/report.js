// 评价结果报备: plan, public notice, roster (by hand or from the XLSX template), materials → POST /api/reports,
// or PUT a returned report (?id=).

import { api, flatten, listAll, vocab } from "./api.js";
import { requireRole } from "./auth.js";
import { collect, field, h, options, say } from "./forms.js";
import { personSections, repeater } from "./person.js";
import { recordToResubmit, summaryList, wireSubmit } from "./submit.js";
import { uploadField, uploadFile } from "./upload.js";
import { draftToResume, autosave } from "./drafts.js";
import { wireStaffNotice } from "./staff-notice.js";
import { occupationLabel, occupationNames } from "./names.js";

const form = document.getElementById("report");
const MATERIAL_TYPES = [
  ["public_notice", "公示材料"],
  ["review_record", "评审过程记录"],
  ["roster", "人员名单（盖章版）"],
  ["other", "其他材料"],
];
let plan = null;

let planNames = new Map();
const occupationOptions = () => options((plan?.occupations || []).map((c) => [c, occupationLabel(planNames, c)]), { blank: "请选择职业" });

function candidateFields(v, prefix, value = {}) {
  const occupation = h("select", { dataset: { path: `${prefix}.occupation` } }, ...occupationOptions());
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

/** "第一期 特级技师 · 评审日期 2024-06-15" for a plan. */
const planLabel = (v, p) => `${p.campaign || ""} 年第 ${p.phase} 期 ${v.levels[p.level] || p.level} · 评审日期 ${p.review_date} · ${p.id}`;

/** The report in plain Chinese, for the 核对信息 step. */
async function reviewOf(v, body) {
  const people = body.candidates || [];
  const names = await occupationNames(people.map((c) => c.occupation));
  const types = Object.fromEntries(MATERIAL_TYPES);
  const table = h(
    "div",
    { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "人员名单" },
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, ...["序号", "姓名", "身份证号码", "职业", "参评级别", "评审成绩"].map((t) => h("th", { scope: "col", text: t })))),
      h(
        "tbody",
        {},
        ...people.map((c, i) =>
          h(
            "tr",
            {},
            ...[String(i + 1), c.name, c.id_number, occupationLabel(names, c.occupation), v.levels[c.level] || c.level, c.evaluation?.score ?? ""].map((t) =>
              h("td", { text: t ?? "" }),
            ),
          ),
        ),
      ),
    ),
  );
  const notice = body.public_notice || {};
  return [
    summaryList([
      ["评价计划", plan ? planLabel(v, plan) : body.plan_id],
      ["公示期", `${notice.start || "（未填写）"} 至 ${notice.end || "（未填写）"}，未处理完的异议 ${notice.objections ?? 0} 件`],
      ["报备人数", `${people.length} 人`],
      ["上报材料", (body.materials || []).map((m) => `${types[m.type] || m.type}${m.key ? "（已上传）" : "（未上传）"}`).join("、") || "（未上传）"],
    ]),
    h("h3", { text: "人员名单" }),
    table,
  ];
}

/** Import the XLSX roster through the server: every row's problems at once, checked against the chosen plan. */
async function importRoster(file, roster, status) {
  status.replaceChildren(`正在读取 ${file.name}……`);
  status.className = "";
  try {
    const key = await uploadFile(file, "roster");
    const answer = await api("POST", "/rosters/parse", { body: { key, plan_id: plan?.id || null } });
    answer.candidates.forEach((c) => roster.add(c));
    say(status, `已从 ${file.name} 导入 ${answer.count} 人，请核对。`, "ok");
  } catch (error) {
    status.className = "notice notice--error";
    status.setAttribute("role", "alert");
    status.replaceChildren(
      h("p", { text: `未导入：${error.message}` }),
      error.fields?.length ? h("ul", { class: "import-problems" }, ...error.fields.map((f) => h("li", { text: f.message }))) : "",
    );
  }
}

async function main() {
  const me = requireRole(["enterprise"], document.getElementById("gate"), "enterprise/");
  if (!me) return;
  const v = await vocab();
  const existing = await recordToResubmit("reports").catch(() => null);
  const draft = await draftToResume("report");
  const start = draft?.body || existing; // a draft holds what was typed last, a returned record what was sent
  const plans = (await listAll("/plans")).filter((p) => p.status === "approved" || p.id === start?.plan_id);
  if (!plans.length) {
    say(document.getElementById("gate"), "还没有已通过的评价计划：请先提交评价计划，待审核通过后再报备结果。", "error");
    return;
  }
  const select = document.getElementById("plan-id");
  select.append(...options(plans.map((p) => [p.id, planLabel(v, p)]), { blank: "请选择评价计划" }));
  const roster = repeater({ title: "人员", addLabel: "添加人员", prefix: "candidates", make: (prefix, value) => candidateFields(v, prefix, value) });
  const materials = repeater({ title: "材料", addLabel: "添加材料", prefix: "materials", make: materialFields });
  document.getElementById("roster").append(roster);
  document.getElementById("materials").append(materials);
  const choosePlan = async () => {
    plan = select.value ? flatten(await api("GET", `/plans/${encodeURIComponent(select.value)}`)) : null;
    planNames = await occupationNames(plan?.occupations || []);
    // Rows added before the plan was chosen take its occupations and level now.
    for (const occ of roster.querySelectorAll('select[data-path$=".occupation"]')) {
      const keep = occ.value;
      occ.replaceChildren(...occupationOptions());
      occ.value = keep;
    }
    for (const lvl of roster.querySelectorAll('input[data-path$=".level"]')) lvl.value = plan?.level || lvl.value;
  };
  select.addEventListener("change", choosePlan);

  const noticeStart = document.getElementById("notice-start");
  const end = document.getElementById("notice-end");
  const workdays = document.getElementById("workdays");
  const countDays = async () => {
    if (!noticeStart.value || !end.value || end.value < noticeStart.value) return (workdays.textContent = "");
    try {
      const answer = await api("GET", `/reference/workdays?start=${noticeStart.value}&end=${end.value}`);
      const enough = answer.workdays >= v.notice_min_workdays;
      workdays.textContent = `公示期共 ${answer.workdays} 个工作日${enough ? "" : `，不足 ${v.notice_min_workdays} 个工作日`}`;
    } catch (error) {
      workdays.textContent = error.message;
    }
  };
  noticeStart.addEventListener("change", countDays);
  end.addEventListener("change", countDays);

  document.getElementById("roster-file").addEventListener("change", async (event) => {
    const file = event.target.files?.[0];
    if (file) await importRoster(file, roster, document.getElementById("import-status"));
    event.target.value = "";
  });

  if (start) {
    select.value = start.plan_id || "";
    await choosePlan();
    noticeStart.value = start.public_notice?.start || "";
    end.value = start.public_notice?.end || "";
    document.getElementById("notice-objections").value = start.public_notice?.objections ?? 0;
    (start.candidates || []).forEach((c) => roster.add(c));
    (start.materials || []).forEach((m) => materials.add(m));
    countDays();
  }
  const mode = document.getElementById("mode");
  if (existing) mode.textContent = `正在修改评价结果报备 ${existing.id}（第 ${existing.version} 版），修改后重新提交。`;
  if (draft) mode.textContent = `${mode.textContent || ""}已恢复上次未提交的草稿，可继续填写。`;
  mode.hidden = !mode.textContent;
  if (!start) {
    if (plans.length === 1) {
      select.value = plans[0].id;
      await choosePlan();
    }
    materials.add({ type: "public_notice" });
  }
  form.hidden = false;
  const title = () => `${plan ? planLabel(v, plan) : "未选评价计划"} · ${roster.rows.children.length} 人`;
  const saver = autosave({ form, kind: "report", draftId: draft?.id, recordId: existing?.id || null, title });
  const review = (body) => reviewOf(v, body);
  wireSubmit({ form, kind: "reports", build: () => collect(form), existing, done: document.getElementById("done"), review, saver });
  wireStaffNotice(saver, noticeStart, end);
}

main();
