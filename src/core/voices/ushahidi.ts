import type { MappedSubmission, Row } from "./mapping.ts";
import { columnOf, parseLooseDate } from "./mapping.ts";

/**
 * Ushahidi v2 CSV exports: `#,INCIDENT TITLE,INCIDENT DATE,LOCATION,DESCRIPTION,CATEGORY,LATITUDE,
 * LONGITUDE,APPROVED,VERIFIED` plus optional `FIRST NAME,LAST NAME,EMAIL` and custom fields; CATEGORY is
 * a comma-separated list with a trailing ", "; HTML entities are left in the text.
 */
export const USHAHIDI_REQUIRED = ["#", "INCIDENT TITLE", "INCIDENT DATE", "DESCRIPTION", "CATEGORY"] as const;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

/** Ushahidi deployments name their own categories; these patterns place the usual ones. */
const CATEGORY_PATTERNS: [RegExp, string][] = [
  [/rape|sexual|gender/i, "sexual_violence"],
  [/hate|incite/i, "hate_speech"],
  [/aid worker|humanitarian|peacekeep/i, "attack_on_aid"],
  [/death|dead|killed|casualt|injur|wounded/i, "attack_on_civilians"],
  [/violence|attack|shoot|fight|armed|clash|bomb/i, "armed_violence"],
  [/displac|refugee|idp|flee|camp/i, "displacement"],
  [/arrest|detain|detention|abduct|kidnap|missing/i, "arrests"],
  [/protest|riot|election|unrest|demonstrat/i, "political_tension"],
  [/weapon|militia|recruit/i, "armed_mobilisation"],
  [/water|food|health|medical|electric|service|infrastructure|shelter|sanitation/i, "services"],
  [/discriminat|exclu/i, "discrimination"],
];

export const categoryFromLabels = (labels: readonly string[]): string => {
  for (const label of labels) {
    for (const [pattern, code] of CATEGORY_PATTERNS) if (pattern.test(label)) return code;
  }
  return "other";
};

const get = (row: Row, name: string): string | undefined => {
  const column = columnOf(row, name);
  const value = column === undefined ? undefined : row[column]?.trim();
  return value ? decodeEntities(value) : undefined;
};

const KNOWN = new Set([
  "#",
  "INCIDENT TITLE",
  "INCIDENT DATE",
  "LOCATION",
  "DESCRIPTION",
  "CATEGORY",
  "LATITUDE",
  "LONGITUDE",
  "FIRST NAME",
  "LAST NAME",
  "EMAIL",
]);

export const mapUshahidiRow = (row: Row): MappedSubmission => {
  const title = get(row, "INCIDENT TITLE");
  const body = get(row, "DESCRIPTION");
  const categories = (get(row, "CATEGORY") ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  const latitude = Number(get(row, "LATITUDE"));
  const longitude = Number(get(row, "LONGITUDE"));
  const hasPoint =
    get(row, "LATITUDE") !== undefined && Number.isFinite(latitude) && Number.isFinite(longitude);
  const name = [get(row, "FIRST NAME"), get(row, "LAST NAME")].filter(Boolean).join(" ");
  const email = get(row, "EMAIL");
  const answers: Record<string, string> = {};
  for (const [column, value] of Object.entries(row)) {
    if (!KNOWN.has(column.trim().toUpperCase()) && value?.trim())
      answers[column] = decodeEntities(value.trim());
  }
  if (categories.length) answers.CATEGORY = categories.join(", ");
  return {
    sourceRef: get(row, "#") ?? "",
    category: categoryFromLabels(categories),
    description: [title, body].filter(Boolean).join("\n\n"),
    // The title leads the text and tells reports apart already.
    summary: undefined,
    date: parseLooseDate(get(row, "INCIDENT DATE")),
    latitude: hasPoint ? latitude : undefined,
    longitude: hasPoint ? longitude : undefined,
    place: get(row, "LOCATION"),
    country: undefined,
    contact: { ...(name ? { name } : {}), ...(email ? { email } : {}) },
    language: undefined,
    // Approval and verification in the source deployment stay among the answers, for triage to weigh: ours decides.
    status: undefined,
    answers,
    problems:
      get(row, "LATITUDE") !== undefined && !hasPoint
        ? [`LATITUDE, LONGITUDE: "${get(row, "LATITUDE")}, ${get(row, "LONGITUDE") ?? ""}" is not a point`]
        : [],
  };
};
