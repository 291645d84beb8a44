// Debarments (§七(四)): record a finding (POST /api/debarments, staff; a city within its own city), search the
// list by name, ID number or USCC (GET /api/debarments?q=), lift with a reason (admin and province).

import { api, listAll } from "./api.js";
import { STAFF, requireRole } from "./auth.js";
import { clearErrors, collect, h, say, showErrors, today } from "./forms.js";
import { table } from "./record-view.js";

const list = document.getElementById("list");
const SUBJECTS = { person: "个人", enterprise: "企业" };
let me = null;

function liftButton(d) {
  if (!d.active || !["admin", "province_reviewer"].includes(me.role)) return d.lifted_on ? `已于 ${d.lifted_on} 解除：${d.lift_reason || ""}` : "—";
  const button = h("button", { type: "button", class: "md-button", text: "解除" });
  button.addEventListener("click", async () => {
    const reason = window.prompt(`解除对 ${d.subject_name || d.subject_id} 的处理，请填写原因：`);
    if (!reason) return;
    try {
      await api("POST", `/debarments/${encodeURIComponent(d.id)}/lift`, { body: { reason } });
      load(document.getElementById("q").value);
    } catch (error) {
      say(list, error.message, "error");
    }
  });
  return button;
}

async function load(q = "") {
  try {
    const path = q.trim() ? `/debarments?q=${encodeURIComponent(q.trim())}` : "/debarments";
    const items = await listAll(path);
    list.replaceChildren(
      items.length
        ? table(
            "失信名单",
            ["对象", "姓名或企业名称", "身份证号码或信用代码", "原因", "决定日期", "有效期至", "取消结果年度", "状态"],
            items.map((d) => [SUBJECTS[d.subject_type] || d.subject_type, d.subject_name || "—", d.subject_id, d.reason, d.decided_on, d.until, d.campaign || "—", liftButton(d)]),
          )
        : h("p", { text: q ? "没有找到。" : "名单为空。" }),
    );
  } catch (error) {
    say(list, error.message, "error");
  }
}

async function main() {
  me = requireRole(STAFF, document.getElementById("gate"), "console/");
  if (!me) return;
  load();
  document.getElementById("search").addEventListener("submit", (event) => {
    event.preventDefault();
    load(document.getElementById("q").value);
  });
  const form = document.getElementById("debarment");
  document.getElementById("decided-on").value = today();
  form.hidden = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const answer = await api("POST", "/debarments", { body: collect(form) });
      const saved = document.getElementById("saved");
      const cancelled = answer?.cancelled?.certificates || 0;
      say(saved, `已登记，有效期至 ${answer?.until || "（见名单）"}；撤销 ${answer?.campaign || ""} 年度证书 ${cancelled} 张。`, "ok");
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
