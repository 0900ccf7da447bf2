import { translated } from "../../core/frameworks/framework.schemas.ts";
import type { TReviewExport } from "../../core/reviews/review.schemas.ts";
import { escapeHtml as html } from "./html.ts";
import { type BriefWords, paragraphs } from "./review-brief.words.ts";

type Review = TReviewExport["review"];

/** The country in the brief's language where Intl knows it, else the registry's English name. */
export const countryName = (review: Review, lang: BriefWords["lang"]): string =>
  (review.countryIso2 &&
    new Intl.DisplayNames([lang], { type: "region", fallback: "none" }).of(review.countryIso2)) ||
  review.countryName ||
  review.iso3;

/** Where the review stands, and when and by whom it was adopted. */
export const statusLine = (review: Review, { t, word, isolate }: BriefWords): string =>
  `${t.status}${t.colon}${word(t.statuses, review.status)}${review.adoptedAt ? ` · ${t.adopted(isolate(review.adoptedAt.slice(0, 10)), review.adoptedBy ?? "")}` : ""}`;

/** One row per factor of the framework, with its assessment, or none. */
export const factorRows = (data: TReviewExport, { t, lang, word }: BriefWords): string => {
  const assessed = new Map(data.review.assessments.map((a) => [a.factorCode, a]));
  return data.factors
    .map((factor) => {
      const a = assessed.get(factor.code);
      const links = (a?.evidenceLinks ?? [])
        .map((l) => `<a href="${html(l.url)}">${html(l.label)}</a>`)
        .join(", ");
      return `<tr class="level-${a?.level ?? "unassessed"}"><td>${html(factor.code)}</td><td>${html(translated(factor.name, factor.translations, lang))}<div class="muted">${html(word(t.factorCategories, factor.category))}</div></td><td>${html(a ? word(t.levels, a.level) : t.notAssessed)}</td><td>${html(a ? word(t.trends, a.trend) : "")}</td><td>${html(a ? word(t.confidences, a.confidence) : "")}</td><td>${html(a?.note ?? "")}${links ? `<div class="muted">${html(t.evidenceLinks)}${t.colon}${links}</div>` : ""}</td></tr>`;
    })
    .join("");
};

/**
 * The recommendations, numbered, with their response. A follow-up carries its date: an adopted review's brief
 * printed later shows what was recorded after it.
 */
export const recommendationItems = (review: Review, { t, word, bdi }: BriefWords): string =>
  review.recommendations
    .map(
      (r, i) =>
        `<li><strong>${i + 1}.</strong> ${bdi(r.body)} <div class="muted">${t.recommendationLine(bdi(r.addressedTo), bdi(r.recommendedBy), html(word(t.responses, r.response)))}${r.implementation ? ` · ${html(t.implementation)}${t.colon}${html(word(t.implementations, r.implementation))}${r.followedUpAt ? ` (${r.followedUpAt.slice(0, 10)})` : ""}` : ""}</div></li>`,
    )
    .join("");

export const scenarioSections = (data: TReviewExport, { t, word }: BriefWords): string =>
  data.scenarios
    .map(
      (s) =>
        `<section class="scenario"><h3>${html(s.title)} <span class="badge">${html(word(t.clearances, s.clearance))}</span></h3><p class="muted">${html(t.likelihood)}${t.colon}${html(word(t.likelihoods, s.likelihood))} · ${html(word(t.impacts, s.impact))}</p>${paragraphs(s.narrative)}${s.triggers.length ? `<p><strong>${html(t.triggers)}${t.colon.trimEnd()}</strong> ${s.triggers.map(html).join("; ")}</p>` : ""}${s.indicatorsToWatch.length ? `<p><strong>${html(t.watch)}${t.colon.trimEnd()}</strong> ${s.indicatorsToWatch.map(html).join("; ")}</p>` : ""}</section>`,
    )
    .join("");

export const planSections = (data: TReviewExport, { t, word }: BriefWords): string =>
  data.plans
    .map(
      (p) =>
        `<section class="scenario"><h3>${html(p.title)} <span class="badge">${html(word(t.clearances, p.clearance))}</span></h3>${paragraphs(p.objective)}${p.activation ? `<p><strong>${html(t.activation)}${t.colon.trimEnd()}</strong> ${html(p.activation)}</p>` : ""}<ul>${p.actions.map((a) => `<li>${html(a.action)} — ${html(a.actor)}${a.timeline ? ` (${html(a.timeline)})` : ""}</li>`).join("")}</ul></section>`,
    )
    .join("");
