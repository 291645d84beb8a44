// Debarments: POST /api/debarments (admin) and GET /api/debarments.

import { api, listAll } from "./api.js";
import { STAFF, requireRole } from "./auth.js";
import { clearErrors, collect, h, say, showErrors, today } from "./forms.js";
import { table } from "./record-view.js";

const list = document.getElementById("list");
const SUBJECTS = { person: "个人", enterprise: "企业" };

async function load() {
  try {
    const items = await listAll("/debarments");
    list.replaceChildren(
      items.length
        ? table("失信名单", ["对象", "身份证号码或信用代码", "原因", "决定日期", "有效期至"], items.map((d) => [SUBJECTS[d.subject_type] || d.subject_type, d.subject_id, d.reason, d.decided_on, d.until]))
        : h("p", { text: "名单为空。" }),
    );
  } catch (error) {
    say(list, error.message, "error");
  }
}

async function main() {
  const me = requireRole(STAFF, document.getElementById("gate"), "console/");
  if (!me) return;
  load();
  if (me.role !== "admin") return;
  const form = document.getElementById("debarment");
  document.getElementById("decided-on").value = today();
  form.hidden = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const answer = await api("POST", "/debarments", { body: collect(form) });
      const saved = document.getElementById("saved");
      say(saved, `已登记，有效期至 ${answer?.until || "（见名单）"}。`, "ok");
      saved.focus();
      form.reset();
      document.getElementById("decided-on").value = today();
      load();
    } catch (error) {
      showErrors(form, error);
    }
  });
}

main();
