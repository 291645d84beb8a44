// 申请账号: an enterprise without an account asks its city for one (POST /api/public/account-requests).

import { api, vocab } from "./api.js";
import { clearErrors, collect, options, showErrors } from "./forms.js";

const form = document.getElementById("account-request");
const asked = document.getElementById("asked");

async function main() {
  const v = await vocab();
  document.getElementById("ar-city").append(...options(v.cities.map((c) => [c.code, `${c.name}（${c.code}）`]), { blank: "请选择" }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const answer = await api("POST", "/public/account-requests", { body: collect(form) });
      form.hidden = true;
      asked.textContent = `申请已提交（编号 ${answer.id}），请等待所在地市审核。审核通过后，邀请邮件将发往联系人邮箱。`;
      asked.className = "notice notice--success";
      asked.hidden = false;
      asked.focus();
    } catch (error) {
      showErrors(form, error);
    }
  });
}

main();
