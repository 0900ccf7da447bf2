import Papa from "papaparse";
import { isPreamble, worldBankYears } from "../../../../src/core/data/import/indicator-layout.ts";
import type { ImportKindColumns } from "../../api/data-types.ts";

const PREVIEW_ROWS = 10;

export type Preview = { header: string[]; rows: string[][]; compressed: boolean };

/** Reads the first rows in the browser: the person sees what will be imported before sending it. */
export const readPreview = (file: File): Promise<Preview> =>
  new Promise((resolve, reject) => {
    if (/\.gz$/i.test(file.name)) {
      resolve({ header: [], rows: [], compressed: true });
      return;
    }
    Papa.parse<string[]>(file, {
      // Read as the server reads it: a semicolon-separated file must not look importable here.
      delimiter: ",",
      preview: PREVIEW_ROWS + 6,
      skipEmptyLines: true,
      complete: (result) => {
        // A World Bank download opens with lines about its source before the header.
        const start = result.data.findIndex((row) => !isPreamble(row));
        const [header = [], ...rows] = start < 0 ? [] : result.data.slice(start);
        resolve({ header, rows: rows.slice(0, PREVIEW_ROWS + 1), compressed: false });
      },
      error: reject,
    });
  });

/** Which columns of the file the chosen kind reads, and which it needs but cannot find. */
export const mapping = (kind: ImportKindColumns, preview: Preview) => {
  if (kind.kind === "indicators" && worldBankYears(preview.header).length) {
    const wanted = ["Country Code", "Indicator Code"];
    const names = preview.header.map((c) => c.trim());
    return {
      found: wanted.filter((c) => names.includes(c)),
      missing: wanted.filter((c) => !names.includes(c)),
      optional: ["Indicator Name"].filter((c) => names.includes(c)),
      others: [],
    };
  }
  const names = (kind.hxl ? (preview.rows[0] ?? []) : preview.header).map((c) => c.trim().toLowerCase());
  const has = (wanted: string) =>
    kind.hxl
      ? names.some((n) => {
          const [tag, ...attrs] = wanted.split("+");
          const [have, ...haveAttrs] = n.split("+");
          return have === tag && attrs.every((a) => haveAttrs.includes(a));
        })
      : names.includes(wanted.toLowerCase());
  const known = new Set([...kind.required, ...kind.optional].map((c) => c.toLowerCase()));
  return {
    found: kind.required.filter(has),
    missing: kind.required.filter((c) => !has(c)),
    optional: kind.optional.filter(has),
    others: kind.hxl ? [] : preview.header.filter((c) => !known.has(c.trim().toLowerCase())),
  };
};

export type ColumnMapping = ReturnType<typeof mapping>;
