import type { ErrorCollector } from "./error-collector.ts";

const DELIMITERS: [string, string][] = [
  [";", "semicolon"],
  ["\t", "tab"],
  ["|", "pipe"],
];

/** The delimiter a header read as comma-separated was really split by, when it is one field holding another. */
export const wrongDelimiter = (header: readonly string[]): { delimiter: string; name: string } | null => {
  if (header.length !== 1) return null;
  const found = DELIMITERS.find(([d]) => (header[0] ?? "").includes(d));
  return found ? { delimiter: found[0], name: found[1] } : null;
};

/**
 * Checks the header: a single field holding another delimiter means the file is not comma-separated;
 * otherwise every required column must be present. Returns column indexes by name, or null after errors.
 */
export const checkHeader = (
  header: string[],
  required: readonly string[],
  errors: ErrorCollector,
): Map<string, number> | null => {
  const names = header.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/, "") : name).trim());
  const found = wrongDelimiter(names);
  if (found) {
    errors.add({
      line: 1,
      column: names[0]?.slice(0, 60) ?? "",
      value: found.delimiter === "\t" ? "\\t" : found.delimiter,
      reason: `wrong delimiter: the header is separated by ${found.name}s; a comma-separated file is expected`,
    });
    return null;
  }
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  let ok = true;
  for (const name of required) {
    if (!index.has(name)) {
      errors.add({ line: 1, column: name, value: "", reason: "missing column" });
      ok = false;
    }
  }
  return ok ? index : null;
};
