// Staff sign-in and the queue: GET /api/review/queue?kind=&level= → what awaits this reviewer's decision.

import { listAll, siteUrl, vocab } from "./api.js";
import { STAFF, mountSignIn } from "./auth.js";
import { h, say } from "./forms.js";
import { KINDS, statusBadge, table, when } from "./record-view.js";

const queue = document.getElementById("queue");

const PLURAL = { filing: "filings", plan: "plans", report: "reports" };
const kindOf = (item, asked) => PLURAL[item.kind] || item.kind || asked;

function summary(item, v) {
  return item.enterprise?.name || item.enterprise_name || item.summary || (item.level ? v.levels[item.level] : "") || "—";
}

async function load(v) {
  const kind = document.getElementById("queue-kind").value;
  const level = document.getElementById("queue-level").value;
  const kinds = kind ? [kind] : Object.keys(KINDS);
  try {
    const rows = [];
    for (const k of kinds) {
      const query = new URLSearchParams({ kind: k, ...(level ? { level } : {}) });
      for (const item of await listAll(`/review/queue?${query}`)) {
        const itemKind = kindOf(item, k);
        rows.push([
          h("a", { href: siteUrl(`console/record/?kind=${itemKind}&id=${encodeURIComponent(item.id)}`), text: item.id }),
          KINDS[itemKind],
          summary(item, v),
          statusBadge(item.status, v),
          when(item.updated_at || item.created_at),
        ]);
      }
    }
    queue.replaceChildren(rows.length ? table("待审记录", ["编号", "类型", "企业或级别", "状态", "提交时间"], rows) : h("p", { text: "没有待审记录。" }));
  } catch (error) {
    say(queue, error.message, "error");
  }
}

async function main() {
  const v = await vocab();
  const place = document.getElementById("signin");
  document.getElementById("queue-filter").addEventListener("submit", (e) => {
    e.preventDefault();
    load(v);
  });
  mountSignIn({
    roles: STAFF,
    onSignedIn: () => {
      place.hidden = true;
      document.getElementById("queue-section").hidden = false;
      load(v);
    },
  });
}

main();
