import { translated } from "../../core/frameworks/framework.schemas.ts";
import type { TEvidenceForecastRow, TReviewExport } from "../../core/reviews/review.schemas.ts";
import type { Language } from "../../core/shared/languages.ts";
import { addMonths } from "../../core/shared/months.ts";
import { describeFeature, formatReading } from "../../core/warning/driver-phrases.ts";
import type { Driver, DriverTarget } from "../../core/warning/forecast.ts";
import { percent } from "../../core/warning/probability-text.ts";
import type { ReviewExportView } from "../../services/reviews/export-review.ts";
import { FORM_STRINGS } from "../voices-form/strings.ts";
import { escapeHtml as html } from "./html.ts";
import { presentReviewDetail } from "./review.presenter.ts";
import { BRIEF_STRINGS, type BriefStrings } from "./review-brief.strings.ts";
import { presentDrivers } from "./warning.presenter.ts";

export const presentReviewExport = (view: ReviewExportView): TReviewExport => ({
  exportedAt: view.exportedAt.toISOString(),
  exportedBy: view.exportedBy,
  review: presentReviewDetail(view.review),
  factors: view.framework.factors.map(({ code, name, translations, category, description }) => ({
    code,
    name,
    translations,
    category,
    description,
  })),
  scenarios: view.scenarios.map((s) => ({
    id: s.id,
    title: s.title,
    clearance: s.clearance,
    likelihood: s.likelihood,
    impact: s.impact,
    narrative: s.narrative,
    triggers: s.triggers,
    indicatorsToWatch: s.indicatorsToWatch,
  })),
  plans: view.plans.map((p) => ({
    id: p.id,
    title: p.title,
    clearance: p.clearance,
    objective: p.objective,
    activation: p.activation,
    actions: p.actions,
  })),
});

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${html(p).replaceAll("\n", "<br>")}</p>`)
    .join("");

/** The country in the brief's language where Intl knows it, else the registry's English name. */
const countryName = (review: TReviewExport["review"], lang: Language): string =>
  (review.countryIso2 &&
    new Intl.DisplayNames([lang], { type: "region", fallback: "none" }).of(review.countryIso2)) ||
  review.countryName ||
  review.iso3;

/** The factors that moved the first month's two probabilities most, as the country page lists them. */
const briefDrivers = (row: TEvidenceForecastRow, t: BriefStrings, lang: Language): string => {
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

/** The printable brief: one self-contained HTML page with print CSS (print to PDF from any browser). */
export const renderReviewBrief = (data: TReviewExport, lang: Language = "en"): string => {
  const t = BRIEF_STRINGS[lang];
  // Keeps a date or code left to right inside right-to-left text, where "2019-12" would read "12-2019".
  const isolate = (text: string) => (t.dir === "rtl" ? `\u2066${text}\u2069` : text);
  const word = (table: Record<string, string>, key: string) => table[key] ?? key.replaceAll("_", " ");
  const count = (n: number) => new Intl.NumberFormat(lang).format(Math.round(n));
  const { review } = data;
  const assessed = new Map(review.assessments.map((a) => [a.factorCode, a]));
  const evidence = review.evidence;
  const factorRows = data.factors
    .map((factor) => {
      const a = assessed.get(factor.code);
      const links = (a?.evidenceLinks ?? [])
        .map((l) => `<a href="${html(l.url)}">${html(l.label)}</a>`)
        .join(", ");
      return `<tr class="level-${a?.level ?? "unassessed"}"><td>${html(factor.code)}</td><td>${html(translated(factor.name, factor.translations, lang))}<div class="muted">${html(word(t.factorCategories, factor.category))}</div></td><td>${html(a ? word(t.levels, a.level) : t.notAssessed)}</td><td>${html(a ? word(t.trends, a.trend) : "")}</td><td>${html(a ? word(t.confidences, a.confidence) : "")}</td><td>${html(a?.note ?? "")}${links ? `<div class="muted">${html(t.evidenceLinks)}: ${links}</div>` : ""}</td></tr>`;
    })
    .join("");
  // People's text keeps its own direction inside the brief's: English in an Arabic brief, and the reverse. A
  // follow-up carries its date: an adopted review's brief printed later shows what was recorded after it.
  const bdi = (text: string) => `<bdi>${html(text)}</bdi>`;
  const recommendations = review.recommendations
    .map(
      (r, i) =>
        `<li><strong>${i + 1}.</strong> ${bdi(r.body)} <div class="muted">${t.recommendationLine(bdi(r.addressedTo), bdi(r.recommendedBy), html(word(t.responses, r.response)))}${r.implementation ? ` · ${html(t.implementation)}: ${html(word(t.implementations, r.implementation))}${r.followedUpAt ? ` (${r.followedUpAt.slice(0, 10)})` : ""}` : ""}</div></li>`,
    )
    .join("");
  const earlier = (evidence?.openRecommendations ?? [])
    .map(
      (r) =>
        `<li>${bdi(r.body)} <span class="muted">(${bdi(r.addressedTo)}; ${html(word(t.responses, r.response))}; ${html(r.implementation ? word(t.implementations, r.implementation) : t.notFollowedUp)})</span></li>`,
    )
    .join("");
  const firstMonth = evidence?.forecast?.rows[0];
  const forecastRows = (evidence?.forecast?.rows ?? [])
    .map(
      (f) =>
        `<tr><td>${html(f.month)}</td><td>${f.horizon}</td><td>${percent(f.pGt0, lang)}</td><td>${percent(f.pGe25, lang)}</td><td dir="ltr">${count(f.q10)}–${count(f.q90)} (${html(t.median(count(f.q50)))})</td></tr>`,
    )
    .join("");
  const conflicts = (evidence?.conflicts ?? [])
    .map(
      (c) =>
        `<li>${html(t.conflictLine(String(c.year), c.sideA, c.sideB))}${c.territoryName ? ` (${html(c.territoryName)})` : ""}, ${html(c.intensityLevel === 2 ? t.intensities.war : t.intensities.minor)}</li>`,
    )
    .join("");
  const withheld = t.fewerThan(String(evidence?.communityReports.minCellCount ?? 0));
  const categories = FORM_STRINGS[lang].categories;
  const reports = (evidence?.communityReports.months ?? [])
    .map(
      (r) =>
        `<tr><td>${html(r.month)}</td><td>${html(word(categories, r.category))}</td><td>${html(r.count ?? withheld)}</td></tr>`,
    )
    .join("");
  const scenarios = data.scenarios
    .map(
      (s) =>
        `<section class="scenario"><h3>${html(s.title)} <span class="badge">${html(word(t.clearances, s.clearance))}</span></h3><p class="muted">${html(t.likelihood)}: ${html(word(t.likelihoods, s.likelihood))} · ${html(word(t.impacts, s.impact))}</p>${paragraphs(s.narrative)}${s.triggers.length ? `<p><strong>${html(t.triggers)}:</strong> ${s.triggers.map(html).join("; ")}</p>` : ""}${s.indicatorsToWatch.length ? `<p><strong>${html(t.watch)}:</strong> ${s.indicatorsToWatch.map(html).join("; ")}</p>` : ""}</section>`,
    )
    .join("");
  const plans = data.plans
    .map(
      (p) =>
        `<section class="scenario"><h3>${html(p.title)} <span class="badge">${html(word(t.clearances, p.clearance))}</span></h3>${paragraphs(p.objective)}${p.activation ? `<p><strong>${html(t.activation)}:</strong> ${html(p.activation)}</p>` : ""}<ul>${p.actions.map((a) => `<li>${html(a.action)} — ${html(a.actor)}${a.timeline ? ` (${html(a.timeline)})` : ""}</li>`).join("")}</ul></section>`,
    )
    .join("");
  const partial = evidence?.totals.oneSided != null ? evidence.totals.stateBasedOnly : [];
  const totals = evidence
    ? `${t.window(isolate(evidence.window.from), isolate(evidence.window.to), count(evidence.totals.fatalities))}${evidence.totals.oneSided == null ? "" : t.oneSided(count(evidence.totals.oneSided))}${evidence.totals.events == null ? "" : t.events(count(evidence.totals.events))}.${partial.length ? t.stateBasedOnly(partial.map(isolate).join(", ")) : ""}`
    : "";
  const status = `${t.status}: ${word(t.statuses, review.status)}${review.adoptedAt ? ` · ${t.adopted(isolate(review.adoptedAt.slice(0, 10)), review.adoptedBy ?? "")}` : ""}`;
  const exported = t.exported(
    isolate(data.exportedAt.slice(0, 16).replace("T", " ")),
    isolate(data.exportedBy),
  );
  const th = (cells: readonly string[]) => cells.map((c) => `<th>${html(c)}</th>`).join("");
  return `<!doctype html>
<html lang="${lang}" dir="${t.dir}"><head><meta charset="utf-8"><title>${html(review.title)}</title>
<style>
body{font:11pt/1.45 "Noto Serif","Noto Naskh Arabic",Georgia,serif;color:#1b2430;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;border-bottom:1px solid #999;margin-top:1.6rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ccc;padding:.25rem .4rem;text-align:start;vertical-align:top}
.muted{color:#5b6675;font-size:.85rem}.badge{border:1px solid #a61b1b;color:#a61b1b;font-size:.7rem;padding:0 .3rem;text-transform:uppercase}
tr.level-severe td:nth-child(3){font-weight:700;color:#a61b1b}tr.level-high td:nth-child(3){font-weight:700}
.drivers{list-style:none;padding:0;margin:.2rem 0}h4{margin:.6rem 0 0;font-size:.95rem}
.classification{text-align:center;font:700 .8rem sans-serif;letter-spacing:.15em;text-transform:uppercase;border:1px solid #1b2430;padding:.1rem}
@page{size:A4;margin:18mm 16mm}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}h2{break-after:avoid}tr,li,.scenario{break-inside:avoid}}
</style></head><body>
<header><p class="classification">${html(word(t.clearances, review.clearance))}</p>
<p class="muted">${html(t.audit)} · ${html(translated(review.framework.title, review.framework.titleTranslations, lang))} (${html(review.framework.version)})</p>
<h1>${html(review.title)}</h1>
<p class="muted">${html(countryName(review, lang))} (${html(review.iso3)}) · ${html(status)} · ${html(exported)}</p></header>
<main>
<h2>${html(t.findings)}</h2>${paragraphs(review.findings) || `<p class="muted">${html(t.noFindings)}</p>`}
<h2>${html(t.riskFactors)}</h2><table><thead><tr>${th(t.factorColumns)}</tr></thead><tbody>${factorRows}</tbody></table>
<h2>${html(t.recommendations)}</h2>${recommendations ? `<ol style="list-style:none;padding:0">${recommendations}</ol>` : `<p class="muted">${html(t.none)}</p>`}
<h2>${html(t.evidence)}</h2>
<p>${html(totals)}</p>
${forecastRows ? `<h3>${html(t.forecast(isolate(evidence?.forecast?.origin ?? ""), isolate(evidence?.forecast?.modelVersion ?? "")))}</h3><table><thead><tr>${th(t.forecastColumns)}</tr></thead><tbody>${forecastRows}</tbody></table>${firstMonth ? `<h3>${html(t.drivers(isolate(firstMonth.month)))}</h3>${briefDrivers(firstMonth, t, lang)}` : ""}` : `<p class="muted">${html(t.noForecast)}</p>`}
${conflicts ? `<h3>${html(t.conflicts)}</h3><ul>${conflicts}</ul>` : ""}
${reports ? `<h3>${html(t.communityReports)}</h3><table><thead><tr>${th(t.reportColumns)}</tr></thead><tbody>${reports}</tbody></table>` : ""}
${earlier ? `<h3>${html(t.earlierRecommendations)}</h3><ul>${earlier}</ul>` : ""}
${scenarios ? `<h2>${html(t.scenarios)}</h2>${scenarios}` : ""}
${plans ? `<h2>${html(t.plans)}</h2>${plans}` : ""}
</main>
</body></html>
`;
};
