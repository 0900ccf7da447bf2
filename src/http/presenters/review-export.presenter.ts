import { translated } from "../../core/frameworks/framework.schemas.ts";
import type { TReviewExport } from "../../core/reviews/review.schemas.ts";
import type { Language } from "../../core/shared/languages.ts";
import type { ReviewExportView } from "../../services/reviews/export-review.ts";
import { escapeHtml as html } from "./html.ts";
import { presentReviewDetail } from "./review.presenter.ts";
import {
  conflictItems,
  earlierItems,
  forecastSection,
  reportRows,
  totalsLine,
} from "./review-brief.evidence.ts";
import {
  countryName,
  factorRows,
  planSections,
  recommendationItems,
  scenarioSections,
  statusLine,
} from "./review-brief.review.ts";
import { type BriefWords, briefWords, paragraphs, th } from "./review-brief.words.ts";

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

const BRIEF_STYLE = `body{font:11pt/1.45 "Noto Serif","Noto Naskh Arabic",Georgia,serif;color:#1b2430;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;border-bottom:1px solid #999;margin-top:1.6rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ccc;padding:.25rem .4rem;text-align:start;vertical-align:top}
.muted{color:#5b6675;font-size:.85rem}.badge{border:1px solid #a61b1b;color:#a61b1b;font-size:.7rem;padding:0 .3rem;text-transform:uppercase}
tr.level-severe td:nth-child(3){font-weight:700;color:#a61b1b}tr.level-high td:nth-child(3){font-weight:700}
.drivers{list-style:none;padding:0;margin:.2rem 0}h4{margin:.6rem 0 0;font-size:.95rem}
.classification{text-align:center;font:700 .8rem sans-serif;letter-spacing:.15em;text-transform:uppercase;border:1px solid #1b2430;padding:.1rem}
@page{size:A4;margin:18mm 16mm}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}h2{break-after:avoid}tr,li,.scenario{break-inside:avoid}}`;

/** The brief's heading: its classification, framework, title, country, status and when it was exported. */
const briefHeader = (data: TReviewExport, w: BriefWords): string => {
  const { t, lang, word, isolate } = w;
  const { review } = data;
  const exported = t.exported(
    isolate(data.exportedAt.slice(0, 16).replace("T", " ")),
    isolate(data.exportedBy),
  );
  return `<header><p class="classification">${html(word(t.clearances, review.clearance))}</p>
<p class="muted">${html(t.audit)} · ${html(translated(review.framework.title, review.framework.titleTranslations, lang))} (${html(review.framework.version)})</p>
<h1>${html(review.title)}</h1>
<p class="muted">${html(countryName(review, lang))} (${html(review.iso3)}) · ${html(statusLine(review, w))} · ${html(exported)}</p></header>`;
};

/** A heading and what follows it, left out when there is nothing to follow it. */
const part = (heading: string, content: string) => (content ? `${heading}${content}` : "");

/** The evidence pack: the deaths recorded, the forecast, conflicts, community reports and earlier recommendations. */
const evidenceSections = (data: TReviewExport, w: BriefWords): string => {
  const { t } = w;
  const evidence = data.review.evidence;
  const conflicts = conflictItems(evidence, w);
  const reports = reportRows(evidence, w);
  const earlier = earlierItems(evidence, w);
  return `<h2>${html(t.evidence)}</h2>
<p>${html(totalsLine(evidence, w))}</p>
${forecastSection(evidence, w)}
${part(`<h3>${html(t.conflicts)}</h3>`, conflicts && `<ul>${conflicts}</ul>`)}
${part(`<h3>${html(t.communityReports)}</h3>`, reports && `<table><thead><tr>${th(t.reportColumns)}</tr></thead><tbody>${reports}</tbody></table>`)}
${part(`<h3>${html(t.earlierRecommendations)}</h3>`, earlier && `<ul>${earlier}</ul>`)}`;
};

/** The printable brief: one self-contained HTML page with print CSS (print to PDF from any browser). */
export const renderReviewBrief = (data: TReviewExport, lang: Language = "en"): string => {
  const w = briefWords(lang);
  const { t } = w;
  const { review } = data;
  const recommendations = recommendationItems(review, w);
  return `<!doctype html>
<html lang="${lang}" dir="${t.dir}"><head><meta charset="utf-8"><title>${html(review.title)}</title>
<style>
${BRIEF_STYLE}
</style></head><body>
${briefHeader(data, w)}
<main>
<h2>${html(t.findings)}</h2>${paragraphs(review.findings) || `<p class="muted">${html(t.noFindings)}</p>`}
<h2>${html(t.riskFactors)}</h2><table><thead><tr>${th(t.factorColumns)}</tr></thead><tbody>${factorRows(data, w)}</tbody></table>
<h2>${html(t.recommendations)}</h2>${recommendations ? `<ol style="list-style:none;padding:0">${recommendations}</ol>` : `<p class="muted">${html(t.none)}</p>`}
${evidenceSections(data, w)}
${part(`<h2>${html(t.scenarios)}</h2>`, scenarioSections(data, w))}
${part(`<h2>${html(t.plans)}</h2>`, planSections(data, w))}
</main>
</body></html>
`;
};
