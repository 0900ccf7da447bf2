import { ZSeverity } from "../alerts/alert.schemas.ts";
import { addMonthsToDate } from "../shared/months.ts";
import type { TBroughtForwardReason } from "./review.schemas.ts";

/**
 * Spreads every country evenly over the cycle, like the Universal Periodic Review: each gets a planned
 * review month, and the cycle's end as the date by which it must have been reviewed.
 */
export const planCycle = (
  iso3s: readonly string[],
  startsOn: string,
  lengthMonths: number,
): { iso3: string; plannedFor: string; dueOn: string }[] => {
  const sorted = [...new Set(iso3s)].sort();
  const dueOn = addMonthsToDate(startsOn, lengthMonths);
  return sorted.map((iso3, index) => ({
    iso3,
    plannedFor: addMonthsToDate(startsOn, Math.floor((index * lengthMonths) / Math.max(sorted.length, 1))),
    dueOn,
  }));
};

/** Why a country's review is brought forward, or null: a forecast or an open alert crossed the threshold. */
export const bringForwardReason = (
  risk: { probability: number | null; measure: string; topAlertSeverity: string | null },
  threshold: { probability: number; severityReached: boolean },
): string | null => {
  const reasons: string[] = [];
  if (risk.probability !== null && risk.probability >= threshold.probability)
    reasons.push(`forecast ${risk.measure} ${risk.probability.toFixed(2)} ≥ ${threshold.probability}`);
  if (threshold.severityReached) reasons.push(alertReason(risk.topAlertSeverity));
  return joinReasons(reasons);
};

const alertReason = (severity: string | null) => `open ${severity} alert`;
const isAlertReason = (reason: string) => alertPattern.test(reason);
const joinReasons = (reasons: readonly string[]) => (reasons.length ? reasons.join("; ") : null);

const forecastPattern = /^forecast (p_gt0|p_ge25) ([\d.]+) ≥ ([\d.]+)$/;
const alertPattern = /^open (\S+) alert$/;

/** The stored reasons, structured; a part written by no rule here is left out. */
export const parseReasons = (stored: string | null): TBroughtForwardReason[] =>
  (stored ?? "").split("; ").flatMap((part): TBroughtForwardReason[] => {
    const forecast = forecastPattern.exec(part);
    if (forecast)
      return [
        {
          kind: "forecast",
          measure: forecast[1] as "p_gt0" | "p_ge25",
          probability: Number(forecast[2]),
          threshold: Number(forecast[3]),
        },
      ];
    const severity = ZSeverity.safeParse(alertPattern.exec(part)?.[1]);
    return severity.success ? [{ kind: "alert", severity: severity.data }] : [];
  });

/**
 * A stored reason as one reader may see it. The schedule is moved on every alert, but an alert the reader
 * may not see must not show through the reason: its part is replaced by the reader's own most severe open
 * alert when that reaches the threshold, and dropped otherwise.
 */
export const reasonSeenBy = (
  stored: string | null,
  visibleTopAlertSeverity: string | null,
): string | null => {
  if (stored === null) return null;
  const parts = stored.split("; ");
  const kept = parts.filter((part) => !isAlertReason(part));
  if (kept.length < parts.length && visibleTopAlertSeverity !== null)
    kept.push(alertReason(visibleTopAlertSeverity));
  return joinReasons(kept);
};
