import { api, siteUrl } from "./api.js";
import { mountSignIn } from "./auth.js";
import { h } from "./forms.js";

const FORM_PAGES = { filing: "enterprise/filing/", plan: "enterprise/plan/", report: "enterprise/report/" };

/** ?return= : the page someone was on when the sign-in expired (same site only), with its draft. */
function returnTo() {
  const target = new URLSearchParams(location.search).get("return");
  if (!target) return null;
  try {
    const url = new URL(target, location.href);
    return url.origin === location.origin && url.pathname.startsWith(new URL(siteUrl("")).pathname) ? url.href : null;
  } catch {
    return null;
  }
}

/** The enterprise's drafts, newest first, each a link back to its form. */
async function showDrafts() {
  const place = document.getElementById("drafts");
  try {
    const { items } = await api("GET", "/drafts");
    if (!items.length) return;
    const link = (d) => {
      const query = new URLSearchParams({ draft: d.id });
      if (d.record_id) query.set("id", d.record_id);
      return siteUrl(`${FORM_PAGES[d.kind]}?${query}`);
    };
    place.replaceChildren(
      h("h2", { text: "未提交的草稿" }),
      h("p", { class: "hint", text: "填写中的内容会自动保存为草稿；最后一次修改 90 天后自动删除。" }),
      h(
        "ul",
        { class: "draft-list" },
        ...items.map((d) =>
          h(
            "li",
            {},
            h("a", { href: link(d), text: `继续填写${d.kind_name}${d.title ? `：${d.title}` : ""}` }),
            h("span", { class: "hint", text: ` 最后保存 ${d.updated_at.replace("T", " ").slice(0, 16)}，${d.expires_on} 前有效` }),
          ),
        ),
      ),
    );
    place.hidden = false;
  } catch {
    /* the list is a convenience: the forms work without it */
  }
}

mountSignIn({
  roles: ["enterprise"],
  onSignedIn: () => {
    const back = returnTo();
    if (back) {
      location.replace(back);
      return;
    }
    document.getElementById("signin").hidden = true;
    document.getElementById("next-steps").hidden = false;
    showDrafts();
  },
});
