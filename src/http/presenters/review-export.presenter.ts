import type { TReviewExport } from "../../core/reviews/review.schemas.ts";
import type { ReviewExportView } from "../../services/reviews/export-review.ts";
import { presentReviewDetail } from "./review.presenter.ts";

export const presentReviewExport = (view: ReviewExportView): TReviewExport => ({
  exportedAt: view.exportedAt.toISOString(),
  exportedBy: view.exportedBy,
  review: presentReviewDetail(view.review),
  factors: view.framework.factors.map(({ code, name, category, description }) => ({
    code,
    name,
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

const html = (text: string | number | null | undefined) =>
  String(text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${html(p).replaceAll("\n", "<br>")}</p>`)
    .join("");

const label = (text: string) => text.replaceAll("_", " ");

/** The printable brief: one self-contained HTML page with print CSS (print to PDF from any browser). */
export const renderReviewBrief = (data: TReviewExport): string => {
  const { review } = data;
  const assessed = new Map(review.assessments.map((a) => [a.factorCode, a]));
  const evidence = review.evidence;
  const factorRows = data.factors
    .map((factor) => {
      const a = assessed.get(factor.code);
      const links = (a?.evidenceLinks ?? [])
        .map((l) => `<a href="${html(l.url)}">${html(l.label)}</a>`)
        .join(", ");
      return `<tr class="level-${a?.level ?? "unassessed"}"><td>${html(factor.code)}</td><td>${html(factor.name)}<div class="muted">${html(factor.category === "common" ? "common to all atrocity crimes" : label(factor.category))}</div></td><td>${html(a ? label(a.level) : "not assessed")}</td><td>${html(a ? label(a.trend) : "")}</td><td>${html(a?.confidence ?? "")}</td><td>${html(a?.note ?? "")}${links ? `<div class="muted">Evidence: ${links}</div>` : ""}</td></tr>`;
    })
    .join("");
  const recommendations = review.recommendations
    .map(
      (r, i) =>
        `<li><strong>${i + 1}.</strong> ${html(r.body)} <div class="muted">To ${html(r.addressedTo)} · from ${html(r.recommendedBy)} · ${html(label(r.response))}${r.implementation ? ` · implementation: ${html(label(r.implementation))}` : ""}</div></li>`,
    )
    .join("");
  const earlier = (evidence?.openRecommendations ?? [])
    .map(
      (r) =>
        `<li>${html(r.body)} <span class="muted">(${html(r.addressedTo)}; ${html(label(r.response))}; ${html(label(r.implementation ?? "not followed up"))})</span></li>`,
    )
    .join("");
  const forecastRows = (evidence?.forecast?.rows ?? [])
    .map(
      (f) =>
        `<tr><td>${html(f.month)}</td><td>${f.horizon}</td><td>${(f.pGt0 * 100).toFixed(0)}%</td><td>${(f.pGe25 * 100).toFixed(0)}%</td><td>${f.q10.toFixed(0)}–${f.q90.toFixed(0)} (median ${f.q50.toFixed(0)})</td></tr>`,
    )
    .join("");
  const conflicts = (evidence?.conflicts ?? [])
    .map(
      (c) =>
        `<li>${html(c.year)}: ${html(c.sideA)} vs ${html(c.sideB)}${c.territoryName ? ` (${html(c.territoryName)})` : ""}, intensity ${c.intensityLevel === 2 ? "war" : "minor"}</li>`,
    )
    .join("");
  const withheld = `fewer than ${evidence?.communityReports.minCellCount ?? 0}`;
  const reports = (evidence?.communityReports.months ?? [])
    .map(
      (r) =>
        `<tr><td>${html(r.month)}</td><td>${html(label(r.category))}</td><td>${html(r.count ?? withheld)}</td></tr>`,
    )
    .join("");
  const scenarios = data.scenarios
    .map(
      (s) =>
        `<section class="scenario"><h3>${html(s.title)} <span class="badge">${html(s.clearance)}</span></h3><p class="muted">Likelihood ${html(label(s.likelihood))} · impact ${html(s.impact)}</p>${paragraphs(s.narrative)}${s.triggers.length ? `<p><strong>Triggers:</strong> ${s.triggers.map(html).join("; ")}</p>` : ""}${s.indicatorsToWatch.length ? `<p><strong>Watch:</strong> ${s.indicatorsToWatch.map(html).join("; ")}</p>` : ""}</section>`,
    )
    .join("");
  const plans = data.plans
    .map(
      (p) =>
        `<section class="scenario"><h3>${html(p.title)} <span class="badge">${html(p.clearance)}</span></h3>${paragraphs(p.objective)}${p.activation ? `<p><strong>Activation:</strong> ${html(p.activation)}</p>` : ""}<ul>${p.actions.map((a) => `<li>${html(a.action)} — ${html(a.actor)}${a.timeline ? ` (${html(a.timeline)})` : ""}</li>`).join("")}</ul></section>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${html(review.title)}</title>
<style>
body{font:11pt/1.45 "Noto Serif",Georgia,serif;color:#1b2430;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;border-bottom:1px solid #999;margin-top:1.6rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}
.muted{color:#5b6675;font-size:.85rem}.badge{border:1px solid #a61b1b;color:#a61b1b;font-size:.7rem;padding:0 .3rem;text-transform:uppercase}
tr.level-severe td:nth-child(3){font-weight:700;color:#a61b1b}tr.level-high td:nth-child(3){font-weight:700}
.classification{text-align:center;font:700 .8rem sans-serif;letter-spacing:.15em;text-transform:uppercase;border:1px solid #1b2430;padding:.1rem}
@page{size:A4;margin:18mm 16mm}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}h2{break-after:avoid}tr,li,.scenario{break-inside:avoid}}
</style></head><body>
<header><p class="classification">${html(review.clearance)}</p>
<p class="muted">Peacebuilding Audit · ${html(review.framework.title)} (${html(review.framework.version)})</p>
<h1>${html(review.title)}</h1>
<p class="muted">${html(review.countryName ?? review.iso3)} (${html(review.iso3)}) · status: ${html(label(review.status))}${review.adoptedAt ? ` · adopted ${html(review.adoptedAt.slice(0, 10))} by ${html(review.adoptedBy)}` : ""} · exported ${html(data.exportedAt.slice(0, 16).replace("T", " "))} UTC by ${html(data.exportedBy)}</p></header>
<h2>Findings</h2>${paragraphs(review.findings) || '<p class="muted">No findings written.</p>'}
<h2>Risk factors</h2><table><thead><tr><th>#</th><th>Risk factor</th><th>Level</th><th>Trend</th><th>Confidence</th><th>Assessment</th></tr></thead><tbody>${factorRows}</tbody></table>
<h2>Recommendations</h2>${recommendations ? `<ol style="list-style:none;padding:0">${recommendations}</ol>` : '<p class="muted">None.</p>'}
<h2>Evidence</h2>
<p>Window ${html(evidence?.window.from)} to ${html(evidence?.window.to)}: ${html(Math.round(evidence?.totals.fatalities ?? 0))} recorded deaths${evidence?.totals.oneSided == null ? "" : ` (${html(Math.round(evidence.totals.oneSided))} in one-sided violence against civilians)`}${evidence?.totals.events == null ? "" : `, ${html(evidence.totals.events)} events`}.</p>
${forecastRows ? `<h3>Forecast (run of ${html(evidence?.forecast?.origin)}, ${html(evidence?.forecast?.modelVersion)})</h3><table><thead><tr><th>Month</th><th>Horizon</th><th>P(any)</th><th>P(25+)</th><th>80% interval</th></tr></thead><tbody>${forecastRows}</tbody></table>` : '<p class="muted">No forecast available.</p>'}
${conflicts ? `<h3>Armed conflicts</h3><ul>${conflicts}</ul>` : ""}
${reports ? `<h3>Community reports (verified, last 24 months)</h3><table><thead><tr><th>Month</th><th>Category</th><th>Reports</th></tr></thead><tbody>${reports}</tbody></table>` : ""}
${earlier ? `<h3>Open recommendations from earlier reviews</h3><ul>${earlier}</ul>` : ""}
${scenarios ? `<h2>Scenarios</h2>${scenarios}` : ""}
${plans ? `<h2>Contingency plans</h2>${plans}` : ""}
</body></html>
`;
};
