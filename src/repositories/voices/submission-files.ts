import Papa from "papaparse";
import { invalid } from "../../core/shared/errors.ts";
import type { Row } from "../../core/voices/mapping.ts";
import type { SubmissionFormat } from "../../core/voices/submission-format.ts";
import type { XlsRow } from "../../core/voices/xlsform.ts";

const refuseBrokenText = (text: string) => {
  if (text.includes("\uFFFD")) {
    throw invalid("The file is not valid UTF-8 (wrong encoding): export it as UTF-8 and try again.", [
      { field: "file", message: "not UTF-8" },
    ]);
  }
};

const withoutBom = (text: string): string => text.replace(/^\uFEFF/, "");

/** The rows of a spreadsheet saved as CSV (an XLSForm sheet), as objects keyed by its header. */
export const parseSheetCsv = (text: string): XlsRow[] =>
  Papa.parse<XlsRow>(withoutBom(text), { header: true, skipEmptyLines: true }).data;

/**
 * CSV exports (KoboToolbox, ODK Central, Ushahidi): a header row, then one submission per row. Kobo
 * "XML values and headers" exports use `;` as the delimiter by default; papaparse detects it.
 */
const parseCsvRows = (text: string): Row[] => {
  refuseBrokenText(text);
  const parsed = Papa.parse<string[]>(withoutBom(text), { skipEmptyLines: true });
  const [header, ...records] = parsed.data;
  if (!header || header.length < 2) {
    throw invalid("The CSV file has no header row.", [{ field: "file", message: "no header" }]);
  }
  const wrong = records.findIndex((cells) => cells.length !== header.length);
  if (wrong >= 0) {
    throw invalid(
      `Line ${wrong + 2} has ${records[wrong]?.length} cells where the header has ${header.length}.`,
      [{ field: `line ${wrong + 2}`, message: "wrong number of cells" }],
    );
  }
  return records.map((cells) => Object.fromEntries(header.map((name, i) => [name.trim(), cells[i] ?? ""])));
};

const flatten = (value: unknown, prefix: string, into: Row): void => {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    into[prefix] = JSON.stringify(value);
    return;
  }
  if (typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}/${key}` : key, into);
    return;
  }
  into[prefix] = String(value);
};

/** JSON exports: an array of submissions, or the Kobo API's `{ "results": [...] }`; nested groups flatten to group/question. */
const parseJsonRows = (text: string): Row[] => {
  refuseBrokenText(text);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw invalid(`The JSON file does not parse: ${(error as Error).message}`, [
      { field: "file", message: "not JSON" },
    ]);
  }
  const list = Array.isArray(data) ? data : (data as { results?: unknown })?.results;
  if (!Array.isArray(list)) {
    throw invalid("The JSON file holds no list of submissions (an array, or an object with `results`).", [
      { field: "file", message: "no submissions" },
    ]);
  }
  return list.map((item) => {
    const row: Row = {};
    flatten(item, "", row);
    return row;
  });
};

export const parseSubmissions = (text: string, format: SubmissionFormat): Row[] =>
  format === "json" ? parseJsonRows(text) : parseCsvRows(text);
