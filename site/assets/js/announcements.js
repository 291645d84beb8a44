// Announced batches: GET /api/public/announcements?campaign= (newest batch first), people page by page.

import { api, listAll } from "./api.js";
import { campaigns } from "./campaigns.js";
import { h, say } from "./forms.js";
import { table } from "./record-view.js";

const root = document.getElementById("announcement-list");
const select = document.getElementById("announcement-campaign");

async function show(campaign) {
  try {
    const { items } = await api("GET", `/public/announcements?campaign=${encodeURIComponent(campaign)}`);
    if (!items.length) {
      root.replaceChildren(h("p", { text: `${campaign} 年度名单尚未公布。` }));
      return;
    }
    const sections = [];
    for (const batch of items) {
      const people = await listAll(`/public/announcements/${campaign}/${batch.batch}?limit=100`, 50);
      sections.push(
        h(
          "section",
          { "aria-label": `${campaign} 年度${batch.batch_name}` },
          h("h2", { text: `${campaign} 年度${batch.batch_name}（${batch.announced_on} 公布）` }),
          table(`${batch.batch_name}已开展评聘工作的企业`, ["企业", "地市", "级别", "人数"],
            batch.enterprises.map((e) => [e.name, e.city, e.levels.join("、"), String(e.count)])),
          table(`${batch.batch_name}获证人员（共 ${batch.people_count} 人）`, ["姓名", "企业", "职业（工种）", "级别", "地市"],
            people.map((p) => [p.name, p.enterprise, p.occupation, p.level, p.city])),
        ),
      );
    }
    root.replaceChildren(...sections);
  } catch (error) {
    say(root, `名单暂时无法加载：${error.message}`, "error");
  }
}

async function main() {
  let years = [];
  try {
    years = ((await campaigns()).items || []).map((c) => c.year); // administered years too, newest first
  } catch {
    years = [];
  }
  if (!years.length) years = [String(new Date().getFullYear())];
  select.replaceChildren(...years.map((y) => h("option", { value: y, text: `${y} 年度` })));
  select.addEventListener("change", () => show(select.value));
  show(select.value);
}

main();
