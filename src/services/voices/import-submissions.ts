import { ZodError } from "zod";
import { authorize } from "../../core/access/policies.ts";
import type { Clearance } from "../../core/access/vocabulary.ts";
import { DomainError, invalid, notFound } from "../../core/shared/errors.ts";
import { applyMapping, type MappedSubmission, missingColumns, type Row } from "../../core/voices/mapping.ts";
import type { ReportChannel } from "../../core/voices/report.schemas.ts";
import type { SubmissionFormat } from "../../core/voices/submission-format.ts";
import { mapUshahidiRow, USHAHIDI_REQUIRED } from "../../core/voices/ushahidi.ts";
import { findForm } from "../../repositories/voices/forms.repository.ts";
import { resolveCountry } from "../../repositories/voices/gazetteer.repository.ts";
import { parseSubmissions } from "../../repositories/voices/submission-files.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { type PreparedReport, prepareReport, storedSubmission, storeReport } from "./submit-report.ts";
import { intakeContextOf, receivingOrganisation, type VoicesDeps } from "./voices-context.ts";

export type ImportSummary = {
  rows: number;
  created: number;
  alreadyStored: number;
  /** `row` is the line of a CSV file (the header is line 1) or the position of a JSON submission. */
  skipped: { row: number; problems: string[] }[];
};

/** The file rows come from: its format says how a row is counted, its name (when known) is put in errors. */
type ImportFile = { format: SubmissionFormat; name?: string | undefined };

const rowNumber = (file: ImportFile, index: number): number =>
  file.format === "csv" ? index + 2 : index + 1;
const rowLabel = (file: ImportFile, row: number): string =>
  `${file.name ? `${file.name}, ` : ""}${file.format === "csv" ? "line" : "submission"} ${row}`;

/** The file's own problems (its encoding, its shape) name the file too, as its rows' problems do. */
const parseFile = (text: string, file: ImportFile): Row[] => {
  try {
    return parseSubmissions(text, file.format);
  } catch (error) {
    if (!(error instanceof DomainError) || !file.name) throw error;
    throw new DomainError(
      error.code,
      `${file.name}: ${error.message}`,
      error.details.map((d) => ({ ...d, field: `${file.name}, ${d.field}` })),
    );
  }
};

type Source = {
  channel: ReportChannel;
  formId: string | null;
  ownerOrgId: string;
  clearance: Clearance;
  map: (row: Row) => MappedSubmission;
};

const problemsOf = (error: unknown): string[] => {
  if (error instanceof ZodError) return error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`);
  if (error instanceof DomainError)
    return error.details.length ? error.details.map((d) => `${d.field}: ${d.message}`) : [error.message];
  throw error;
};

/**
 * Imports every row of an export as reports, all or nothing: every row is checked first, and one bad row
 * refuses the file (naming the rows) unless `skipInvalid`, in which case bad rows are listed and left
 * out. Rows already stored (same submission id) are checked like the others, counted, and not stored again.
 */
const importRows = async (
  ctx: ServiceContext,
  deps: VoicesDeps,
  source: Source,
  rows: readonly Row[],
  file: ImportFile,
  skipInvalid: boolean,
): Promise<ImportSummary> => {
  const intake = intakeContextOf(ctx);
  const prepared: PreparedReport[] = [];
  const skipped: ImportSummary["skipped"] = [];
  let alreadyStored = 0;
  for (const [index, row] of rows.entries()) {
    const line = rowNumber(file, index);
    const mapped = source.map(row);
    if (!mapped.sourceRef) {
      skipped.push({ row: line, problems: ["no submission id (the mapping's id column is empty)"] });
      continue;
    }
    if (mapped.problems.length > 0) {
      skipped.push({ row: line, problems: mapped.problems });
      continue;
    }
    const meta = {
      channel: source.channel,
      ownerOrgId: source.ownerOrgId,
      clearance: source.clearance,
      formId: source.formId,
      sourceRef: mapped.sourceRef,
      answers: mapped.answers,
      ...(mapped.summary ? { summary: mapped.summary } : {}),
      ...(mapped.status ? { status: mapped.status } : {}),
    };
    try {
      const iso3 = mapped.country
        ? await resolveCountry(ctx.db, mapped.country.code, mapped.country.codes)
        : undefined;
      if (mapped.country && !iso3)
        throw invalid("unknown country", [
          { field: "country", message: `no country ${mapped.country.code}` },
        ]);
      const contact = Object.fromEntries(Object.entries(mapped.contact).filter(([, v]) => v));
      const language =
        mapped.language && ["en", "fr", "ar"].includes(mapped.language) ? mapped.language : undefined;
      const report = await prepareReport(
        intake,
        deps,
        {
          category: mapped.category,
          description: mapped.description,
          ...(iso3 ? { iso3 } : {}),
          ...(mapped.latitude !== undefined && mapped.longitude !== undefined
            ? { latitude: mapped.latitude, longitude: mapped.longitude }
            : {}),
          ...(mapped.place ? { place: mapped.place.slice(0, 200) } : {}),
          ...(mapped.date ? { date: mapped.date } : {}),
          ...(language ? { language } : {}),
          ...(Object.keys(contact).length ? { contact } : {}),
        },
        meta,
      );
      if (await storedSubmission(intake, deps, meta)) alreadyStored += 1;
      else prepared.push(report);
    } catch (error) {
      skipped.push({ row: line, problems: problemsOf(error) });
    }
  }
  if (skipped.length && !skipInvalid) {
    throw invalid(
      `${file.name ? `${file.name}: ` : ""}${skipped.length} of ${rows.length} rows are not valid; nothing was imported (fix them, or import with skip-invalid).`,
      skipped
        .slice(0, 50)
        .flatMap((s) => s.problems.map((message) => ({ field: rowLabel(file, s.row), message }))),
    );
  }
  return inTransaction(intake, async (tx) => {
    let created = 0;
    for (const report of prepared) {
      if (await storeReport(tx, report)) created += 1;
      else alreadyStored += 1;
    }
    const summary = { rows: rows.length, created, alreadyStored, skipped };
    await audit(
      { ...ctx, db: tx.db },
      {
        action: "voices.import",
        // An import is not one report: filed as such, the log would withhold it as a report no one can read.
        entityType: source.formId ? "voices_forms" : "voices_imports",
        entityId: source.formId ?? source.channel,
        orgId: source.ownerOrgId,
        after: { ...summary, skipped: skipped.length },
      },
    );
    return summary;
  });
};

/** A KoboToolbox/ODK (or any mapped feed) export, through the form's saved column mapping. */
export const importFormSubmissions = async (
  ctx: ServiceContext,
  deps: VoicesDeps,
  input: { formId: string; text: string; format: SubmissionFormat; fileName?: string; skipInvalid?: boolean },
): Promise<ImportSummary> => {
  authorize(ctx.actor, "voices.import");
  const form = await findForm(ctx.db, input.formId);
  if (!form || form.ownerOrgId !== ctx.actor.orgId) throw notFound(`Form "${input.formId}"`);
  const rows = parseFile(input.text, { format: input.format, name: input.fileName });
  const missing = missingColumns(rows, form.mapping);
  if (missing.length > 0)
    throw invalid(
      `${input.fileName ? `${input.fileName}: ` : ""}columns the form "${form.id}" reads are missing; nothing was imported.`,
      missing.map(({ column, role }) => ({ field: column, message: `missing column (the ${role})` })),
    );
  return importRows(
    ctx,
    deps,
    {
      channel: form.kind === "feed" ? "feed" : "kobo",
      formId: form.id,
      ownerOrgId: form.ownerOrgId,
      clearance: form.clearance,
      map: (row) => applyMapping(row, form.mapping),
    },
    rows,
    { format: input.format, name: input.fileName },
    input.skipInvalid ?? false,
  );
};

/** An Ushahidi v2 CSV export; reports go to the actor's organisation (or the receiving one for platform admins without one). */
export const importUshahidi = async (
  ctx: ServiceContext,
  deps: VoicesDeps,
  input: { text: string; fileName?: string; skipInvalid?: boolean },
): Promise<ImportSummary> => {
  authorize(ctx.actor, "voices.import");
  const rows = parseFile(input.text, { format: "csv", name: input.fileName });
  const header = new Set(Object.keys(rows[0] ?? {}).map((h) => h.toUpperCase()));
  const missing = USHAHIDI_REQUIRED.filter((column) => !header.has(column));
  if (rows.length && missing.length) {
    throw invalid(
      "This is not an Ushahidi export: columns are missing.",
      missing.map((column) => ({ field: column, message: "missing column" })),
    );
  }
  const ownerOrgId = ctx.actor.orgId ?? (await receivingOrganisation(ctx.db, deps.settings));
  return importRows(
    ctx,
    deps,
    { channel: "ushahidi", formId: null, ownerOrgId, clearance: "restricted", map: mapUshahidiRow },
    rows,
    { format: "csv", name: input.fileName },
    input.skipInvalid ?? false,
  );
};
