// Names instead of codes on enterprise pages: cities from vocab.json, occupations from the catalogue API.

import { api } from "./api.js";

const occupationCache = new Map();

/** "广州市" for "440100" (the code itself when unknown). */
export const cityName = (v, code) => v.cities.find((c) => c.code === code)?.name || code || "";

/** code → "车工" for each code, looked up once per page (GET /api/reference/occupations?q=code). */
export async function occupationNames(codes) {
  await Promise.all(
    [...new Set(codes)].filter((c) => c && !occupationCache.has(c)).map(async (code) => {
      const found = await api("GET", `/reference/occupations?q=${encodeURIComponent(code)}&limit=5`).catch(() => []);
      occupationCache.set(code, (found || []).find((o) => o.code === code)?.name || "");
    }),
  );
  return new Map(codes.map((c) => [c, occupationCache.get(c) || ""]));
}

/** "6-18-01-01 车工" once the name is known. */
export const occupationLabel = (names, code) => (names.get(code) ? `${names.get(code)}（${code}）` : code);
