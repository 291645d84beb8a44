// The self-check: a person's level, credentials, work and honours → POST /api/eligibility/check → per path,
// met or not and why, and the date they become eligible.

import { api, vocab } from "./api.js";
import { clearErrors, collect, h, showErrors, today } from "./forms.js";
import { personSections } from "./person.js";

const form = document.getElementById("selfcheck");
const result = document.getElementById("result");
const resultBody = document.getElementById("result-body");

function levelChoices(levels) {
  const box = document.getElementById("level-choices");
  Object.entries(levels).forEach(([code, name], i) => {
    const id = `level-${code}`;
    box.append(
      h(
        "div",
        { class: "choice" },
        h("input", { type: "radio", name: "level", id, value: code, checked: i === 0, dataset: { path: "level" } }),
        h("label", { for: id, text: `${name}（${code} 级）` }),
      ),
    );
  });
}

const dateText = (iso) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
};

function pathCard(path) {
  return h(
    "li",
    { class: `path ${path.met ? "path--met" : "path--unmet"}` },
    h(
      "h4",
      {},
      h("span", { class: "path-id", text: path.id }),
      ` ${path.title} `,
      h("span", { class: "badge", text: path.met ? "✓ 满足" : "✗ 不满足" }),
    ),
    h("p", { text: path.detail }),
    path.met_on ? h("p", { class: "met-on", text: `预计 ${dateText(path.met_on)}满足` }) : null,
  );
}

function render(verdict, levels) {
  const name = levels[verdict.level];
  let headline;
  if (verdict.eligible) {
    headline = `符合${name}参评基本条件（依据：${verdict.basis.join("、")}）`;
  } else if (verdict.eligible_on) {
    headline = `暂不符合${name}参评基本条件，预计 ${dateText(verdict.eligible_on)}起符合`;
  } else {
    headline = `暂不符合${name}参评基本条件`;
  }
  // replaceChildren writes a null as the text "null": a T verdict has no prerequisites, so drop the empty parts.
  const parts = [
    h(
      "div",
      { class: `verdict ${verdict.eligible ? "verdict--yes" : "verdict--no"}`, id: "verdict" },
      h("p", { class: "verdict-headline", text: headline }),
      h("p", { text: `评价日期：${dateText(verdict.as_of)}` }),
      verdict.needs_review
        ? h("p", { text: "您所依据的荣誉不在通知明确列举的范围内（或属“其他技能类人才荣誉”），需由审核人员人工核实，详见下方说明。" })
        : null,
    ),
    verdict.prerequisites.length ? h("h3", { text: "前提条件" }) : null,
    verdict.prerequisites.length ? h("ul", { class: "paths" }, ...verdict.prerequisites.map(pathCard)) : null,
    h("h3", { text: "各项条件" }),
    h("ul", { class: "paths" }, ...verdict.paths.map(pathCard)),
  ];
  resultBody.replaceChildren(...parts.filter(Boolean));
  result.hidden = false;
  result.focus();
}

async function main() {
  const v = await vocab();
  levelChoices(v.levels);
  document.getElementById("as-of").value = today();
  const sections = personSections(v, "", { credentials: [{}], work_periods: [{}] });
  document.getElementById("credentials").append(sections.credentials);
  document.getElementById("work").append(sections.work);
  document.getElementById("honours").append(sections.honours);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector("[type=submit]");
    button.disabled = true;
    try {
      render(await api("POST", "/eligibility/check", { body: collect(form) }), v.levels);
    } catch (error) {
      result.hidden = true;
      showErrors(form, error);
    } finally {
      button.disabled = false;
    }
  });
}

main();
