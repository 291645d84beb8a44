// The public certificate check: GET /api/public/certificates/verify?number=&name= (prefilled from the QR link).

import { api } from "./api.js";
import { h, say } from "./forms.js";

const form = document.getElementById("verify-form");
const result = document.getElementById("verify-result");
const number = document.getElementById("verify-number");
const name = document.getElementById("verify-name");

const STATUS = {
  valid: ["有效", "success"],
  pending: ["已通过评审，待全国系统确认，暂未生效", "warning"],
  revoked: ["已撤销", "error"],
};

function show(answer) {
  if (!answer.found) {
    say(result, "未查到该证书：请核对证书编号和姓名。", "warning");
    return;
  }
  const [label, kind] = STATUS[answer.status] || [answer.status_name || answer.status, "info"];
  const rows = [
    ["证书状态", label],
    ["证书编号", answer.number],
    ["姓名", answer.name],
    ["职业技能等级", answer.level],
    ["职业（工种）", answer.occupation],
    ["评价机构", answer.enterprise],
    ["评聘年度", answer.campaign],
    ["发证日期", answer.issued_on || "—"],
  ];
  result.className = `notice notice--${kind}`;
  result.hidden = false;
  result.replaceChildren(
    h("h2", { text: `查验结果：${label}` }),
    h("dl", {}, ...rows.flatMap(([k, v]) => [h("dt", { text: k }), h("dd", { text: v ?? "—" })])),
  );
}

async function check() {
  const query = new URLSearchParams({ number: number.value.trim(), name: name.value.trim() });
  if (!query.get("number") || !query.get("name")) {
    say(result, "请填写证书编号和持证人姓名。", "error");
    return;
  }
  try {
    show(await api("GET", `/public/certificates/verify?${query}`));
  } catch (error) {
    say(result, error.status === 429 ? "查询过于频繁，请稍后再试。" : `暂时无法查验：${error.message}`, "error");
  }
  result.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  check();
});

const params = new URLSearchParams(window.location.search);
number.value = params.get("number") || "";
name.value = params.get("name") || "";
if (number.value && name.value) check();
