// 评聘年度 at run time (GET /api/campaigns): the current year first, the rest as history. Every page that shows
// a timetable or offers a year reads it here, so a year an administrator opens shows without a rebuild.

import { api } from "./api.js";
import { h } from "./forms.js";

let listing = null;

/** `{today, current, items: [...]}`, newest first; fetched once per page. */
export function campaigns() {
  listing ??= api("GET", "/campaigns");
  return listing;
}

const zhDate = (iso) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

/** The campaigns in the order pages show them: the current one first, then the others newest first. */
export function ordered(answer) {
  const items = answer?.items || [];
  return [...items.filter((c) => c.year === answer.current), ...items.filter((c) => c.year !== answer.current)];
}

/** Phases still taking plans and reports in a campaign that accepts them. */
export const openPhases = (campaign) => (campaign.accepting_submissions ? campaign.phases.filter((p) => !p.deadline_passed) : []);

export function phaseTable(campaign) {
  const row = (p) =>
    h(
      "tr",
      {},
      h("td", { text: `第${p.phase}期` }),
      h("td", { text: zhDate(p.start) }),
      h("td", { text: zhDate(p.end) }),
      h("td", { text: p.note || "" }),
    );
  return h(
    "table",
    { class: "campaign-phases" },
    h("thead", {}, h("tr", {}, ...["期次", "开始", "完成（截止）", "说明"].map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, ...campaign.phases.map(row)),
  );
}

function status(campaign, answer) {
  if (!campaign.accepting_submissions) return "已关闭";
  if (campaign.year === answer.current) return "当前年度";
  return openPhases(campaign).length ? "未开始或进行中" : "已结束";
}

/** Replace a build-time timetable (shipped history) with the live one. */
export function renderTimetable(el, answer) {
  const blocks = ordered(answer).map((c, i) =>
    h(
      "section",
      { class: "campaign", dataset: { year: c.year } },
      h(i === 0 ? "h3" : "h4", { text: `${c.name}（${status(c, answer)}）` }),
      phaseTable(c),
    ),
  );
  if (!blocks.length) blocks.push(h("p", { text: "各期时间待公布。" }));
  el.replaceChildren(...blocks);
  el.dataset.live = "true";
}

export async function renderTimetables() {
  const targets = [...document.querySelectorAll("[data-campaign-timetable]")];
  if (!targets.length) return;
  try {
    const answer = await campaigns();
    targets.forEach((el) => renderTimetable(el, answer));
  } catch {
    // the build-time history stays on the page
  }
}

renderTimetables();
