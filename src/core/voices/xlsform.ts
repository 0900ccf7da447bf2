import type { TFormMapping } from "./mapping.ts";

/** Rows of an XLSForm's `survey` and `choices` sheets (as CSV, with their header names). */
export type XlsRow = Record<string, string>;

const labelOf = (row: XlsRow, language: string): string =>
  row[`label::${language}`] ??
  Object.entries(row).find(([key]) => key.startsWith("label"))?.[1] ??
  row.name ??
  "";

const typeOf = (row: XlsRow) => (row.type ?? "").trim().split(/\s+/);

/**
 * Drafts a column mapping from a form definition: the `today`/`start`/`date` question gives the date,
 * the first `geopoint` the location, text questions on telephone/phone/name/email the contact (to be
 * sealed), the remaining free-text questions the description (each answer headed by its question), and select questions naming a place
 * (neighbourhood, district, village, location …) the place, shown by their choice labels.
 * Administrators review the draft before saving it.
 */
export const suggestMapping = (
  survey: readonly XlsRow[],
  choices: readonly XlsRow[],
  options: { iso3?: string; category?: string; language?: string } = {},
): TFormMapping => {
  const language = options.language ?? "English (en)";
  const questions = survey.filter(
    (row) => row.name && !["begin_group", "end_group", "note"].includes(typeOf(row)[0] ?? ""),
  );
  const named = (pattern: RegExp, types: string[]) =>
    questions.find((row) => types.includes(typeOf(row)[0] ?? "") && pattern.test(row.name ?? ""))?.name;
  const byType = (type: string) => questions.find((row) => typeOf(row)[0] === type)?.name;

  const phone = named(/phone|telephone|mobile/i, ["text", "integer"]);
  const email = named(/e-?mail/i, ["text"]);
  const name = named(/(^|_)(respondent_)?name$|full_?name/i, ["text"]);
  const contactNames = new Set([phone, email, name].filter(Boolean));
  const descriptionQuestions = questions.filter(
    (row) => typeOf(row)[0] === "text" && !contactNames.has(row.name),
  );
  const description = descriptionQuestions.map((row) => row.name as string);
  // A place question is a select_one whose choice list names places (the question name alone misleads:
  // "water_supply_rest_neighbourhood" rates a service).
  const PLACE =
    /neighbou?rhood|district|village|locality|governorate|province|city|town|camp|settlement|area/i;
  const placeQuestions = questions.filter(
    (row) =>
      typeOf(row)[0] === "select_one" && PLACE.test(typeOf(row)[1] ?? "") && PLACE.test(row.name ?? ""),
  );
  const labels: Record<string, Record<string, string>> = {};
  for (const question of placeQuestions) {
    const list = typeOf(question)[1];
    labels[question.name as string] = Object.fromEntries(
      choices
        .filter((choice) => choice.list_name === list)
        .map((choice) => [choice.name ?? "", labelOf(choice, language)]),
    );
  }
  const date = byType("today") ?? byType("start") ?? byType("date");
  const geopoint = byType("geopoint");
  return {
    id: "_uuid",
    ...(date ? { date } : {}),
    description: description.length ? description : ["_uuid"],
    category: { values: {}, default: options.category ?? "other" },
    ...(geopoint ? { geopoint } : {}),
    place: placeQuestions.map((row) => row.name as string).slice(0, 2),
    ...(options.iso3 ? { country: { iso3: options.iso3, codes: "iso3" as const } } : {}),
    contact: { ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
    labels,
    questions: Object.fromEntries(
      descriptionQuestions.map((row) => [row.name as string, labelOf(row, language).slice(0, 500)]),
    ),
  };
};
