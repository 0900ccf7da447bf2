import type { TEvidencePack } from "../../core/reviews/review.schemas.ts";
import { addMonths, monthOfInstant } from "../../core/shared/months.ts";
import { suppressSmallCells } from "../../core/voices/protection.ts";
import type { Db } from "../../db/types.ts";
import { listAlerts } from "../../repositories/alerts/alerts.repository.ts";
import {
  countryMonthsInWindow,
  deadliestEvents,
  latestCountryForecast,
  latestDataMonth,
  latestIndicators,
  recentConflicts,
} from "../../repositories/reviews/evidence.repository.ts";
import { listOpenRecommendations } from "../../repositories/reviews/reviews.repository.ts";
import { countryMonthCounts } from "../../repositories/voices/signals.repository.ts";
import { sharedDatasetIds } from "../data/shared-datasets.ts";
import { readRecommendations } from "./review-view.ts";

/**
 * What the pack is gathered with beyond the database: the smallest count of community reports it may
 * show, as for every aggregate that leaves the receiving organisation (every reader of the review sees it).
 */
export type EvidenceSettings = { minCellCount: number };

/**
 * Gathers what a review starts from: the latest forecast with its uncertainty and drivers, the last 24
 * months of recorded violence (ending at the country's latest month of data, which the pack states),
 * the deadliest events, active conflicts, the latest indicators, verified community reports of the last
 * 24 months by month and category (counts under the minimum withheld), open alerts and the recommendations of earlier reviews still open.
 */
export const buildEvidencePack = async (
  db: Db,
  iso3: string,
  reviewId: string | null,
  now: Date,
  settings: EvidenceSettings,
): Promise<TEvidencePack> => {
  const thisMonth = monthOfInstant(now);
  const to = (await latestDataMonth(db, iso3)) ?? thisMonth;
  const from = addMonths(to, -23);
  const [forecast, months, topEvents, conflicts, indicators, communityReports, openRecommendations, alerts] =
    await Promise.all([
      latestCountryForecast(db, iso3),
      countryMonthsInWindow(db, iso3, from, to),
      deadliestEvents(db, iso3, from, to),
      recentConflicts(db, iso3),
      // Every organisation's reviews rest on the same indicators: the bundled ones, not an organisation's file.
      latestIndicators(db, iso3, sharedDatasetIds()),
      // Reports arrive now, whatever month the conflict data end in: they cover the 24 months to today.
      countryMonthCounts(db, { iso3, from: `${addMonths(thisMonth, -23)}-01`, to: `${thisMonth}-01` }),
      listOpenRecommendations(db, iso3, reviewId),
      // The pack is read by everyone who may read the review: only public alerts belong in it.
      listAlerts(db, { reader: "public", iso3, status: "open", limit: 50 }),
    ]);
  // Several sources can cover one month; totals use the larger figure per month, as alert rules do.
  type MonthTotal = { fatalities: number; events: number | null; oneSided: number | null; allTypes: boolean };
  const perMonth = new Map<string, MonthTotal>();
  for (const row of months) {
    const total = row.stateBased + (row.nonState ?? 0) + (row.oneSided ?? 0);
    const current = perMonth.get(row.month);
    if (!current || total > current.fatalities)
      perMonth.set(row.month, {
        fatalities: total,
        events: row.events ?? current?.events ?? null,
        oneSided: row.oneSided ?? current?.oneSided ?? null,
        allTypes: row.nonState !== null && row.oneSided !== null,
      });
  }
  // A figure no month of the window records stays unknown rather than becoming zero.
  const sum = (pick: (v: MonthTotal) => number | null): number | null => {
    const known = [...perMonth.values()].map(pick).filter((x): x is number => x !== null);
    return known.length === 0 ? null : known.reduce((total, x) => total + x, 0);
  };
  return {
    gatheredAt: now.toISOString(),
    window: { from, to },
    forecast: forecast && {
      ...forecast,
      rows: forecast.rows.map((row) => ({
        ...row,
        pGt0: Number(row.pGt0),
        pGe25: Number(row.pGe25),
        mean: Number(row.mean),
        q10: Number(row.q10),
        q50: Number(row.q50),
        q90: Number(row.q90),
      })),
    },
    months,
    totals: {
      fatalities: sum((v) => v.fatalities) ?? 0,
      events: sum((v) => v.events),
      oneSided: sum((v) => v.oneSided),
      stateBasedOnly: [...perMonth.entries()].filter(([, v]) => !v.allTypes).map(([month]) => month),
    },
    topEvents: topEvents.map((event) => ({ ...event, best: Number(event.best) })),
    conflicts,
    indicators,
    communityReports: {
      available: true,
      minCellCount: settings.minCellCount,
      months: suppressSmallCells(communityReports, settings.minCellCount, (row) => row.month).map((row) => ({
        month: row.month.slice(0, 7),
        category: row.category,
        count: row.count,
        suppressed: row.suppressed,
      })),
    },
    // The pack is stored for every reader of the review: only what they all may read goes in, and a
    // recommendation is open unless a follow-up they may read found it fully implemented.
    openRecommendations: (
      await readRecommendations(db, openRecommendations, { everyReaderOf: reviewId })
    ).filter((r) => r.implementation !== "full"),
    openAlerts: alerts.map((alert) => ({
      id: alert.id,
      severity: alert.severity,
      status: alert.status,
      summary: alert.summary,
      message: alert.message,
      raisedAt: alert.raisedAt.toISOString(),
    })),
  };
};
