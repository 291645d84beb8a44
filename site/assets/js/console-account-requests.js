// 账号申请: the city's requests (GET /api/account-requests) and their decisions (POST …/{id}/decision).

import { listAll, vocab, api } from "./api.js";
import { STAFF, requireRole } from "./auth.js";
import { h, options, say } from "./forms.js";
import { table, when } from "./record-view.js";

const STATUS = { pending: "待审核", approved: "已开通", rejected: "不予开通" };
const place = document.getElementById("requests");
const status = document.getElementById("requests-status");

function actions(item, reload) {
  if (item.status !== "pending") return item.reason || item.username || "—";
  const reason = h("input", { type: "text", maxlength: "500", "aria-label": `不予开通理由（${item.enterprise_name}）`, placeholder: "不予开通理由" });
  const decide = async (decision) => {
    try {
      await api("POST", `/account-requests/${encodeURIComponent(item.id)}/decision`, { body: { decision, reason: reason.value.trim() } });
      say(status, decision === "approve" ? `已为${item.enterprise_name}开通账号，邀请邮件已发出。` : `已不予开通：${item.enterprise_name}。`, "success");
      reload();
    } catch (error) {
      say(status, error.fields?.[0]?.message || error.message, "error");
    }
    status.focus();
  };
  return h(
    "div",
    { class: "actions" },
    h("button", { type: "button", class: "md-button md-button--primary", text: "同意开通", onclick: () => decide("approve") }),
    reason,
    h("button", { type: "button", class: "md-button", text: "不予开通", onclick: () => decide("reject") }),
  );
}

async function load(city, v) {
  const query = city ? `?city=${city}` : "";
  try {
    const items = await listAll(`/account-requests${query}`);
    const cityName = (code) => v.cities.find((c) => c.code === code)?.name || code;
    const rows = items.map((i) => [i.enterprise_name, i.uscc, cityName(i.city), `${i.contact.name} ${i.contact.phone} ${i.contact.email}`, when(i.created_at), STATUS[i.status] || i.status, actions(i, () => load(city, v))]);
    place.replaceChildren(rows.length ? table("账号申请", ["企业", "统一社会信用代码", "地市", "联系人", "申请时间", "状态", "处理"], rows) : h("p", { text: "没有账号申请。" }));
  } catch (error) {
    say(place, error.message, "error");
  }
}

async function main() {
  const me = requireRole(STAFF, document.getElementById("gate"), "console/");
  if (!me) return;
  const v = await vocab();
  document.getElementById("requests-section").hidden = false;
  if (me.role === "city_reviewer") {
    load(null, v);
    return;
  }
  const select = document.getElementById("requests-city");
  select.append(...options(v.cities.map((c) => [c.code, `${c.name}（${c.code}）`])));
  document.getElementById("requests-city-field").hidden = false;
  select.addEventListener("change", () => load(select.value, v));
  load(select.value, v);
}

main();
