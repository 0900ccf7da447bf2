import { z } from "zod";
import { type ReportStatus, ZCategoryCode, ZIso3, ZReportStatus } from "./report.schemas.ts";
import { summariseAnswers } from "./report-summary.ts";

/**
 * How the columns of one form's submission export (KoboToolbox or ODK, CSV or JSON, or any feed) become a
 * report. Saved per form; `suggestMapping` (xlsform.ts) drafts one from the form definition.
 */
export const ZFormMapping = z
  .object({
    /** The column holding the submission's own id; re-importing the same export stores nothing twice. */
    id: z.string().default("_uuid"),
    /** One date column, or year/month/day columns (missing month or day → the first). */
    date: z
      .union([
        z.string(),
        z.object({ year: z.string(), month: z.string().optional(), day: z.string().optional() }),
      ])
      .optional(),
    description: z.array(z.string()).min(1),
    category: z
      .object({
        column: z.string().optional(),
        /** Answer value → category code; unmatched answers get `default`. */
        values: z.record(z.string(), ZCategoryCode).default({}),
        default: ZCategoryCode.default("other"),
      })
      .default({ values: {}, default: "other" }),
    /** A geopoint column ("lat lon altitude accuracy"), or separate latitude/longitude columns. */
    geopoint: z.string().optional(),
    latitude: z.string().optional(),
    longitude: z.string().optional(),
    place: z.array(z.string()).default([]),
    country: z
      .object({
        iso3: ZIso3.optional(),
        column: z.string().optional(),
        codes: z.enum(["iso3", "iso2", "name"]).default("iso3"),
      })
      .optional(),
    contact: z
      .object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() })
      .default({}),
    language: z.string().optional(),
    /** Sources that verify their own reports (a curated feed) may map a column to a starting status. */
    status: z.object({ column: z.string(), values: z.record(z.string(), ZReportStatus) }).optional(),
    /** Choice labels by column (from the XLSForm choices sheet): answers are shown by label. */
    labels: z.record(z.string(), z.record(z.string(), z.string())).default({}),
    /** Question labels by column (from the XLSForm survey sheet): each answer in the text is headed by its question. */
    questions: z.record(z.string(), z.string().max(500)).default({}),
  })
  .strict();
export type TFormMapping = z.input<typeof ZFormMapping>;
export type FormMapping = z.output<typeof ZFormMapping>;

export type Row = Record<string, string>;

export type MappedSubmission = {
  sourceRef: string;
  category: string;
  description: string;
  /** The answers without their questions, when the text heads each with its question; else none. */
  summary: string | undefined;
  date: string | undefined;
  latitude: number | undefined;
  longitude: number | undefined;
  place: string | undefined;
  country: { code: string; codes: "iso3" | "iso2" | "name" } | undefined;
  contact: { name?: string; phone?: string; email?: string };
  language: string | undefined;
  status: ReportStatus | undefined;
  /** Every other non-empty answer: kept sealed with the contact, never in plain text. */
  answers: Record<string, string>;
  /** Answers the mapping could not read (a geopoint that is no point), each naming its column. */
  problems: string[];
};

/**
 * The mapped columns an export must have that no submission holds (a JSON export leaves out unanswered
 * questions, so one row is not enough to tell): without them every row would be refused alike ("line 2: date …",
 * "line 3: date …") where one file-level error says what is wrong.
 */
export const missingColumns = (
  rows: readonly Row[],
  mapping: FormMapping,
): { column: string; role: string }[] => {
  const absent = (column: string) =>
    rows.length > 0 && rows.every((row) => columnOf(row, column) === undefined);
  const dateColumns =
    typeof mapping.date === "string" ? [mapping.date] : mapping.date ? [mapping.date.year] : [];
  // A form's text is drawn from many questions, some of which an export may leave out; all of them absent is not.
  const allAbsent = (columns: readonly string[], role: string) =>
    columns.length > 0 && columns.every(absent) ? [{ column: columns.join(", "), role }] : [];
  // A place may come from coordinates or named places; with none of the columns, every report would lose it.
  const location = [mapping.geopoint, mapping.latitude, mapping.longitude, ...mapping.place].filter(
    (column): column is string => column !== undefined,
  );
  return [
    ...[mapping.id].filter(absent).map((column) => ({ column, role: "submission id" })),
    ...dateColumns.filter(absent).map((column) => ({ column, role: "date" })),
    ...allAbsent(mapping.description, "description"),
    ...allAbsent(location, "location"),
    ...[mapping.country?.column]
      .filter((c): c is string => c !== undefined && absent(c))
      .map((column) => ({ column, role: "country" })),
  ];
};

/** Finds a column by exact name, by its last path segment (Kobo's group/question), or ignoring case. */
export const columnOf = (row: Row, name: string): string | undefined => {
  if (name in row) return name;
  const wanted = name.toLowerCase();
  return Object.keys(row).find((key) => {
    const lower = key.toLowerCase();
    return lower === wanted || lower.split("/").pop() === wanted;
  });
};

const answerOf = (row: Row, name: string | undefined): string | undefined => {
  if (!name) return undefined;
  const column = columnOf(row, name);
  const value = column === undefined ? undefined : row[column]?.trim();
  return value ? value : undefined;
};

const pad = (n: string) => n.padStart(2, "0");

/** Accepts ISO dates and datetimes, "YYYY-MM-DD HH:MM:SS" and DD/MM/YYYY; answers YYYY-MM-DD or undefined. */
export const parseLooseDate = (text: string | undefined): string | undefined => {
  if (!text) return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return undefined;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? undefined : date;
};

const number = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
};

/** Applies a saved mapping to one submission. Validation of the result is the caller's (ZSubmitReport). */
export const applyMapping = (row: Row, mapping: FormMapping): MappedSubmission => {
  // Choice labels: a select_one answer is one choice name, a select_multiple answer several, space-separated.
  const label = (column: string, value: string) => {
    const labels = mapping.labels[column];
    if (!labels) return value;
    return (
      labels[value] ??
      value
        .split(" ")
        .map((part) => labels[part] ?? part)
        .join(", ")
    );
  };
  const used = new Set<string>();
  const take = (name: string | undefined) => {
    if (!name) return undefined;
    const column = columnOf(row, name);
    if (column) used.add(column);
    return answerOf(row, name);
  };

  const sourceRef = take(mapping.id) ?? "";
  let date: string | undefined;
  if (typeof mapping.date === "string") date = parseLooseDate(take(mapping.date));
  else if (mapping.date) {
    const year = take(mapping.date.year);
    const month = take(mapping.date.month) ?? "1";
    const day = take(mapping.date.day) ?? "1";
    date = year ? parseLooseDate(`${year}-${month}-${day}`) : undefined;
  }
  const headed = mapping.description.length > 1;
  const descriptionAnswers = mapping.description
    .map((name) => {
      const value = take(name);
      return value === undefined ? undefined : { name, value: headed ? label(name, value) : value };
    })
    .filter((answer) => answer !== undefined);
  const descriptionParts = descriptionAnswers.map(({ name, value }) =>
    headed ? `${mapping.questions[name] ?? name}: ${value}` : value,
  );
  const rawCategory = take(mapping.category.column);
  const category =
    (rawCategory !== undefined
      ? (mapping.category.values[rawCategory] ?? mapping.category.values[rawCategory.trim().toLowerCase()])
      : undefined) ?? mapping.category.default;

  let latitude = number(take(mapping.latitude));
  let longitude = number(take(mapping.longitude));
  const problems: string[] = [];
  const geopoint = take(mapping.geopoint);
  // Kobo's CSV export adds _<geopoint>_latitude / _longitude columns beside the geopoint: read, and the fallback.
  const [splitLatitude, splitLongitude] = ["latitude", "longitude", "altitude", "precision"].map((suffix) =>
    mapping.geopoint ? take(`_${mapping.geopoint}_${suffix}`) : undefined,
  );
  if (geopoint && (latitude === undefined || longitude === undefined)) {
    // Kobo and ODK write "lat lon altitude accuracy", space-separated (a comma may be a decimal comma).
    const [lat, lon] = geopoint.split(/\s+/).map(Number);
    const [fallbackLat, fallbackLon] = [number(splitLatitude), number(splitLongitude)];
    if (Number.isFinite(lat) && Number.isFinite(lon)) [latitude, longitude] = [lat, lon];
    else if (fallbackLat !== undefined && fallbackLon !== undefined)
      [latitude, longitude] = [fallbackLat, fallbackLon];
    else
      problems.push(`${mapping.geopoint}: "${geopoint.slice(0, 40)}" is not a point ("latitude longitude")`);
  }
  const place = mapping.place
    .map((name) => {
      const value = take(name);
      return value === undefined ? undefined : label(name, value);
    })
    .filter((part): part is string => part !== undefined)
    .join(", ");
  const countryCode = mapping.country?.iso3 ?? take(mapping.country?.column);
  const contact = {
    ...(take(mapping.contact.name) ? { name: answerOf(row, mapping.contact.name) as string } : {}),
    ...(take(mapping.contact.phone) ? { phone: answerOf(row, mapping.contact.phone) as string } : {}),
    ...(take(mapping.contact.email) ? { email: answerOf(row, mapping.contact.email) as string } : {}),
  };
  const rawStatus = take(mapping.status?.column);
  const status = rawStatus === undefined ? undefined : mapping.status?.values[rawStatus];
  const language = take(mapping.language);

  const answers: Record<string, string> = {};
  for (const [column, value] of Object.entries(row)) {
    if (!used.has(column) && value?.trim()) answers[column] = value.trim();
  }
  return {
    sourceRef,
    category,
    description: descriptionParts.join("\n"),
    summary: headed ? summariseAnswers(descriptionAnswers.map(({ value }) => value)) : undefined,
    date,
    latitude,
    longitude,
    place: place || undefined,
    country: countryCode
      ? { code: countryCode, codes: mapping.country?.iso3 ? "iso3" : (mapping.country?.codes ?? "iso3") }
      : undefined,
    contact,
    language,
    status,
    answers,
    problems,
  };
};
