// The S shortlist's public notices: GET /api/public/notices (running and past; no ID numbers).

import { listAll } from "./api.js";
import { h, say } from "./forms.js";
import { table } from "./record-view.js";

const root = document.getElementById("notice-list");
const STATE = { running: "公示中", ended: "已结束", upcoming: "即将开始" };

async function main() {
  try {
    const notices = await listAll("/public/notices", 5);
    if (!notices.length) {
      root.replaceChildren(h("p", { text: "目前没有公示。" }));
      return;
    }
    root.replaceChildren(
      ...notices.map((n) =>
        h(
          "section",
          { "aria-label": `${n.campaign} 年度公示 ${n.start} 至 ${n.end}` },
          h("h2", { text: `${n.campaign} 年度首席技师入选名单（${STATE[n.state] || n.state}）` }),
          h("p", { text: `公示时间：${n.start} 至 ${n.end}，共 ${n.count} 人` }),
          table(
            `${n.start} 至 ${n.end} 公示名单`,
            ["姓名", "企业", "职业（工种）", "地市"],
            n.people.map((p) => [p.name, p.enterprise, p.occupation, p.city]),
          ),
        ),
      ),
    );
  } catch (error) {
    say(root, `公示暂时无法加载：${error.message}`, "error");
  }
}

main();
