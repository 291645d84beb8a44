// The enterprise's internal 公示 from the report being typed: the draft is saved first, then
// GET /api/drafts/{id}/staff-notice.{docx,pdf}?start=&end=&contact= (names, occupations, levels; never an ID).

import { saveFile } from "./api.js";

export function wireStaffNotice(saver, noticeStart, noticeEnd) {
  const contact = document.getElementById("staff-notice-contact");
  const status = document.getElementById("staff-notice-status");
  for (const format of ["docx", "pdf"]) {
    document.getElementById(`staff-notice-${format}`).addEventListener("click", async () => {
      if (!noticeStart.value) return (status.textContent = "请先填写公示开始日期");
      if (contact.value.trim().length < 2) return (status.textContent = "请填写异议受理部门及联系方式");
      status.textContent = "正在生成……";
      try {
        await saver.flush();
        if (!saver.id) throw new Error("草稿尚未保存，请稍后重试");
        const query = new URLSearchParams({ start: noticeStart.value, contact: contact.value.trim() });
        if (noticeEnd.value) query.set("end", noticeEnd.value);
        await saveFile(`/drafts/${encodeURIComponent(saver.id)}/staff-notice.${format}?${query}`, `单位内公示.${format}`);
        status.textContent = "已生成";
      } catch (error) {
        status.textContent = error.message;
      }
    });
  }
}
