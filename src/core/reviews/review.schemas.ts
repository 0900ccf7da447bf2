import { z } from "zod";
import { ZClearance } from "../access/vocabulary.ts";
import { ZAlertMessage, ZSeverity } from "../alerts/alert.schemas.ts";
import { ZIso3 } from "../analyses/analysis.schemas.ts";
import { ZTranslations } from "../frameworks/framework.schemas.ts";
import { ZWebAddress } from "../shared/web-address.schemas.ts";
import { ZForecast } from "../warning/warning.schemas.ts";

export const reviewStatuses = ["draft", "in_review", "adopted"] as const;
export const ZReviewStatus = z.enum(reviewStatuses);
export type ReviewStatus = z.infer<typeof ZReviewStatus>;

/** draft → in review → adopted; a review in review may be sent back to draft; adopted is final. */
export const reviewTransitions: Record<ReviewStatus, readonly ReviewStatus[]> = {
  draft: ["in_review"],
  in_review: ["draft", "adopted"],
  adopted: [],
};

export const riskLevels = ["none", "low", "moderate", "high", "severe"] as const;
export const trends = ["improving", "stable", "worsening", "unknown"] as const;
export const confidences = ["low", "medium", "high"] as const;
const recommendationResponses = ["pending", "supported", "noted"] as const;
export const implementationLevels = ["not_started", "partial", "full"] as const;

const ZEvidenceLink = z.object({
  label: z.string().trim().min(1).max(300),
  url: ZWebAddress,
});

export const ZAssessmentInput = z.object({
  level: z.enum(riskLevels),
  trend: z.enum(trends).default("unknown"),
  confidence: z.enum(confidences),
  evidenceLinks: z.array(ZEvidenceLink).max(50).default([]),
  note: z.string().max(20_000).default(""),
  /**
   * When the assessment being edited was saved (`assessedAt`), or null if there was none: a save based on an
   * older one is refused, so that a colleague's assessment is never overwritten unseen. Left out, the save
   * replaces whatever is stored.
   */
  basedOn: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type TAssessmentInput = z.input<typeof ZAssessmentInput>;

export const ZCreateReview = z.object({
  iso3: ZIso3,
  title: z.string().trim().min(3).max(300).optional(),
  frameworkId: z.uuid().optional(),
  cycleId: z.uuid().optional(),
  /** Who may read it besides its organisation; restricted unless chosen otherwise. */
  clearance: ZClearance.default("restricted"),
});
export type TCreateReview = z.input<typeof ZCreateReview>;

export const ZUpdateReview = z
  .object({ title: z.string().trim().min(3).max(300), findings: z.string().max(100_000) })
  .partial();

export const ZReviewTransition = z.object({ to: ZReviewStatus, note: z.string().max(4000).default("") });

export const ZRecommendationInput = z.object({
  body: z.string().trim().min(3).max(8000),
  addressedTo: z.string().trim().min(2).max(300),
  recommendedBy: z.string().trim().min(2).max(300),
});
export type TRecommendationInput = z.input<typeof ZRecommendationInput>;

export const ZRecommendationResponse = z.object({ response: z.enum(["supported", "noted"]) });

export const ZRecommendationFollowUp = z.object({
  implementation: z.enum(implementationLevels),
  note: z.string().max(8000).default(""),
  reviewId: z.uuid().optional(),
});

export const ZCreateCycle = z.object({
  // Spaces of any kind count as one: "Cycle  2027" and "Cycle 2027" are one name.
  name: z
    .string()
    .trim()
    .min(3)
    .max(200)
    .transform((name) => name.replace(/\s+/g, " ")),
  // Reviews rest on data from 1989 on; a date far outside this century is a typing slip.
  startsOn: z.iso
    .date()
    .refine((date) => date >= "1990-01-01" && date < "2100-01-01", "between 1990 and 2099"),
  lengthMonths: z.number().int().min(1).max(240).optional(),
  frameworkId: z.uuid().optional(),
});
export type TCreateCycle = z.input<typeof ZCreateCycle>;

/** Configurable by administrators: the cycle length and what brings a country's review forward. */
export const ZReviewSettings = z.object({
  cycleMonths: z.number().int().min(1).max(240).default(54),
  bringForward: z
    .object({
      measure: z.enum(["p_ge25", "p_gt0"]).default("p_ge25"),
      probability: z.number().gt(0).max(1).default(0.5),
      alertSeverity: z.enum(["low", "medium", "high", "critical"]).default("high"),
    })
    .default({ measure: "p_ge25", probability: 0.5, alertSeverity: "high" }),
});
export type TReviewSettings = z.infer<typeof ZReviewSettings>;

const ZAssessment = z.object({
  factorCode: z.string(),
  level: z.enum(riskLevels),
  trend: z.enum(trends),
  confidence: z.enum(confidences),
  evidenceLinks: z.array(ZEvidenceLink),
  note: z.string(),
  assessedBy: z.string().nullable(),
  assessedAt: z.string(),
});
export type TAssessment = z.infer<typeof ZAssessment>;

/** One follow-up of a recommendation: what a later review (or, without one, an analyst) found. */
const ZFollowUp = z.object({
  reviewId: z.uuid().nullable(),
  /** The cycle of that review, if it belongs to one. */
  cycleName: z.string().nullable(),
  implementation: z.enum(implementationLevels),
  note: z.string(),
  recordedAt: z.string(),
});
export type TFollowUp = z.infer<typeof ZFollowUp>;

export const ZRecommendation = z.object({
  id: z.uuid(),
  reviewId: z.uuid(),
  iso3: z.string(),
  body: z.string(),
  addressedTo: z.string(),
  recommendedBy: z.string(),
  response: z.enum(recommendationResponses),
  respondedAt: z.string().nullable(),
  implementation: z.enum(implementationLevels).nullable(),
  followUpNote: z.string(),
  followedUpAt: z.string().nullable(),
  followedUpIn: z.uuid().nullable(),
  createdAt: z.string(),
  /** Every follow-up, oldest first; the fields above repeat the latest (or, in `followUps`, this review's). */
  history: z.array(ZFollowUp).default([]),
});
export type TRecommendation = z.infer<typeof ZRecommendation>;

/** One month of the country's forecast in a review's evidence; drivers as the forecast run stored them. */
const ZEvidenceForecastRow = ZForecast.pick({
  month: true,
  horizon: true,
  pGt0: true,
  pGe25: true,
  mean: true,
  q10: true,
  q50: true,
  q90: true,
}).extend({ drivers: z.unknown() });
export type TEvidenceForecastRow = z.infer<typeof ZEvidenceForecastRow>;

/** The evidence gathered for a review, as of `gatheredAt`; frozen when the review is adopted. */
export const ZEvidencePack = z.object({
  gatheredAt: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
  forecast: z
    .object({
      runId: z.uuid(),
      origin: z.string(),
      modelVersion: z.string(),
      rows: z.array(ZEvidenceForecastRow),
    })
    .nullable(),
  months: z.array(
    z.object({
      month: z.string(),
      source: z.string(),
      stateBased: z.number(),
      nonState: z.number().nullable(),
      oneSided: z.number().nullable(),
      events: z.number().nullable(),
    }),
  ),
  /** Events and one-sided deaths are null when no source of the window records them (ViEWS does not). */
  totals: z.object({
    fatalities: z.number(),
    events: z.number().nullable(),
    oneSided: z.number().nullable(),
    /**
     * Months whose deaths come from a source of state-based deaths only (the event data end before them).
     * Packs gathered before this was recorded read as none.
     */
    stateBasedOnly: z.array(z.string()).default([]),
  }),
  topEvents: z.array(
    z.object({
      source: z.string(),
      sourceEventId: z.string(),
      date: z.string(),
      typeOfViolence: z.number().nullable(),
      best: z.number(),
      adm1: z.string().nullable(),
      sideA: z.string().nullable(),
      sideB: z.string().nullable(),
    }),
  ),
  conflicts: z.array(
    z.object({
      conflictId: z.number(),
      year: z.number(),
      sideA: z.string(),
      sideB: z.string(),
      intensityLevel: z.number(),
      territoryName: z.string().nullable(),
    }),
  ),
  indicators: z.array(
    z.object({ code: z.string(), name: z.string(), unit: z.string(), year: z.number(), value: z.number() }),
  ),
  communityReports: z
    .object({
      available: z.boolean().describe("false in packs gathered before community reports were part of them"),
      minCellCount: z.number().int().default(0),
      months: z
        .array(
          z.object({
            month: z.string(),
            category: z.string(),
            count: z.number().int().nullable(),
            suppressed: z.boolean(),
          }),
        )
        .default([]),
    })
    .describe("verified community reports of the last 24 months; counts under minCellCount withheld"),
  openRecommendations: z.array(ZRecommendation),
  openAlerts: z.array(
    z.object({
      id: z.uuid(),
      severity: z.string(),
      status: z.string(),
      summary: z.string(),
      message: ZAlertMessage.nullable()
        .default(null)
        .describe("the platform's own wording, for other languages"),
      raisedAt: z.string(),
    }),
  ),
});
export type TEvidencePack = z.infer<typeof ZEvidencePack>;

export const ZReview = z.object({
  id: z.uuid(),
  iso3: z.string(),
  countryName: z.string().nullable(),
  /** For the country's name in the reader's language (Intl.DisplayNames). */
  countryIso2: z.string().nullable(),
  title: z.string(),
  status: ZReviewStatus,
  cycleId: z.uuid().nullable(),
  framework: z.object({
    id: z.uuid(),
    slug: z.string(),
    version: z.string(),
    title: z.string(),
    titleTranslations: ZTranslations,
  }),
  ownerOrgId: z.uuid(),
  clearance: ZClearance,
  findings: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedBy: z.string().nullable(),
  /** Who submitted it: someone else adopts it (four eyes). */
  submittedById: z.uuid().nullable(),
  submittedAt: z.string().nullable(),
  adoptedBy: z.string().nullable(),
  adoptedAt: z.string().nullable(),
});
export type TReview = z.infer<typeof ZReview>;

export const ZReviewDetail = ZReview.extend({
  assessments: z.array(ZAssessment),
  recommendations: z.array(ZRecommendation),
  /** Earlier reviews' recommendations followed up in this one, as recorded (the evidence pack is a snapshot). */
  followUps: z.array(ZRecommendation),
  evidence: ZEvidencePack.nullable(),
});
export type TReviewDetail = z.infer<typeof ZReviewDetail>;

/** One reason a review was brought forward, for a reader to word in their language. */
const ZBroughtForwardReason = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("forecast"),
    measure: z.enum(["p_gt0", "p_ge25"]),
    probability: z.number(),
    threshold: z.number(),
  }),
  z.object({ kind: z.literal("alert"), severity: ZSeverity }),
]);
export type TBroughtForwardReason = z.infer<typeof ZBroughtForwardReason>;

export const ZScheduleEntry = z.object({
  cycleId: z.uuid(),
  iso3: z.string(),
  countryName: z.string().nullable(),
  plannedFor: z.string(),
  dueOn: z.string(),
  /** The reasons as stored and printed: `forecast p_ge25 0.72 ≥ 0.5; open high alert`. */
  broughtForwardReason: z.string().nullable(),
  broughtForwardReasons: z.array(ZBroughtForwardReason),
  reviewId: z.uuid().nullable(),
  reviewStatus: ZReviewStatus.nullable(),
});
export type TScheduleEntry = z.infer<typeof ZScheduleEntry>;

export const ZCycle = z.object({
  id: z.uuid(),
  name: z.string(),
  startsOn: z.string(),
  lengthMonths: z.number(),
  frameworkId: z.uuid(),
  countries: z.number(),
});
export type TCycle = z.infer<typeof ZCycle>;

/** A review exported with what the reader may see: the framework, and the scenarios and plans they are cleared for. */
export const ZReviewExport = z.object({
  exportedAt: z.string(),
  exportedBy: z.string(),
  review: ZReviewDetail,
  factors: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      translations: ZTranslations,
      category: z.string(),
      description: z.string(),
    }),
  ),
  scenarios: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      clearance: z.string(),
      likelihood: z.string(),
      impact: z.string(),
      narrative: z.string(),
      triggers: z.array(z.string()),
      indicatorsToWatch: z.array(z.string()),
    }),
  ),
  plans: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      clearance: z.string(),
      objective: z.string(),
      activation: z.string(),
      actions: z.array(z.object({ action: z.string(), actor: z.string(), timeline: z.string() })),
    }),
  ),
});
export type TReviewExport = z.infer<typeof ZReviewExport>;
