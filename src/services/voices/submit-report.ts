import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Clearance } from "../../core/access/vocabulary.ts";
import { conflict, invalid } from "../../core/shared/errors.ts";
import { formatReceipt, normaliseReceipt, RECEIPT_RANDOM_BYTES } from "../../core/voices/receipt.ts";
import {
  type ReportChannel,
  type ReportStatus,
  type SubmitReport,
  ZSubmitReport,
} from "../../core/voices/report.schemas.ts";
import { reportDateProblem, shiftDays } from "../../core/voices/report-date.ts";
import { bestDuplicate, DUPLICATE_WINDOW_DAYS } from "../../core/voices/similarity.ts";
import type { Db } from "../../db/types.ts";
import {
  countryAt,
  pointNearAnyCountry,
  pointNearCountry,
} from "../../repositories/voices/country-borders.ts";
import { seal, unseal } from "../../repositories/voices/envelope.ts";
import { listCategories } from "../../repositories/voices/forms.repository.ts";
import {
  countryByNumeric,
  countryCount,
  countryExists,
  isoNumericOf,
} from "../../repositories/voices/gazetteer.repository.ts";
import {
  duplicateCandidates,
  findReportBySource,
  insertReport,
  type NewReport,
} from "../../repositories/voices/reports.repository.ts";
import { inTransaction } from "../shared/context.ts";
import { locateReport } from "./locate-report.ts";
import type { SealedPayload } from "./sealed-payload.ts";
import { auditPublic, type PublicContext, type VoicesDeps } from "./voices-context.ts";

/** Where a report came from and who receives it; set by the channel, never by the reporter. */
type Intake = {
  channel: ReportChannel;
  ownerOrgId: string;
  clearance?: Clearance;
  formId?: string | null;
  sourceRef?: string | null;
  status?: ReportStatus;
  answers?: Record<string, string>;
  /** An import's summary of the answers (see summariseAnswers); a reporter's own text needs none. */
  summary?: string;
  fromMap?: boolean;
};

/** `located`: the report has a place on the map (coordinates, or a name the gazetteer knows). */
type SubmitResult = { id: string; receipt: string; created: boolean; located: boolean };

export const receiptHash = (normalised: string): string =>
  createHash("sha256").update(normalised).digest("hex");

/**
 * What is wrong with a report's point, if anything. A point inside another country than the one given is a slip
 * of the map or of the country list: say which to correct. Without a country the point alone places the report:
 * at sea it would count in no country's signals.
 */
const coordinatesProblem = async (db: Db, input: SubmitReport): Promise<string | null> => {
  const { iso3, latitude, longitude } = input;
  if (latitude === undefined || longitude === undefined) return null;
  if (!iso3) {
    return pointNearAnyCountry(latitude, longitude)
      ? null
      : "the point lies outside any country (at sea?): correct it, or leave the coordinates out";
  }
  const numeric = await isoNumericOf(db, iso3);
  if (numeric === null || pointNearCountry(numeric, latitude, longitude) !== false) return null;
  const other = countryAt(latitude, longitude);
  const found = other === undefined ? undefined : await countryByNumeric(db, other);
  const where =
    other === undefined
      ? "outside any country (at sea?)"
      : `in ${found ? `${found.name} (${found.iso3})` : "another country"}`;
  return `the point lies ${where}, not in ${iso3}`;
};

/** The checks that need data (categories, countries, the clock), after the shape checks of the schema. */
const checkAgainstData = async (
  db: Db,
  input: SubmitReport,
  today: string,
  channel: ReportChannel,
): Promise<void> => {
  const problems: { field: string; message: string }[] = [];
  const dateProblem = reportDateProblem(input.date, today, channel);
  if (dateProblem) problems.push({ field: "date", message: dateProblem });
  const categories = await listCategories(db);
  if (!categories.some((c) => c.code === input.category)) {
    problems.push({
      field: "category",
      message: `unknown category; one of ${categories.map((c) => c.code).join(", ")}`,
    });
  }
  if (input.iso3 && (await countryCount(db)) > 0 && !(await countryExists(db, input.iso3))) {
    problems.push({ field: "iso3", message: "no country with this code" });
  } else {
    const misplaced = await coordinatesProblem(db, input);
    if (misplaced) problems.push({ field: "coordinates", message: misplaced });
  }
  if (problems.length) throw invalid("The report is not valid.", problems);
};

export type PreparedReport = { report: NewReport; receipt: string; input: SubmitReport; intake: Intake };

/**
 * Everything about a report that needs no transaction: validation against the schema and the data,
 * place lookup, receipt, and sealing of the identifying fields. Throws on invalid input.
 */
export const prepareReport = async (
  ctx: PublicContext,
  deps: VoicesDeps,
  raw: unknown,
  intake: Intake,
): Promise<PreparedReport> => {
  const input = ZSubmitReport.parse(raw);
  await checkAgainstData(ctx.db, input, ctx.now().toISOString().slice(0, 10), intake.channel);
  const located = await locateReport(ctx.db, { ...input, fromMap: intake.fromMap ?? false });
  const id = randomUUID();
  const receipt = formatReceipt(randomBytes(RECEIPT_RANDOM_BYTES));
  const contact = input.contact ?? {};
  const payload: SealedPayload = {
    receipt,
    contact,
    description: input.description,
    answers: intake.answers ?? {},
  };
  return {
    receipt,
    input,
    intake,
    report: {
      id,
      ownerOrgId: intake.ownerOrgId,
      clearance: intake.clearance ?? "restricted",
      receiptHash: receiptHash(normaliseReceipt(receipt) as string),
      channel: intake.channel,
      formId: intake.formId ?? null,
      sourceRef: intake.sourceRef || null,
      category: input.category,
      description: input.description,
      summary: intake.summary ?? null,
      language: input.language ?? "en",
      date: input.date,
      place: input.place ?? null,
      ...located,
      status: intake.status ?? "new",
      possibleDuplicateOf: null,
      duplicateScore: null,
      hasContact: Boolean(contact.name || contact.phone || contact.email),
      sealed: seal(deps.keyring, id, payload),
      submittedAt: ctx.now(),
    },
  };
};

/**
 * Stores a prepared report inside the caller's transaction: near-duplicate scoring against earlier
 * reports, the insert, and the audit entry. False when the source id is already stored.
 */
export const storeReport = async (tx: PublicContext, prepared: PreparedReport): Promise<boolean> => {
  const { report, input } = prepared;
  const candidates = await duplicateCandidates(tx.db, {
    ownerOrgId: report.ownerOrgId,
    iso3: report.iso3,
    from: shiftDays(input.date, -DUPLICATE_WINDOW_DAYS),
    to: shiftDays(input.date, DUPLICATE_WINDOW_DAYS),
    limit: 200,
  });
  const duplicate = bestDuplicate(
    {
      id: report.id,
      // As the candidates are compared: by the answers, not the questions, of a form's submission.
      description: report.summary ?? report.description,
      date: report.date,
      iso3: report.iso3,
      latitude: report.latitude,
      longitude: report.longitude,
      place: report.place,
    },
    candidates,
  );
  const inserted = await insertReport(tx.db, {
    ...report,
    possibleDuplicateOf: duplicate?.id ?? null,
    duplicateScore: duplicate ? Math.round(duplicate.score * 1000) / 1000 : null,
  });
  if (!inserted) return false;
  // The audit entry says what arrived and where, never who sent it or what they wrote.
  await auditPublic(tx, report.ownerOrgId, {
    action: "voices.submit",
    entityType: "voices_reports",
    entityId: report.id,
    after: {
      channel: report.channel,
      formId: report.formId,
      category: report.category,
      iso3: report.iso3,
      status: report.status,
      hasContact: report.hasContact,
    },
  });
  return true;
};

/** The receipt of a submission already stored under the same source id, if any. */
export const storedSubmission = async (
  ctx: PublicContext,
  deps: VoicesDeps,
  intake: Intake,
): Promise<SubmitResult | undefined> => {
  if (!intake.sourceRef) return undefined;
  const found = await findReportBySource(ctx.db, {
    ownerOrgId: intake.ownerOrgId,
    channel: intake.channel,
    formId: intake.formId ?? null,
    sourceRef: intake.sourceRef,
  });
  if (!found) return undefined;
  return {
    id: found.id,
    receipt: unseal<SealedPayload>(deps.keyring, found.id, found).receipt,
    created: false,
    located: found.locationSource !== "none",
  };
};

/**
 * Stores one report from any channel, all or nothing. A submission whose source id is already stored
 * (gateway retry, re-import) is not stored again: its original receipt is returned.
 */
export const submitReport = async (
  ctx: PublicContext,
  deps: VoicesDeps,
  raw: unknown,
  intake: Intake,
): Promise<SubmitResult> => {
  const earlier = await storedSubmission(ctx, deps, intake);
  if (earlier) return earlier;
  const prepared = await prepareReport(ctx, deps, raw, intake);
  const inserted = await inTransaction(ctx, (tx) => storeReport(tx, prepared));
  if (inserted)
    return {
      id: prepared.report.id,
      receipt: prepared.receipt,
      created: true,
      located: prepared.report.locationSource !== "none",
    };
  const stored = await storedSubmission(ctx, deps, intake);
  if (!stored) throw conflict("The report could not be stored; please send it again.");
  return stored;
};
