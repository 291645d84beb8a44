// 评价计划: POST /api/plans for an approved filing, or PUT a returned plan (?id=).

import { api, flatten, listAll, vocab } from "./api.js";
import { requireRole } from "./auth.js";
import { campaigns, openPhases, ordered } from "./campaigns.js";
import { collect, h, options, say } from "./forms.js";
import { draftToResume, autosave } from "./drafts.js";
import { occupationLabel, occupationNames } from "./names.js";
import { recordToResubmit, summaryList, wireSubmit } from "./submit.js";
import { uploadField } from "./upload.js";

const form = document.getElementById("plan");

function choice(type, path, value, label, checked) {
  const id = `${path.replace(/\W/g, "-")}-${value}`;
  return h(
    "div",
    { class: "choice" },
    h("input", { type, id, name: path, value, checked, dataset: { path: type === "checkbox" ? `${path}[]` : path, type: path === "phase" ? "int" : undefined } }),
    h("label", { for: id, text: label }),
  );
}

async function main() {
  const me = requireRole(["enterprise"], document.getElementById("gate"), "enterprise/");
  if (!me) return;
  const v = await vocab();
  const existing = await recordToResubmit("plans").catch(() => null);
  const draft = await draftToResume("plan");
  const start = draft?.body || existing;
  const filings = await listAll("/filings");
  const usable = filings.filter((f) => f.status === "approved" || f.id === start?.filing_id);
  const select = document.getElementById("filing-id");
  if (!usable.length) {
    say(document.getElementById("gate"), "还没有已通过的备案：请先提交企业备案，待审核通过后再提交评价计划。", "error");
    return;
  }
  const filingLabel = (f) => [f.enterprise_name, (f.levels || []).map((l) => v.levels[l] || l).join("、"), `备案 ${f.id}`].filter(Boolean).join(" · ");
  select.append(...options(usable.map((f) => [f.id, filingLabel(f)]), { blank: "请选择备案" }));
  // The years still taking plans (the current one first), from the administered campaigns at run time.
  const listing = await campaigns();
  const years = ordered(listing).filter((c) => openPhases(c).length || c.year === start?.campaign);
  if (!years.length) {
    say(document.getElementById("gate"), "目前没有接受评价计划的评聘年度，请留意省人力资源社会保障厅的通知。", "error");
    return;
  }
  const yearSelect = document.getElementById("campaign");
  yearSelect.append(...options(years.map((c) => [c.year, c.name])));
  yearSelect.value = years.some((c) => c.year === start?.campaign) ? start.campaign : years[0].year;
  const review = document.getElementById("review-date");
  const showPhases = () => {
    const campaign = years.find((c) => c.year === yearSelect.value);
    const open = new Set(openPhases(campaign).map((p) => p.phase));
    document.getElementById("phases").replaceChildren(
      ...campaign.phases.map((p) => {
        const label = `第 ${p.phase} 期（${p.start} 至 ${p.end}${open.has(p.phase) ? "" : "，已截止"}）`;
        const item = choice("radio", "phase", String(p.phase), label, start ? start.phase === p.phase : false);
        if (!open.has(p.phase)) item.querySelector("input").disabled = true;
        return item;
      }),
    );
    review.removeAttribute("min");
    review.removeAttribute("max");
  };
  showPhases();
  yearSelect.addEventListener("change", showPhases);
  form.addEventListener("change", (e) => {
    if (e.target.name !== "phase") return;
    const campaign = years.find((c) => c.year === yearSelect.value);
    const p = campaign.phases.find((x) => String(x.phase) === e.target.value);
    review.min = p.start > listing.today ? p.start : listing.today;
    review.max = p.end;
  });
  const showFiling = async () => {
    if (!select.value) return;
    const filing = flatten(await api("GET", `/filings/${encodeURIComponent(select.value)}`));
    const levels = document.getElementById("plan-levels");
    const occs = document.getElementById("plan-occupations");
    if (!filing) return;
    levels.replaceChildren(...(filing.levels || []).map((l) => choice("radio", "level", l, `${v.levels[l]}（${l} 级）`, start?.level === l)));
    occs.replaceChildren(
      ...(filing.occupations || []).map((o) => choice("checkbox", "occupations", o.code, o.name ? `${o.name}（${o.code}）` : o.code, start?.occupations?.includes(o.code))),
    );
  };
  select.addEventListener("change", showFiling);
  document.getElementById("plan-document").append(
    uploadField({ label: "企业评聘工作方案", path: "plan_document", purpose: "plan_document", key: start?.plan_document }),
  );
  const mode = document.getElementById("mode");
  if (start) {
    select.value = start.filing_id || "";
    await showFiling();
    document.getElementById("planned-count").value = start.planned_count ?? "";
    review.value = start.review_date ?? "";
    document.getElementById("method").value = start.method ?? "";
  }
  if (existing) mode.textContent = `正在修改评价计划 ${existing.id}（第 ${existing.version} 版），修改后重新提交。`;
  if (draft) mode.textContent = `${mode.textContent || ""}已恢复上次未提交的草稿，可继续填写。`;
  mode.hidden = !mode.textContent;
  if (start) {
    /* filled above */
  } else if (usable.length === 1) {
    select.value = usable[0].id;
    await showFiling();
  }
  form.hidden = false;
  const title = () => {
    const phase = form.querySelector("[name=phase]:checked")?.value;
    const level = form.querySelector("[name=level]:checked")?.value;
    return ["评价计划", phase ? `第 ${phase} 期` : "", level ? v.levels[level] : ""].filter(Boolean).join(" ");
  };
  const saver = autosave({ form, kind: "plan", draftId: draft?.id, recordId: existing?.id || null, title });
  const reviewStep = async (body) => {
    const names = await occupationNames(body.occupations || []);
    return [
      summaryList([
        ["备案", select.selectedOptions[0]?.textContent || body.filing_id],
        ["评聘年度与期次", `${body.campaign || ""} 年 第 ${body.phase ?? "？"} 期`],
        ["评价级别", v.levels[body.level] || body.level],
        ["评价职业（工种）", (body.occupations || []).map((c) => occupationLabel(names, c)).join("、")],
        ["计划评价人数", body.planned_count != null ? `${body.planned_count} 人` : null],
        ["评审日期", body.review_date],
        ["评审方式", body.method],
        ["企业评聘工作方案", body.plan_document ? "已上传" : "（未上传）"],
      ]),
    ];
  };
  wireSubmit({ form, kind: "plans", build: () => collect(form), existing, done: document.getElementById("done"), review: reviewStep, saver });
}

main();
