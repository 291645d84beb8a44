// A person's credentials, work periods and honours as repeatable rows: used by the self-check and by each
// candidate of a results report. Option lists come from vocab.json (generated from schemas/).

import { field, h, nextId, options, renumber } from "./forms.js";

const entries = (dict) => Object.entries(dict);

function select(path, list, { blank, value } = {}) {
  const el = h("select", { dataset: { path } }, ...options(list, { blank }));
  if (value !== undefined && value !== null) el.value = value;
  return el;
}

const dateInput = (path, value, extra = {}) =>
  h("input", { type: "date", dataset: { path, ...extra }, value: value || null, min: "1950-01-01", max: "2100-12-31" });

/**
 * Rows under one array path (e.g. "credentials" or "candidates[0].credentials"), with add and remove buttons.
 * `make(prefix, value)` returns the row's fields; the repeater wraps them in a numbered fieldset.
 */
export function repeater({ title, addLabel, prefix, make, initial = [], min = 0 }) {
  const rows = h("div", { class: "rows", dataset: { prefix } });
  const section = h("div", { class: "repeater" });
  const refresh = () => {
    renumber(rows, rows.dataset.prefix);
    rows.querySelectorAll(":scope > fieldset > .row-actions .remove").forEach((b) => {
      b.disabled = rows.children.length <= min;
    });
  };
  const add = (value = {}, focus = false) => {
    const index = rows.children.length;
    const legendId = nextId("row");
    const row = h(
      "fieldset",
      { class: "row", "aria-labelledby": legendId },
      h("legend", { id: legendId }, `${title} `, h("span", { class: "row-number", text: String(index + 1) })),
      ...make(`${rows.dataset.prefix}[${index}]`, value),
    );
    const remove = h("button", {
      type: "button",
      class: "md-button remove",
      text: `删除此${title}`,
      onclick: () => {
        // A row with something typed in is only removed once the person confirms (nothing to undo otherwise).
        const typed = [...row.querySelectorAll("input:not([type=hidden]), select, textarea")].some((el) => el.value && el.type !== "radio" && el.type !== "checkbox");
        const name = row.querySelector('[data-path$=".name"]')?.value;
        if (typed && !window.confirm(`确定删除${title}${name ? `“${name}”` : ` ${row.querySelector(".row-number")?.textContent || ""}`}吗？删除后需重新填写。`)) return;
        row.remove();
        refresh();
        addButton.focus();
      },
    });
    row.append(h("div", { class: "row-actions" }, remove));
    rows.append(row);
    refresh();
    if (focus) row.querySelector("input, select, textarea")?.focus();
    return row;
  };
  const addButton = h("button", { type: "button", class: "md-button add", text: addLabel, onclick: () => add({}, true) });
  section.append(rows, addButton);
  initial.forEach((value) => add(value));
  section.add = add;
  section.rows = rows;
  section.clear = () => {
    rows.replaceChildren();
    refresh();
  };
  return section;
}

export function credentialFields(vocab, prefix, value = {}) {
  const kind = select(`${prefix}.kind`, entries(vocab.credential_kinds), { value: value.kind || "skill_certificate" });
  const grade = select(`${prefix}.grade`, [], {});
  const fillGrades = () => {
    const list = kind.value === "professional_title" ? vocab.title_grades : vocab.skill_grades;
    const keep = grade.value || value.grade;
    grade.replaceChildren(...options(entries(list), { blank: "请选择等级" }));
    if (keep && keep in list) grade.value = keep;
  };
  kind.addEventListener("change", fillGrades);
  fillGrades();
  return [
    h(
      "div",
      { class: "grid" },
      field("类别", kind),
      field("等级", grade),
      field(
        "与参评职业的关系",
        select(`${prefix}.relation`, entries(vocab.relations), { blank: "请选择（必填）", value: value.relation }),
        "相应：与参评职业（工种）对应；相关：相近职业",
      ),
      field("取得日期", dateInput(`${prefix}.obtained_on`, value.obtained_on)),
    ),
  ];
}

export function workFields(vocab, prefix, value = {}) {
  return [
    h(
      "div",
      { class: "grid" },
      field("开始日期", dateInput(`${prefix}.start`, value.start)),
      field("结束日期", dateInput(`${prefix}.end`, value.end, { empty: "null" }), "仍在职请留空"),
      field(
        "与参评职业的关系",
        select(`${prefix}.relation`, [
          ["corresponding", "本职业"],
          ["related", "相关职业"],
          ["unrelated", "无关职业"],
        ], { blank: "请选择（必填）", value: value.relation }),
      ),
    ),
  ];
}

export function honourFields(vocab, prefix, value = {}) {
  const category = select(`${prefix}.category`, entries(vocab.honour_categories), { blank: "请选择类别", value: value.category });
  const level = select(`${prefix}.level`, entries(vocab.honour_levels), { blank: "请选择级别", value: value.level });
  const rank = select(`${prefix}.rank`, entries(vocab.sci_tech_ranks), { blank: "请选择奖励等级", value: value.rank });
  const issuer = select(`${prefix}.issuer_type`, entries(vocab.issuer_types), { blank: "请选择授予单位类型", value: value.issuer_type });
  const levelField = field("级别", level);
  const levelHint = h("p", { class: "hint", id: nextId("hint") });
  levelField.append(levelHint);
  level.setAttribute("aria-describedby", levelHint.id);
  const rankField = field("奖励等级", rank);
  const issuerField = field("授予单位类型", issuer);
  const sync = () => {
    const code = category.value;
    const fixed = vocab.fixed_honour_levels[code];
    levelField.hidden = vocab.levelless_honours.includes(code);
    level.disabled = Boolean(fixed);
    if (fixed) level.value = fixed;
    levelHint.textContent = fixed ? `该类荣誉级别固定为${vocab.honour_levels[fixed]}` : "";
    rankField.hidden = code !== "national_sci_tech_award";
    issuerField.hidden = code !== "enterprise_contribution_award";
  };
  category.addEventListener("change", sync);
  sync();
  return [
    h(
      "div",
      { class: "grid" },
      field("荣誉类别", category),
      levelField,
      rankField,
      issuerField,
      field("荣誉名称", h("input", { type: "text", dataset: { path: `${prefix}.name` }, value: value.name || null, maxlength: "200" }), "如：广州市技术能手"),
      field("获得日期", dateInput(`${prefix}.granted_on`, value.granted_on)),
    ),
  ];
}

/** The three repeaters of a person, under `base` ("" for the self-check, "candidates[0]." for a roster row). */
export function personSections(vocab, base, value = {}) {
  const credentials = repeater({
    title: "证书或职称",
    addLabel: "添加证书或职称",
    prefix: `${base}credentials`,
    make: (prefix, v) => credentialFields(vocab, prefix, v),
    initial: value.credentials || [],
  });
  const work = repeater({
    title: "工作经历",
    addLabel: "添加工作经历",
    prefix: `${base}work_periods`,
    make: (prefix, v) => workFields(vocab, prefix, v),
    initial: value.work_periods || [],
  });
  const honours = repeater({
    title: "荣誉",
    addLabel: "添加荣誉",
    prefix: `${base}honours`,
    make: (prefix, v) => honourFields(vocab, prefix, v),
    initial: value.honours || [],
  });
  return { credentials, work, honours };
}
