import { z } from "zod";
import { ZClearance } from "../access/vocabulary.ts";
import { ZDay } from "../shared/calendar.schemas.ts";
import { ZLanguage } from "../shared/languages.ts";

/** Statuses of the triage queue; a new report starts at `new`. */
export const reportStatuses = ["new", "verified", "unverified", "false", "duplicate"] as const;
export const ZReportStatus = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof ZReportStatus>;

export const reportChannels = ["web", "api", "sms", "kobo", "ushahidi", "feed"] as const;
const ZReportChannel = z.enum(reportChannels);
/**
 * Channels whose reporter can be answered: the web form and the API hand out a receipt code, SMS has the phone.
 * Reports imported from KoboToolbox, Ushahidi or a feed come without either.
 */
export const answerableChannels: readonly ReportChannel[] = ["web", "api", "sms"];
export type ReportChannel = z.infer<typeof ZReportChannel>;

const locationSources = ["coordinates", "map", "gazetteer", "capital", "country", "none"] as const;
export type LocationSource = (typeof locationSources)[number];

const LIMITS = { description: 5000, place: 200, name: 200, note: 5000, reply: 1000 } as const;

/**
 * Text must arrive as valid UTF-8: a decoder replaces broken bytes with U+FFFD, which we refuse rather
 * than store a garbled report. Control characters other than tab and newlines are refused as well.
 */
const cleanText = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((value) => !value.includes("\uFFFD"), "the text is not valid UTF-8 (wrong encoding)")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), "control characters")
    .transform((value) => value.normalize("NFC").trim());

export const ZCategoryCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, "a category code such as armed_violence");
export const ZIso3 = z.string().regex(/^[A-Z]{3}$/, "an ISO 3166-1 alpha-3 code in capitals, e.g. SYR");

const ZPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{4,24}$/, "a phone number of digits, optionally starting with +");

const ZContact = z
  .object({
    name: cleanText(LIMITS.name).optional(),
    phone: ZPhone.optional(),
    email: z.email().max(200).optional(),
  })
  .strict();
export type TContact = z.infer<typeof ZContact>;

/** What a reporter sends (web form, API, and after mapping, SMS and imports). */
export const ZSubmitReport = z
  .object({
    category: ZCategoryCode,
    description: cleanText(LIMITS.description).pipe(z.string().min(3, "describe what happened")),
    iso3: ZIso3.optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    place: cleanText(LIMITS.place).optional(),
    date: ZDay,
    language: ZLanguage.optional(),
    contact: ZContact.optional(),
  })
  .strict()
  .refine((input) => (input.latitude === undefined) === (input.longitude === undefined), {
    message: "give both latitude and longitude, or neither",
    path: ["longitude"],
  });
export type SubmitReport = z.output<typeof ZSubmitReport>;

export const ZReceiptCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{12,20}$/, "a receipt code such as K7QF-2M9X-WD4R");

export const ZReceipt = z.object({ receipt: z.string() });

/** All a reporter can learn with a receipt: never anything about other people. */
export const ZReceiptStatus = z.object({
  status: ZReportStatus,
  reply: z.string().nullable(),
  replies: z.array(z.object({ body: z.string(), at: z.string() })),
  submittedAt: z.string(),
  category: z.string(),
});
export type TReceiptStatus = z.infer<typeof ZReceiptStatus>;

/** A report as staff of the receiving organisation see it. */
export const ZVoicesReport = z.object({
  id: z.uuid(),
  ownerOrgId: z.uuid(),
  clearance: ZClearance,
  channel: ZReportChannel,
  formId: z.string().nullable(),
  category: z.string(),
  factors: z.array(z.number().int()),
  description: z.string(),
  /** What a list shows instead of the text's beginning: an imported form's answers without their questions. */
  summary: z.string().nullable(),
  redacted: z.boolean(),
  language: z.string(),
  date: z.string(),
  iso3: z.string().nullable(),
  place: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** True when the location shown is the PRIO-GRID cell centre, not the point reported. */
  coarsened: z.boolean(),
  priogridGid: z.number().int().nullable(),
  adm1: z.string().nullable(),
  adm2: z.string().nullable(),
  locationSource: z.string(),
  status: ZReportStatus,
  duplicateOf: z.uuid().nullable(),
  possibleDuplicateOf: z.uuid().nullable(),
  duplicateScore: z.number().nullable(),
  assignedTo: z.uuid().nullable(),
  hasContact: z.boolean(),
  submittedAt: z.string(),
  updatedAt: z.string(),
});
export type TVoicesReport = z.infer<typeof ZVoicesReport>;

const ZReportNote = z.object({ id: z.uuid(), author: z.string(), body: z.string(), at: z.string() });
export const ZReportReply = z.object({
  id: z.uuid(),
  body: z.string(),
  channel: z.enum(["receipt", "sms"]),
  delivery: z.enum(["shown", "queued", "sent"]),
  at: z.string(),
});
export const ZReportDetail = ZVoicesReport.extend({
  notes: z.array(ZReportNote),
  replies: z.array(ZReportReply),
});
export type TReportDetail = z.infer<typeof ZReportDetail>;

export const ZTriageChange = z
  .object({
    status: ZReportStatus.optional(),
    duplicateOf: z.uuid().nullable().optional(),
    category: ZCategoryCode.optional(),
    assignedTo: z.uuid().nullable().optional(),
    iso3: ZIso3.nullable().optional(),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    clearance: ZClearance.optional(),
    note: cleanText(LIMITS.note).optional(),
  })
  .strict()
  .refine((input) => input.status !== "duplicate" || Boolean(input.duplicateOf), {
    message: "name the report this one duplicates",
    path: ["duplicateOf"],
  })
  // An original named without marking the report a duplicate would be dropped without a word.
  .refine((input) => !input.duplicateOf || input.status === "duplicate", {
    message: "set the status to duplicate as well",
    path: ["status"],
  });
export type TTriageChange = z.input<typeof ZTriageChange>;

export const ZReplyInput = z.object({
  body: cleanText(LIMITS.reply).pipe(z.string().min(1, "write a reply")),
});
export const ZRedactInput = z.object({
  description: cleanText(LIMITS.description).pipe(z.string().min(1)),
});

export const ZQueueQuery = z.object({
  status: ZReportStatus.optional(),
  category: ZCategoryCode.optional(),
  iso3: ZIso3.optional(),
  channel: ZReportChannel.optional(),
  assignedTo: z.union([z.uuid(), z.literal("me")]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TQueueQuery = z.infer<typeof ZQueueQuery>;

/** The queue's filters that choose which reports a map shows: every match, not a page of them. */
export const ZPointsQuery = ZQueueQuery.pick({ status: true, category: true, iso3: true, channel: true });
export type TPointsQuery = z.infer<typeof ZPointsQuery>;

/**
 * A report as a point on a map: where, what and when, nothing of the reporter or their words. Outside the
 * receiving organisation the place is the PRIO-GRID cell's centre, as in the queue.
 */
export const ZReportPoint = z.object({
  id: z.uuid(),
  iso3: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  coarsened: z.boolean(),
  category: z.string(),
  status: ZReportStatus,
  /** The month of the incident (YYYY-MM). */
  month: z.string(),
});
export type TReportPoint = z.infer<typeof ZReportPoint>;

/**
 * Reports gathered in one grid cell of the map, drawn at their mean place; the country when they all lie in
 * one. Outside the receiving organisation each report counts at its PRIO-GRID cell's centre (coarsened).
 */
export const ZReportCluster = z.object({
  latitude: z.number(),
  longitude: z.number(),
  count: z.number().int().positive(),
  iso3: z.string().nullable(),
  coarsened: z.boolean(),
});
export type TReportCluster = z.infer<typeof ZReportCluster>;

/** The map's reports: each one (`points`), or, past a few thousand, gathered by grid cell (`clusters`). */
export const ZReportMap = z.object({
  total: z.number().int().nonnegative(),
  points: z.array(ZReportPoint),
  clusters: z.array(ZReportCluster),
});
export type TReportMap = z.infer<typeof ZReportMap>;

/** Revealed identifying fields of a report: only for the cleared, and each reveal is audit-logged. */
export const ZRevealed = z.object({
  contact: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  originalDescription: z.string(),
  answers: z.record(z.string(), z.string()),
});
export type TRevealed = z.infer<typeof ZRevealed>;

export const ZCategory = z.object({
  code: z.string(),
  label: z.string(),
  factors: z.array(z.number().int().min(1).max(14)),
});
export type TCategory = z.infer<typeof ZCategory>;

/** Verified reports by country-month and grid-month; counts under the minimum cell size are withheld. */
export const ZSignals = z.object({
  minCellCount: z.number().int(),
  countryMonths: z.array(
    z.object({
      iso3: z.string(),
      month: z.string(),
      category: z.string(),
      count: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  ),
  gridMonths: z.array(
    z.object({
      priogridGid: z.number().int(),
      latitude: z.number(),
      longitude: z.number(),
      iso3: z.string().nullable(),
      month: z.string(),
      count: z.number().nullable(),
      suppressed: z.boolean(),
    }),
  ),
});
export type TSignals = z.infer<typeof ZSignals>;
