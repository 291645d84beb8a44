// 企业备案: POST /api/filings, or PUT a returned filing (?id=).

import { session, vocab } from "./api.js";
import { requireRole } from "./auth.js";
import { collect, h, options } from "./forms.js";
import { occupationPicker } from "./occupations.js";
import { recordToResubmit, wireSubmit } from "./submit.js";

const form = document.getElementById("filing");

function checkboxes(box, path, entries, checked = []) {
  for (const [value, label] of entries) {
    const id = `${path.replace(/\W/g, "-")}-${value}`;
    box.append(
      h("div", { class: "choice" }, h("input", { type: "checkbox", id, value, checked: checked.includes(value), dataset: { path: `${path}[]` } }), h("label", { for: id, text: label })),
    );
  }
}

function fill(record) {
  const set = (id, value) => {
    if (value !== undefined && value !== null) document.getElementById(id).value = value;
  };
  set("ent-name", record.enterprise?.name);
  set("ent-city", record.enterprise?.city);
  set("ent-address", record.enterprise?.address);
  set("contact-name", record.contact?.name);
  set("contact-phone", record.contact?.phone);
  set("contact-email", record.contact?.email);
}

async function main() {
  const me = requireRole(["enterprise"], document.getElementById("gate"), "enterprise/");
  if (!me) return;
  const v = await vocab();
  const existing = await recordToResubmit("filings").catch(() => null);
  document.getElementById("ent-uscc").value = me.uscc;
  document.getElementById("ent-city").append(...options(v.cities.map((c) => [c.code, c.name]), { blank: "请选择地市" }));
  const categoryNames = Object.entries(v.enterprise_categories).map(([code, name]) => [
    code,
    `${name}（可评${v.category_levels[code].map((l) => v.levels[l]).join("、")}）`,
  ]);
  checkboxes(document.getElementById("categories"), "enterprise.categories", categoryNames, existing?.enterprise?.categories || []);
  checkboxes(
    document.getElementById("levels"),
    "levels",
    Object.entries(v.levels).map(([code, name]) => [code, `${name}（${code} 级）`]),
    existing?.levels || [],
  );
  document.getElementById("occupations").append(occupationPicker({ path: "occupations", initial: existing?.occupations || [] }));
  if (existing) {
    fill(existing);
    const mode = document.getElementById("mode");
    mode.textContent = `正在修改备案 ${existing.id}（第 ${existing.version} 版），修改后重新提交。`;
    mode.hidden = false;
  }
  form.hidden = false;
  wireSubmit({ form, kind: "filings", build: () => collect(form), existing, done: document.getElementById("done") });
}

main();
