import type { TEvidenceForecastRow, TReviewExport } from "../../core/reviews/review.schemas.ts";
import { addMonths } from "../../core/shared/months.ts";
import { describeFeature, formatReading } from "../../core/warning/driver-phrases.ts";
import type { Driver, DriverTarget } from "../../core/warning/forecast.ts";
import { percent } from "../../core/warning/probability-text.ts";
import { FORM_STRINGS } from "../voices-form/strings.ts";
import { escapeHtml as html } from "./html.ts";
import { type BriefWords, th } from "./review-brief.words.ts";
import { presentDrivers } from "./warning.presenter.ts";

type Evidence = TReviewExport["review"]["evidence"];

/** The deaths recorded in the evidence window, and the months that hold state-based deaths only. */
export const totalsLine = (evidence: Evidence, { t, isolate, count }: BriefWords): string => {
  if (!evidence) return "";
  const partial = evidence.totals.oneSided != null ? evidence.totals.stateBasedOnly : [];
  return `${t.window(isolate(evidence.window.from), isolate(evidence.window.to), count(evidence.totals.fatalities))}${evidence.totals.oneSided == null ? "" : t.oneSided(count(evidence.totals.oneSided))}${evidence.totals.events == null ? "" : t.events(count(evidence.totals.events))}.${partial.length ? t.stateBasedOnly(partial.map(isolate).join(", ")) : ""}`;
};

/** The factors that moved the first month's two probabilities most, as the country page lists them. */
const briefDrivers = (row: TEvidenceForecastRow, { t, lang }: BriefWords): string => {
  const stored = Array.isArray(row.drivers) ? (row.drivers as Partial<Driver>[]) : [];
  const points = new Intl.NumberFormat(lang, {
    signDisplay: "always",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const list = (target: DriverTarget, probability: number): string => {
    const items = presentDrivers(stored, target, probability, addMonths(row.month, -row.horizon))
      .sort((a, b) => Math.abs(b.effectPoints) - Math.abs(a.effectPoints))
      .slice(0, 5)
      .map((d) => {
        const phrase = describeFeature(d.feature, lang);
        const text = d.reading ? t.reading(phrase, formatReading(d.reading, lang)) : phrase;
        return `<li>${d.direction === "raises" ? "▲" : "▼"} ${html(text)} <span class="muted">${html(t.points(points.format(d.effectPoints)))}</span></li>`;
      })
      .join("");
    return items ? `<ul class="drivers">${items}</ul>` : `<p class="muted">${html(t.noDrivers)}</p>`;
  };
  return `<h4>${html(t.forecastColumns[2])}</h4>${list("gt0", row.pGt0)}<h4>${html(t.forecastColumns[3])}</h4>${list("ge25", row.pGe25)}`;
};

/** The forecast's months and the first month's drivers, or a note that there was no forecast. */
export const forecastSection = (evidence: Evidence, w: BriefWords): string => {
  const { t, lang, isolate, count } = w;
  const forecastRows = (evidence?.forecast?.rows ?? [])
    .map(
      (f) =>
        `<tr><td>${html(f.month)}</td><td>${f.horizon}</td><td>${percent(f.pGt0, lang)}</td><td>${percent(f.pGe25, lang)}</td><td dir="ltr">${count(f.q10)}–${count(f.q90)} (${html(t.median(count(f.q50)))})</td></tr>`,
    )
    .join("");
  if (!forecastRows) return `<p class="muted">${html(t.noForecast)}</p>`;
  const firstMonth = evidence?.forecast?.rows[0];
  return `<h3>${html(t.forecast(isolate(evidence?.forecast?.origin ?? ""), isolate(evidence?.forecast?.modelVersion ?? "")))}</h3><table><thead><tr>${th(t.forecastColumns)}</tr></thead><tbody>${forecastRows}</tbody></table>${firstMonth ? `<h3>${html(t.drivers(isolate(firstMonth.month)))}</h3>${briefDrivers(firstMonth, w)}` : ""}`;
};

export const conflictItems = (evidence: Evidence, { t }: BriefWords): string =>
  (evidence?.conflicts ?? [])
    .map(
      (c) =>
        `<li>${html(t.conflictLine(String(c.year), c.sideA, c.sideB))}${c.territoryName ? ` (${html(c.territoryName)})` : ""}, ${html(c.intensityLevel === 2 ? t.intensities.war : t.intensities.minor)}</li>`,
    )
    .join("");

/** Community reports by month and category; a count too small to show is withheld. */
export const reportRows = (evidence: Evidence, { t, lang, word }: BriefWords): string => {
  const withheld = t.fewerThan(String(evidence?.communityReports.minCellCount ?? 0));
  const categories = FORM_STRINGS[lang].categories;
  return (evidence?.communityReports.months ?? [])
    .map(
      (r) =>
        `<tr><td>${html(r.month)}</td><td>${html(word(categories, r.category))}</td><td>${html(r.count ?? withheld)}</td></tr>`,
    )
    .join("");
};

/** Recommendations of earlier reviews of the country still open, with how far they were followed up. */
export const earlierItems = (evidence: Evidence, { t, word, bdi }: BriefWords): string =>
  (evidence?.openRecommendations ?? [])
    .map(
      (r) =>
        `<li>${bdi(r.body)} <span class="muted">(${bdi(r.addressedTo)}; ${html(word(t.responses, r.response))}; ${html(r.implementation ? word(t.implementations, r.implementation) : t.notFollowedUp)})</span></li>`,
    )
    .join("");
