// 企业备案: POST /api/filings, or PUT a returned filing (?id=).

import { session, vocab } from "./api.js";
import { requireRole } from "./auth.js";
import { collect, h, options, say } from "./forms.js";
import { occupationPicker } from "./occupations.js";
import { draftToResume, autosave } from "./drafts.js";
import { cityName } from "./names.js";
import { recordToResubmit, summaryList, wireSubmit } from "./submit.js";

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
  const draft = await draftToResume("filing");
  const start = draft?.body || existing;
  document.getElementById("ent-uscc").value = me.uscc;
  document.getElementById("ent-city").append(...options(v.cities.map((c) => [c.code, c.name]), { blank: "请选择地市" }));
  const categoryNames = Object.entries(v.enterprise_categories).map(([code, name]) => [
    code,
    `${name}（可评${v.category_levels[code].map((l) => v.levels[l]).join("、")}）`,
  ]);
  checkboxes(document.getElementById("categories"), "enterprise.categories", categoryNames, start?.enterprise?.categories || []);
  checkboxes(
    document.getElementById("levels"),
    "levels",
    Object.entries(v.levels).map(([code, name]) => [code, `${name}（${code} 级）`]),
    start?.levels || [],
  );
  document.getElementById("occupations").append(occupationPicker({ path: "occupations", initial: start?.occupations || [] }));
  if (start) fill(start);
  if (existing) {
    const mode = document.getElementById("mode");
    mode.textContent = `正在修改备案 ${existing.id}（第 ${existing.version} 版），修改后重新提交。`;
    mode.hidden = false;
  }
  form.hidden = false;
  if (draft) say(document.getElementById("mode"), "已恢复上次未提交的草稿，可继续填写。");
  const title = () => document.getElementById("ent-name").value || "企业备案";
  const saver = autosave({ form, kind: "filing", draftId: draft?.id, recordId: existing?.id || null, title });
  const review = async (body) => [
    summaryList([
      ["企业名称", body.enterprise?.name],
      ["统一社会信用代码", body.enterprise?.uscc],
      ["所在地市", cityName(v, body.enterprise?.city)],
      ["地址", body.enterprise?.address],
      ["企业类别", (body.enterprise?.categories || []).map((c) => v.enterprise_categories[c] || c).join("、")],
      ["联系人", [body.contact?.name, body.contact?.phone, body.contact?.email].filter(Boolean).join("，")],
      ["申请级别", (body.levels || []).map((l) => v.levels[l] || l).join("、")],
      ["职业（工种）范围", (body.occupations || []).map((o) => `${o.name || ""}（${o.code}）`).join("、")],
    ]),
  ];
  wireSubmit({ form, kind: "filings", build: () => collect(form), existing, done: document.getElementById("done"), review, saver });
}

main();
