// Exports: GET /api/exports/{name}?format=&city=&level= with the token, saved as a file download.

import { download, vocab } from "./api.js";
import { STAFF, requireRole } from "./auth.js";
import { clearErrors, collect, options, showErrors } from "./forms.js";

async function main() {
  const me = requireRole(STAFF, document.getElementById("gate"), "console/");
  if (!me) return;
  const v = await vocab();
  const form = document.getElementById("export");
  const city = document.getElementById("export-city");
  city.append(...options(v.cities.map((c) => [c.code, c.name]), { blank: "全省" }));
  if (me.role === "city_reviewer") {
    city.value = me.city;
    city.disabled = true;
  }
  form.hidden = false;
  const status = document.getElementById("export-status");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const { name, ...filters } = collect(form);
    if (me.role === "city_reviewer") filters.city = me.city;
    const query = new URLSearchParams(filters);
    status.textContent = "正在生成文件……";
    try {
      const file = await download(`/exports/${name}?${query}`, `${name}.${filters.format}`, (job) => {
        const total = job.estimate ? ` / 约 ${job.estimate} 行` : "";
        status.textContent = `数据较多，正在后台生成：已写入 ${job.rows || 0} 行${total}……`;
      });
      status.textContent = `已下载 ${file.name}（${Math.ceil(file.size / 1024)} KB${file.rows !== undefined ? `，${file.rows} 行` : ""}）`;
    } catch (error) {
      status.textContent = "";
      showErrors(form, error);
    }
  });
}

main();
