// The local demo login (POST /api/local/session on the local server only): choose a role and a tenant.
// Loaded only when the local server's /config.json says so; `make deploy` never publishes this file.

import { api, vocab } from "./api.js";
import { saveSession, sessionFrom } from "./session.js";
import { clearErrors, collect, h, options, showErrors } from "./forms.js";

const choice = (value, id, label, checked) =>
  h("div", { class: "choice" }, h("input", { type: "radio", name: "role", id, value, "data-path": "role", checked }), h("label", { for: id, text: label }));

function enterpriseFields() {
  return [
    h("p", { class: "notice", text: "本机演示登录：填写企业的统一社会信用代码即可登录。部署后使用统一身份认证登录。" }),
    h("input", { type: "hidden", "data-path": "role", value: "enterprise" }),
    h(
      "div",
      { class: "field" },
      h("label", { for: "uscc", text: "统一社会信用代码" }),
      h("p", { class: "hint", id: "uscc-hint", text: "18 位，如 91440101MA59CDX462" }),
      h("input", { type: "text", id: "uscc", "data-path": "uscc", autocomplete: "off", maxlength: "18", "aria-describedby": "uscc-hint", spellcheck: "false" }),
    ),
    h("div", { class: "field" }, h("label", { for: "name", text: "经办人姓名（选填）" }), h("input", { type: "text", id: "name", "data-path": "name", maxlength: "50", autocomplete: "name" })),
  ];
}

async function staffFields(form) {
  const v = await vocab();
  const city = h("select", { id: "staff-city", "data-path": "city" }, ...options(v.cities.map((c) => [c.code, `${c.name}（${c.code}）`])));
  const cityField = h("div", { class: "field", id: "city-field" }, h("label", { for: "staff-city", text: "所属地市" }), city);
  const sync = () => {
    cityField.hidden = form.querySelector("[name=role]:checked")?.value !== "city_reviewer";
  };
  form.addEventListener("change", sync);
  return [
    h("p", { class: "notice", text: "本机演示登录：选择身份即可登录。部署后使用统一身份认证登录。" }),
    h(
      "fieldset",
      { "data-error-for": "role" },
      h("legend", { text: "身份" }),
      h(
        "div",
        { class: "choices" },
        choice("city_reviewer", "role-city", "地市审核人员", true),
        choice("province_reviewer", "role-province", "省级审核人员"),
        choice("admin", "role-admin", "管理员"),
      ),
    ),
    cityField,
  ];
}

export async function mountDemoSignIn(place, roles, onChange) {
  const form = h("form", { class: "gd-form", novalidate: true });
  const fields = roles.includes("enterprise") ? enterpriseFields() : await staffFields(form);
  form.append(
    h("div", { class: "error-summary", tabindex: "-1", role: "alert", hidden: true }),
    ...fields,
    h("button", { type: "submit", class: "md-button md-button--primary", text: "登录" }),
  );
  form.dispatchEvent(new Event("change")); // show the city only for a city reviewer
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = collect(form);
    try {
      const answer = await api("POST", "/local/session", { body });
      saveSession(sessionFrom(answer.token, body.name || ""));
      onChange();
      document.getElementById("signin-status").focus();
    } catch (error) {
      showErrors(form, error);
    }
  });
  place.replaceChildren(form);
}
