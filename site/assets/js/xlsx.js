// Read the first sheet of an .xlsx in the browser: the file is a ZIP (read with DecompressionStream) holding
// XML (read with DOMParser). Enough for the roster template; no third-party library.

const decoder = new TextDecoder();

async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** name → bytes of every entry, from the ZIP's central directory. */
async function unzip(buffer) {
  const view = new DataView(buffer);
  let end = buffer.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("不是有效的 XLSX 文件");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map();
  for (let i = 0; i < count; i += 1) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(new Uint8Array(buffer, at + 46, nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = new Uint8Array(buffer, start, size);
    files.set(name, method === 0 ? raw : method === 8 ? inflate(raw) : Promise.reject(new Error("不支持的压缩方式")));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const xml = async (files, name) => {
  const entry = files.get(name);
  return entry ? new DOMParser().parseFromString(decoder.decode(await entry), "application/xml") : null;
};

function columnIndex(ref) {
  const letters = /^[A-Z]+/.exec(ref)[0];
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** The first worksheet as rows of strings (empty cells are ""). */
export async function readSheet(file) {
  const files = await unzip(await file.arrayBuffer());
  const shared = await xml(files, "xl/sharedStrings.xml");
  const strings = shared ? [...shared.getElementsByTagName("si")].map((si) => [...si.getElementsByTagName("t")].map((t) => t.textContent).join("")) : [];
  const book = await xml(files, "xl/workbook.xml");
  const rels = await xml(files, "xl/_rels/workbook.xml.rels");
  const firstSheet = book?.getElementsByTagName("sheet")[0];
  const relId = firstSheet?.getAttribute("r:id") || firstSheet?.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
  const target = [...(rels?.getElementsByTagName("Relationship") || [])].find((r) => r.getAttribute("Id") === relId)?.getAttribute("Target") || "worksheets/sheet1.xml";
  const sheet = await xml(files, `xl/${target.replace(/^\/?xl\//, "")}`);
  if (!sheet) throw new Error("XLSX 文件中没有工作表");
  return [...sheet.getElementsByTagName("row")].map((row) => {
    const cells = [];
    for (const c of row.getElementsByTagName("c")) {
      const type = c.getAttribute("t");
      const value = c.getElementsByTagName("v")[0]?.textContent ?? "";
      const text =
        type === "s" ? strings[Number(value)] ?? "" : type === "inlineStr" ? [...c.getElementsByTagName("t")].map((t) => t.textContent).join("") : value;
      cells[columnIndex(c.getAttribute("r"))] = text;
    }
    return Array.from(cells, (x) => (x ?? "").trim());
  });
}

/** Excel stores dates typed as dates as serial numbers (days since 1899-12-30). */
export function cellDate(text) {
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    const day = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86_400_000);
    return day.toISOString().slice(0, 10);
  }
  const parts = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(text);
  return parts ? `${parts[1]}-${parts[2].padStart(2, "0")}-${parts[3].padStart(2, "0")}` : text;
}
