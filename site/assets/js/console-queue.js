// Staff sign-in and the work lists: GET /api/review/queue (awaiting my desk), /api/review/records (everything I
// may read; the province: the whole province), /api/review/done (what I decided), /api/review/counts; filters for
// kind, level, city (province), phase, status and a search; each list pages on with "下一页".

import { api, siteUrl, vocab } from "./api.js";
import { STAFF, mountSignIn } from "./auth.js";
import { h, options, say } from "./forms.js";
import { DECISIONS, KINDS, cityName, statusBadge, table, when } from "./record-view.js";

const queue = document.getElementById("queue");
const PLURAL = { filing: "filings", plan: "plans", report: "reports" };
const AWAITING = ["submitted", "city_review", "province_review"];
const value = (id) => document.getElementById(id).value;
const view = () => document.querySelector("[name=view]:checked")?.value || "queue";

function recordLink(kind, id) {
  return h("a", { href: siteUrl(`console/record/?kind=${kind}&id=${encodeURIComponent(id)}`), text: id });
}

function recordRow(item, kind, v) {
  return [
    recordLink(kind, item.id),
    item.enterprise_name || "—",
    cityName(v, item.city) || "—",
    item.level ? v.levels[item.level] || item.level : "—",
    item.phase ? `${item.campaign || ""} 第 ${item.phase} 期` : "—",
    statusBadge(item.status, v),
    item.can_decide ? "待我审核" : "只读",
    when(item.submitted_at || item.created_at),
  ];
}

function doneRow(item, v) {
  const kind = PLURAL[item.kind] || item.kind;
  return [
    recordLink(kind, item.id),
    KINDS[kind] || kind,
    item.enterprise_name || "—",
    DECISIONS[item.decision] || item.decision,
    statusBadge(item.status, v),
    when(item.at),
  ];
}

const RECORD_HEADERS = ["编号", "企业", "地市", "级别", "年度期次", "状态", "办理", "提交时间"];
const DONE_HEADERS = ["编号", "类型", "企业", "审核决定", "决定后状态", "决定时间"];

function query(kind, next) {
  const params = { limit: "20" };
  if (kind) params.kind = kind;
  for (const [key, id] of [["level", "queue-level"], ["city", "queue-city"], ["phase", "queue-phase"], ["status", "queue-status"], ["q", "queue-q"]]) {
    const given = value(id).trim();
    if (given && view() !== "done") params[key] = given;
  }
  if (next) params.next = next;
  return new URLSearchParams(params);
}

/** One list (a kind, or 已办) with its own "下一页": pages are never empty while more follow (the API reads on). */
async function listBlock(title, path, kind, v) {
  const block = h("section", { "aria-label": title }, h("h3", { text: title }));
  const body = h("div");
  const more = h("button", { type: "button", class: "md-button", text: "下一页", hidden: true });
  block.append(body, more);
  let next = null;
  let shown = 0;
  const load = async () => {
    const answer = await api("GET", `${path}?${query(kind, next)}`);
    const rows = (answer.items || []).map((item) => (view() === "done" ? doneRow(item, v) : recordRow(item, kind, v)));
    shown += rows.length;
    next = answer.next || null;
    body.replaceChildren(
      rows.length ? table(title, view() === "done" ? DONE_HEADERS : RECORD_HEADERS, rows) : h("p", { text: shown ? "没有更多记录。" : "没有符合条件的记录。" }),
    );
    more.hidden = !next;
  };
  more.addEventListener("click", () => load().catch((error) => say(body, error.message, "error")));
  await load();
  return block;
}

async function counts() {
  const list = document.getElementById("queue-counts");
  try {
    const answer = await api("GET", "/review/counts");
    list.replaceChildren(...Object.entries(KINDS).map(([kind, name]) => h("li", { text: `${name} ${answer[kind] ?? 0} 件` })));
  } catch (error) {
    say(list, error.message, "error");
  }
}

async function load(v) {
  const kind = value("queue-kind");
  const kinds = kind ? [kind] : Object.keys(KINDS);
  try {
    const blocks = [];
    if (view() === "done") {
      blocks.push(await listBlock("已办（我作出的审核决定，最新在前）", "/review/done", kind, v));
    } else {
      const path = view() === "queue" ? "/review/queue" : "/review/records";
      for (const k of kinds) blocks.push(await listBlock(`${KINDS[k]}${view() === "queue" ? "（待我审核）" : "（全部）"}`, path, k, v));
    }
    queue.replaceChildren(...blocks);
  } catch (error) {
    say(queue, error.message, "error");
  }
  counts();
}

function fillFilters(v, role, campaigns) {
  document.getElementById("queue-level").append(...options(Object.entries(v.levels)));
  const phases = Math.max(1, ...campaigns.map((c) => c.phases.length));
  document.getElementById("queue-phase").append(...options(Array.from({ length: phases }, (_, i) => [String(i + 1), `第 ${i + 1} 期`])));
  const statuses = Object.entries(v.statuses);
  document.getElementById("queue-status").append(...options(statuses));
  const province = role === "province_reviewer" || role === "admin";
  document.getElementById("queue-city-field").hidden = !province;
  if (province) document.getElementById("queue-city").append(...options(v.cities.map((c) => [c.code, c.name])));
  // In the queue only the awaiting statuses make sense; the other views offer them all.
  const sync = () => {
    for (const option of document.getElementById("queue-status").options) option.hidden = view() === "queue" && option.value && !AWAITING.includes(option.value);
  };
  document.getElementById("queue-filter").addEventListener("change", sync);
  sync();
}

let filled = false;

async function main() {
  const v = await vocab();
  // The phase filter offers as many phases as the longest administered year has.
  const campaigns = (await api("GET", "/campaigns").catch(() => null))?.items || [];
  const place = document.getElementById("signin");
  document.getElementById("queue-filter").addEventListener("submit", (e) => {
    e.preventDefault();
    load(v);
  });
  mountSignIn({
    roles: STAFF,
    onSignedIn: (current) => {
      place.hidden = true;
      document.getElementById("queue-section").hidden = false;
      if (!filled) fillFilters(v, current.role, campaigns);
      filled = true;
      load(v);
    },
  });
}

main();
