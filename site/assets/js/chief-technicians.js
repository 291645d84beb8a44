// The published chief-technician list: GET /api/public/chief-technicians (no ID numbers, ever).

import { listAll, vocab } from "./api.js";
import { h, say } from "./forms.js";
import { table } from "./record-view.js";

const root = document.getElementById("chief-list");

async function main() {
  try {
    const v = await vocab();
    const cityName = (code) => v.cities.find((c) => c.code === code)?.name || code || "—";
    const items = await listAll("/public/chief-technicians?limit=100");
    root.replaceChildren(
      items.length
        ? table(`首席技师名单（共 ${items.length} 人）`, ["姓名", "企业", "职业", "地市"], items.map((p) => [p.name, p.enterprise, p.occupation_name || p.occupation, cityName(p.city)]))
        : h("p", { text: "名单尚未公布。" }),
    );
  } catch (error) {
    say(root, error.status === 404 ? "名单尚未公布。" : `名单暂时无法加载：${error.message}`, error.status === 404 ? "info" : "error");
  }
}

main();
