// 各市咨询电话 at run time (GET /api/reference/cities): what administrators set, phones as tap-to-call links;
// a field nobody set shows 待公布, never an invented number.

import { api } from "./api.js";
import { h } from "./forms.js";

export const NOT_YET = "待公布";

export const tel = (number) => h("a", { href: `tel:${number.replace(/[-\s]/g, "")}`, text: number });

function phones(list) {
  if (!list?.length) return [NOT_YET];
  return list.flatMap((p, i) => (i ? ["、", tel(p)] : [tel(p)]));
}

export function contactRow(c) {
  return h(
    "tr",
    { dataset: { city: c.code } },
    h("td", { text: c.name }),
    h("td", {}, tel(c.hotline)),
    h("td", { text: c.institution || NOT_YET }),
    h("td", {}, ...phones(c.phones)),
    h("td", { text: c.address || NOT_YET }),
  );
}

async function main() {
  const targets = [...document.querySelectorAll("[data-city-contacts] tbody")];
  if (!targets.length) return;
  try {
    const cities = await api("GET", "/reference/cities");
    targets.forEach((body) => {
      body.replaceChildren(...cities.map(contactRow));
      body.closest("[data-city-contacts]").dataset.live = "true";
    });
  } catch {
    // the shipped table stays
  }
}

main();
