// 账号管理: open accounts (POST /api/accounts), list them (GET /api/accounts), disable / enable them.

import { api, vocab } from "./api.js";
import { STAFF, requireRole } from "./auth.js";
import { clearErrors, collect, h, options, say, showErrors } from "./forms.js";
import { table, when } from "./record-view.js";

const ROLE_NAMES = { enterprise: "企业用户", city_reviewer: "地市审核人员", province_reviewer: "省级审核人员", admin: "管理员" };
const form = document.getElementById("account");
const list = document.getElementById("accounts");
const status = document.getElementById("accounts-status");

function toggle(account, me, reload) {
  const mine = me.role === "admin" || (me.role === "city_reviewer" && account.role === "enterprise" && account.city === me.city);
  if (!mine) return account.enabled ? "启用" : "停用";
  const verb = account.enabled ? "disable" : "enable";
  const label = account.enabled ? "停用" : "启用";
  return h("button", {
    type: "button",
    class: "md-button",
    text: `${label}`,
    "aria-label": `${label} ${account.email}`,
    onclick: async () => {
      try {
        await api("POST", `/accounts/${encodeURIComponent(account.username)}/${verb}`);
        say(status, `已${label}：${account.email}`, "success");
        reload();
      } catch (error) {
        say(status, error.message, "error");
      }
      status.focus();
    },
  });
}

async function load(me, v) {
  const query = new URLSearchParams();
  for (const [key, id] of [["role", "f-role"], ["city", "f-city"], ["q", "f-text"]]) {
    const value = document.getElementById(id).value.trim();
    if (value) query.set(key, value);
  }
  try {
    const { items } = await api("GET", `/accounts?${query}`);
    const cityName = (code) => (code ? v.cities.find((c) => c.code === code)?.name || code : "—");
    const rows = items.map((a) => [a.email, a.name, ROLE_NAMES[a.role] || a.role, a.uscc || "—", cityName(a.city), when(a.created_at), toggle(a, me, () => load(me, v))]);
    list.replaceChildren(rows.length ? table("账号", ["邮箱", "姓名", "角色", "统一社会信用代码", "地市", "开通时间", "状态"], rows) : h("p", { text: "没有符合条件的账号。" }));
  } catch (error) {
    say(list, error.message, "error");
  }
}

async function main() {
  const me = requireRole(STAFF, document.getElementById("gate"), "console/");
  if (!me) return;
  const v = await vocab();
  const cities = v.cities.map((c) => [c.code, `${c.name}（${c.code}）`]);
  const roles = me.role === "admin" ? Object.entries(ROLE_NAMES) : [["enterprise", ROLE_NAMES.enterprise]];
  document.getElementById("f-role").append(...options(Object.entries(ROLE_NAMES), { blank: "全部" }));
  document.getElementById("f-city").append(...options(cities, { blank: "全部" }));
  document.getElementById("accounts-section").hidden = false;
  document.getElementById("accounts-filter").addEventListener("submit", (e) => {
    e.preventDefault();
    load(me, v);
  });
  load(me, v);
  if (me.role === "province_reviewer") return; // reads the list only
  const role = document.getElementById("acc-role");
  role.append(...options(roles));
  const city = document.getElementById("acc-city");
  city.append(...options(cities, { blank: "不填" }));
  if (me.role === "city_reviewer") {
    city.value = me.city;
    city.disabled = true; // its own city's enterprises only
  }
  const sync = () => {
    document.getElementById("acc-uscc-field").hidden = role.value !== "enterprise";
    document.getElementById("acc-city-field").hidden = !["enterprise", "city_reviewer"].includes(role.value);
  };
  role.addEventListener("change", sync);
  sync();
  form.hidden = false;
  const saved = document.getElementById("account-saved");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const created = await api("POST", "/accounts", { body: collect(form) });
      saved.textContent = `已开通 ${created.email}（${ROLE_NAMES[created.role]}），邀请邮件已发出。`;
      saved.className = "notice notice--success";
      saved.hidden = false;
      saved.focus();
      form.reset();
      if (me.role === "city_reviewer") city.value = me.city;
      sync();
      load(me, v);
    } catch (error) {
      showErrors(form, error);
    }
  });
}

main();
