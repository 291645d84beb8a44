// 各市联系方式 (admin): GET /api/reference/cities, PUT /api/reference/cities/{code}/contact.

import { api } from "./api.js";
import { STAFF, requireRole } from "./auth.js";
import { clearErrors, collect, h, options, say, showErrors } from "./forms.js";
import { NOT_YET, tel } from "./contacts.js";
import { table } from "./record-view.js";

const form = document.getElementById("contact");
const select = document.getElementById("contact-city");
let cities = [];

const phoneCell = (c) => (c.phones?.length ? h("span", {}, ...c.phones.flatMap((p, i) => (i ? ["、", tel(p)] : [tel(p)]))) : NOT_YET);

async function load() {
  const list = document.getElementById("contacts");
  try {
    cities = await api("GET", "/reference/cities");
    list.replaceChildren(
      table(
        "各市职业技能评价指导机构",
        ["地市", "职业技能评价指导机构", "咨询电话", "地址"],
        cities.map((c) => [c.name, c.institution || NOT_YET, phoneCell(c), c.address || NOT_YET]),
      ),
    );
  } catch (error) {
    say(list, error.message, "error");
  }
}

function show(code) {
  const c = cities.find((x) => x.code === code);
  if (!c) return;
  clearErrors(form);
  document.getElementById("contact-institution").value = c.institution || "";
  document.getElementById("contact-phones").value = (c.phones || []).join("，");
  document.getElementById("contact-address").value = c.address || "";
}

async function main() {
  const me = requireRole(STAFF, document.getElementById("gate"), "console/");
  if (!me) return;
  await load();
  if (me.role !== "admin") return;
  select.append(...options(cities.map((c) => [c.code, c.name])));
  select.addEventListener("change", () => show(select.value));
  show(select.value);
  form.hidden = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = {
      institution: "",
      address: "",
      ...collect(form),
      phones: document.getElementById("contact-phones").value.split(/[,，、;；\s]+/).filter(Boolean),
    };
    try {
      const saved = await api("PUT", `/reference/cities/${select.value}/contact`, { body });
      const notice = document.getElementById("saved");
      say(notice, `已保存${saved.name}的联系方式。`, "ok");
      notice.focus();
      await load();
      show(saved.code);
    } catch (error) {
      showErrors(form, error);
    }
  });
}

main();
