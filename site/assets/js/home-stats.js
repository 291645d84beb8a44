// The home page's two public numbers (GET /api/public/stats): enterprises running the programme this campaign,
// and people certified so far. Numbers only; the space is reserved in the page, so nothing moves when they arrive.

import { api } from "./api.js";

async function main() {
  const box = document.getElementById("home-stats");
  const note = document.getElementById("home-stats-note");
  try {
    const stats = await api("GET", "/public/stats");
    for (const el of box.querySelectorAll("[data-stat]")) el.textContent = String(stats[el.dataset.stat]);
    note.textContent = `${stats.name}：数据来自本系统的实时统计，只公布数量，不公布个人信息。`;
  } catch {
    note.textContent = "暂时无法读取统计数据。";
  }
}

main();
