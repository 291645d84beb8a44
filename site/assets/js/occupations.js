// Occupation picker: search the 2022 catalogue (GET /api/reference/occupations) and keep a list of chosen codes.

import { api } from "./api.js";
import { h, nextId, renumber } from "./forms.js";

/** `path` is the array's path ("occupations"); with `withName` each item is {code, name}, else a bare code. */
export function occupationPicker({ path, withName = true, initial = [] }) {
  const searchId = nextId("occ");
  const search = h("input", { type: "search", id: searchId, autocomplete: "off", "aria-describedby": `${searchId}-hint` });
  const results = h("ul", { class: "picker-results", "aria-label": "查找结果" });
  const chosen = h("ul", { class: "chips", "aria-label": "已选职业", dataset: { prefix: path } });
  const live = h("p", { class: "visually-hidden", "aria-live": "polite" });
  const codes = () => [...chosen.querySelectorAll("[data-code]")].map((li) => li.dataset.code);

  const add = (code, name, announce = true) => {
    if (codes().includes(code)) return;
    const index = chosen.children.length;
    const base = withName ? `${path}[${index}]` : `${path}[${index}]`;
    const hidden = withName
      ? [h("input", { type: "hidden", dataset: { path: `${base}.code` }, value: code }), h("input", { type: "hidden", dataset: { path: `${base}.name` }, value: name })]
      : [h("input", { type: "hidden", dataset: { path: base }, value: code })];
    const li = h(
      "li",
      { dataset: { code } },
      `${code} ${name} `,
      h("button", {
        type: "button",
        "aria-label": `移除 ${name}`,
        text: "×",
        onclick: () => {
          li.remove();
          renumber(chosen, path);
          live.textContent = `已移除 ${name}`;
          search.focus();
        },
      }),
      ...hidden,
    );
    chosen.append(li);
    renumber(chosen, path);
    if (announce) live.textContent = `已添加 ${code} ${name}`;
  };

  let timer = null;
  const find = async () => {
    const q = search.value.trim();
    if (!q) return results.replaceChildren();
    try {
      const found = await api("GET", `/reference/occupations?skill_only=true&limit=20&q=${encodeURIComponent(q)}`);
      results.replaceChildren(
        ...found.map((o) =>
          h("li", {}, h("button", { type: "button", class: "md-button", text: `添加：${o.code} ${o.name}`, onclick: () => add(o.code, o.name) })),
        ),
      );
      live.textContent = found.length ? `找到 ${found.length} 个职业` : "没有找到，请换个名称或编码";
    } catch (error) {
      live.textContent = error.message;
    }
  };
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(find, 250);
  });
  search.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      find();
    }
  });
  initial.forEach((o) => add(o.code, o.name, false));
  const wrap = h(
    "div",
    { class: "picker" },
    h("div", { class: "field" }, h("label", { for: searchId, text: "查找职业（名称或编码）" }), h("p", { class: "hint", id: `${searchId}-hint`, text: "输入如“车工”或“6-18-01”，在结果中点“添加”" }), search),
    results,
    h("p", { class: "field-label", text: "已选职业" }),
    chosen,
    live,
  );
  wrap.add = add;
  return wrap;
}
