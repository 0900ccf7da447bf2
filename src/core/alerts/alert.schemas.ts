import { z } from "zod";
import type { Action } from "../access/policies.ts";
import { ZClearance } from "../access/vocabulary.ts";
import { ZIso3 } from "../analyses/analysis.schemas.ts";

export const severities = ["low", "medium", "high", "critical"] as const;
export const ZSeverity = z.enum(severities);
export type Severity = z.infer<typeof ZSeverity>;
export const severityRank = (severity: Severity): number => severities.indexOf(severity);
export const higherSeverity = (a: Severity, b: Severity): Severity =>
  severityRank(a) >= severityRank(b) ? a : b;

/** new → acknowledged → assessed → decided (decision recorded) → action (under way) → closed. */
export const alertStatuses = ["new", "acknowledged", "assessed", "decided", "action", "closed"] as const;
const ZAlertStatus = z.enum(alertStatuses);
export type AlertStatus = z.infer<typeof ZAlertStatus>;

/** Statuses before a decision: the deadline applies to them, and they escalate when it passes. */
const undecidedStatuses: readonly AlertStatus[] = ["new", "acknowledged", "assessed"];

/** Hours from raising to the decision, by severity. */
export const decisionHours: Record<Severity, number> = { critical: 24, high: 72, medium: 168, low: 336 };
export const HOUR = 3_600_000;
export const deadlineFor = (severity: Severity, raisedAt: Date): Date =>
  new Date(raisedAt.getTime() + decisionHours[severity] * HOUR);

/** Level 0 is the desk officer, 1 the desk's supervisor, 2 the owning organisation's administrators. */
const MAX_ESCALATION_LEVEL = 2;

export const isOverdue = (alert: { status: AlertStatus; deadline: Date }, now: Date): boolean =>
  undecidedStatuses.includes(alert.status) && now.getTime() > alert.deadline.getTime();

/** Who an escalation told besides the owner: a level with nobody to read the alert is no one told. */
export const escalationReaches = [
  "supervisor",
  "administrators",
  "supervisor_and_administrators",
  "nobody",
] as const;
export type EscalationReach = (typeof escalationReaches)[number];

/**
 * The level an undecided alert should have reached at `now`: one level as the deadline passes, and one
 * more each further decision period, up to the top.
 */
export const dueEscalationLevel = (
  alert: { status: AlertStatus; deadline: Date; severity: Severity },
  now: Date,
): number => {
  if (!isOverdue(alert, now)) return 0;
  const periods = Math.floor(
    (now.getTime() - alert.deadline.getTime()) / (decisionHours[alert.severity] * HOUR),
  );
  return Math.min(MAX_ESCALATION_LEVEL, 1 + periods);
};

/**
 * The step each lifecycle action takes. Every alert ends with a recorded decision: closing comes after one
 * (a false alarm is decided as such, with the options weighed), never straight from new.
 */
export const transitions = {
  acknowledge: { from: ["new"], to: "acknowledged" },
  assess: { from: ["new", "acknowledged"], to: "assessed" },
  decide: { from: ["acknowledged", "assessed"], to: "decided" },
  act: { from: ["decided"], to: "action" },
  close: { from: ["decided", "action"], to: "closed" },
} as const satisfies Record<string, { from: readonly AlertStatus[]; to: AlertStatus }>;
export type AlertStep = keyof typeof transitions;

/** The grant each step needs, besides belonging to the owning desk's organisation. */
export const stepGrants: Record<AlertStep, Action> = {
  acknowledge: "alert.decide",
  assess: "alert.assess",
  decide: "alert.decide",
  act: "alert.decide",
  close: "alert.decide",
};

const ZCause = z
  .string()
  .trim()
  // Any language's words, lower case where the script has case: people name causes in their own language.
  .regex(
    /^[\p{Ll}\p{Lo}\p{Lm}\p{Mn}\p{Nd}_:.-]+$/u,
    "lower-case words joined by _ : . or -, e.g. report_surge",
  )
  .max(120);

export const ZRaiseAlert = z.object({
  iso3: ZIso3,
  cause: ZCause.default("manual"),
  severity: ZSeverity,
  source: z.string().trim().min(1).max(200).default("person"),
  summary: z.string().trim().min(3).max(1000),
  details: z.record(z.string(), z.unknown()).default({}),
  /** Who may read it besides the desk: a person's alert is restricted unless they say otherwise. */
  clearance: ZClearance.optional(),
});
export type TRaiseAlert = z.input<typeof ZRaiseAlert>;

/** Hands an alert to another person of the owning desk's organisation. */
export const ZAssignAlert = z.object({ userId: z.uuid(), note: z.string().trim().max(2000).default("") });
export type TAssignAlert = z.input<typeof ZAssignAlert>;

export const ZAlertStepInput = {
  acknowledge: z.object({ note: z.string().max(4000).default("") }),
  assess: z.object({ assessment: z.string().trim().min(3).max(20_000) }),
  decide: z.object({
    options: z.array(z.string().trim().min(1).max(1000)).min(1).max(20),
    decision: z.string().trim().min(3).max(4000),
    rationale: z.string().trim().min(3).max(20_000),
  }),
  act: z.object({ note: z.string().trim().min(3).max(4000) }),
  close: z.object({ outcome: z.string().trim().min(3).max(8000) }),
} as const;

const ZMeasure = z.enum(["p_ge25", "p_gt0"]);
const ZHorizon = z.number().int().min(1).max(36);
/** Months between the data's last month (a forecast's origin) and now beyond which a rule raises nothing. */
const ZMaxDataAge = z.number().int().min(0).max(600).default(6);

/**
 * What a rule watches, as data. Each kind is one member of the union: adding a kind means adding a member
 * here and an evaluator in services/alerts/rule-evaluators.ts. `report_surge` and `missed_commitment` are
 * raised by the capabilities that hold those records (they call raiseAlert with the rule's thresholds).
 */
export const ZAlertRuleDefinition = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("forecast_threshold"),
    measure: ZMeasure.default("p_ge25"),
    threshold: z.number().gt(0).max(1),
    maxHorizon: ZHorizon.default(3),
    maxDataAgeMonths: ZMaxDataAge,
  }),
  z.object({
    kind: z.literal("forecast_jump"),
    measure: ZMeasure.default("p_ge25"),
    increase: z.number().gt(0).max(1),
    maxHorizon: ZHorizon.default(3),
    maxDataAgeMonths: ZMaxDataAge,
  }),
  z.object({
    kind: z.literal("fatalities_above_range"),
    lookbackMonths: z.number().int().min(3).max(120).default(24),
    minFatalities: z.number().int().min(0).default(25),
    maxDataAgeMonths: ZMaxDataAge,
  }),
  z.object({
    kind: z.literal("risk_factor_severe"),
    factorCodes: z.array(z.string().min(1).max(20)).max(100).default([]),
  }),
  z.object({
    kind: z.literal("report_surge"),
    minReports: z.number().int().min(1),
    windowDays: z.number().int().min(1).max(90).default(7),
  }),
  z.object({
    kind: z.literal("missed_commitment"),
    graceDays: z.number().int().min(0).max(365).default(0),
  }),
]);
export type TAlertRuleDefinition = z.infer<typeof ZAlertRuleDefinition>;
export type AlertRuleKind = TAlertRuleDefinition["kind"];

const alertRuleFields = {
  name: z.string().trim().min(3).max(200),
  enabled: z.boolean(),
  severity: ZSeverity,
  definition: ZAlertRuleDefinition,
};
export const ZAlertRuleInput = z.object({
  ...alertRuleFields,
  enabled: alertRuleFields.enabled.default(true),
});
export type TAlertRuleInput = z.input<typeof ZAlertRuleInput>;
/** Only the fields given change: no default may switch a rule back on. */
export const ZAlertRuleUpdate = z.object(alertRuleFields).partial();

export const ZAlertRule = z.object({
  id: z.uuid(),
  name: z.string(),
  enabled: z.boolean(),
  severity: ZSeverity,
  definition: ZAlertRuleDefinition,
  updatedAt: z.string(),
});
export type TAlertRule = z.infer<typeof ZAlertRule>;

export const ZDeskInput = z.object({
  iso3: z.union([ZIso3, z.literal("*")]),
  orgId: z.uuid(),
  userId: z.uuid().nullable().default(null),
  escalationUserId: z.uuid().nullable().default(null),
});
export type TDeskInput = z.input<typeof ZDeskInput>;

const ZPerson = z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable();

export const ZDesk = z.object({
  iso3: z.string(),
  org: z.object({ id: z.uuid(), name: z.string() }),
  person: ZPerson,
  escalationPerson: ZPerson,
});
export type TDesk = z.infer<typeof ZDesk>;

/**
 * What the platform says when it raises an alert itself, as a key and figures rather than a sentence:
 * the web words it in the reader's language, and the stored summary (for e-mail, the CLI and search) is
 * its English wording.
 */
export const ZAlertMessage = z.discriminatedUnion("key", [
  z.object({
    key: z.literal("forecast_threshold"),
    measure: ZMeasure,
    probability: z.number(),
    month: z.string(),
    threshold: z.number(),
  }),
  z.object({
    key: z.literal("forecast_jump"),
    measure: ZMeasure,
    from: z.number(),
    to: z.number(),
    previousOrigin: z.string(),
  }),
  z.object({
    key: z.literal("fatalities_above_range"),
    fatalities: z.number(),
    month: z.string(),
    months: z.number().int(),
    previousHighest: z.number(),
  }),
  z.object({ key: z.literal("risk_factor_severe"), factorCode: z.string() }),
  z.object({
    key: z.literal("voices_surge"),
    count: z.number().int(),
    month: z.string(),
    /** Null when the baseline months hold too few reports to show (their count, and the ratio, would give it away). */
    ratio: z.number().nullable(),
    baselineMonths: z.number().int(),
    baseline: z.number().nullable(),
  }),
]);
export type TAlertMessage = z.infer<typeof ZAlertMessage>;

const ZAlertEvent = z.object({
  at: z.string(),
  kind: z.string(),
  actor: z.string(),
  note: z.string(),
  data: z.unknown(),
});

const ZDecision = z.object({
  options: z.array(z.string()),
  decision: z.string(),
  rationale: z.string(),
  decidedBy: z.string(),
});
export type TDecision = z.infer<typeof ZDecision>;

export const ZAlert = z.object({
  id: z.uuid(),
  iso3: z.string(),
  cause: z.string(),
  severity: ZSeverity,
  source: z.string(),
  summary: z.string(),
  message: ZAlertMessage.nullable().describe(
    "set when the platform raised the alert: the summary as a key and figures",
  ),
  details: z.record(z.string(), z.unknown()),
  status: ZAlertStatus,
  clearance: ZClearance,
  owner: z.object({
    orgId: z.uuid(),
    orgName: z.string(),
    userId: z.uuid().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
  }),
  raisedAt: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
  escalationLevel: z.number(),
  occurrences: z.number(),
  lastSeenAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  assessedAt: z.string().nullable(),
  assessment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decision: ZDecision.nullable(),
  actionAt: z.string().nullable(),
  actionNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
});
export type TAlert = z.infer<typeof ZAlert>;

export const ZAlertDetail = ZAlert.extend({ timeline: z.array(ZAlertEvent) });
export type TAlertDetail = z.infer<typeof ZAlertDetail>;

export const ZAlertQuery = z.object({
  scope: z.enum(["all", "mine", "desk", "overdue"]).default("all"),
  status: z.enum([...alertStatuses, "open"]).optional(),
  iso3: ZIso3.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type TAlertQuery = z.input<typeof ZAlertQuery>;

const ZEscalation = z.object({
  alertId: z.uuid(),
  iso3: z.string(),
  fromLevel: z.number(),
  toLevel: z.number(),
  notified: z.number(),
});
export type TEscalation = z.infer<typeof ZEscalation>;

/** The escalations the caller may read, and how many others were escalated in the same run. */
export const ZEscalationReport = z.object({ escalations: z.array(ZEscalation), unreadable: z.number() });
export type TEscalationReport = z.infer<typeof ZEscalationReport>;
