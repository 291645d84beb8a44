// 评价计划: POST /api/plans for an approved filing, or PUT a returned plan (?id=).

import { api, flatten, listAll, vocab } from "./api.js";
import { requireRole } from "./auth.js";
import { collect, h, options, say } from "./forms.js";
import { recordToResubmit, wireSubmit } from "./submit.js";
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
  const filings = await listAll("/filings");
  const usable = filings.filter((f) => f.status === "approved" || f.id === existing?.filing_id);
  const select = document.getElementById("filing-id");
  if (!usable.length) {
    say(document.getElementById("gate"), "还没有已通过的备案：请先提交企业备案，待审核通过后再提交评价计划。", "error");
    return;
  }
  select.append(...options(usable.map((f) => [f.id, `${f.id} · ${f.enterprise_name || ""} · ${(f.levels || []).join("/")} 级`]), { blank: "请选择备案" }));
  const phases = v.campaigns["2024"].phases;
  const review = document.getElementById("review-date");
  document.getElementById("phases").append(
    ...phases.map((p) => choice("radio", "phase", String(p.phase), `第 ${p.phase} 期（${p.start} 至 ${p.end}）`, existing ? existing.phase === p.phase : false)),
  );
  form.addEventListener("change", (e) => {
    if (e.target.name !== "phase") return;
    const p = phases.find((x) => String(x.phase) === e.target.value);
    review.min = p.start;
    review.max = p.end;
  });
  const showFiling = async () => {
    if (!select.value) return;
    const filing = flatten(await api("GET", `/filings/${encodeURIComponent(select.value)}`));
    const levels = document.getElementById("plan-levels");
    const occs = document.getElementById("plan-occupations");
    if (!filing) return;
    levels.replaceChildren(...(filing.levels || []).map((l) => choice("radio", "level", l, `${v.levels[l]}（${l} 级）`, existing?.level === l)));
    occs.replaceChildren(
      ...(filing.occupations || []).map((o) => choice("checkbox", "occupations", o.code, `${o.code} ${o.name || ""}`, existing?.occupations?.includes(o.code))),
    );
  };
  select.addEventListener("change", showFiling);
  document.getElementById("plan-document").append(
    uploadField({ label: "企业评聘工作方案", path: "plan_document", purpose: "plan_document", key: existing?.plan_document }),
  );
  if (existing) {
    select.value = existing.filing_id;
    await showFiling();
    document.getElementById("planned-count").value = existing.planned_count ?? "";
    review.value = existing.review_date ?? "";
    document.getElementById("method").value = existing.method ?? "";
    const mode = document.getElementById("mode");
    mode.textContent = `正在修改评价计划 ${existing.id}（第 ${existing.version} 版），修改后重新提交。`;
    mode.hidden = false;
  } else if (usable.length === 1) {
    select.value = usable[0].id;
    await showFiling();
  }
  form.hidden = false;
  wireSubmit({ form, kind: "plans", build: () => collect(form), existing, done: document.getElementById("done") });
}

main();
