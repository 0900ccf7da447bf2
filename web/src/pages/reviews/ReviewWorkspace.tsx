import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { type TFramework, translated } from "../../../../src/core/frameworks/framework.schemas.ts";
import {
  confidences,
  implementationLevels,
  riskLevels,
  type TReview,
  type TReviewDetail,
  trends,
} from "../../../../src/core/reviews/review.schemas.ts";
import { type Language, languages } from "../../../../src/core/shared/languages.ts";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { adopts, worksOn } from "../../api/permissions.ts";
import { useApiCall } from "../../api/use-api-call.ts";
import { BackLink } from "../../components/BackLink.tsx";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { FormOutcome } from "../../components/FormOutcome.tsx";
import { ltr } from "../../i18n/index.ts";
import { useSession } from "../../session.tsx";
import { ScenariosPanel } from "../scenarios/ScenariosPanel.tsx";
import { EvidencePack } from "./EvidencePack.tsx";
import { FollowUpHistory } from "./FollowUpHistory.tsx";

/** The brief is written on the server in the platform's own languages; others read it in English. */
const briefLanguage = (code: string): Language => languages.find((language) => language === code) ?? "en";

const values = (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  return Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
};

export const ReviewWorkspace = () => {
  const { t, i18n } = useTranslation();
  const countryNames = useCountryNames();
  const { me } = useSession();
  const { id = "" } = useParams();
  const review = useQuery({
    queryKey: ["review", id],
    queryFn: () => get<TReviewDetail>(`/api/reviews/${id}`),
  });
  const framework = useQuery({
    queryKey: ["framework", review.data?.framework.id],
    enabled: Boolean(review.data),
    queryFn: () => get<TFramework>(`/api/frameworks/${review.data?.framework.id}`),
  });
  // Only recommendations of the organisation's own reviews are followed up here; others' are shown as context.
  const countryReviews = useQuery({
    queryKey: ["reviews", review.data?.iso3],
    enabled: Boolean(review.data),
    queryFn: () => get<TReview[]>(`/api/reviews?iso3=${review.data?.iso3}`),
  });
  const call = useApiCall(["review", id]);
  const statusRef = useRef<HTMLSpanElement>(null);
  // Each form shows its own refusal beside it, where the person is looking.
  const errorAt = (path: string) => (call.variables?.path === path ? call.error : null);
  const outcomeAt = (path: string) => ({
    error: errorAt(path),
    saved: call.isSuccess && call.variables?.path === path,
  });
  if (review.error) return <ErrorNote error={review.error} />;
  const r = review.data;
  if (!r) return <p className="loading">{t("app.loading")}</p>;
  // The server decides; these leave out the buttons it would refuse.
  const mayWrite = worksOn(me, r.ownerOrgId, "review.write");
  // Four eyes: whoever submitted a review leaves its adoption to a colleague.
  const mayAdopt = adopts(me, r);
  const submittedByMe = r.submittedById === me.user.id;
  const editable = r.status !== "adopted" && mayWrite;
  const assessed = new Map(r.assessments.map((a) => [a.factorCode, a]));
  const factorCount = framework.data?.factors.length ?? 0;
  const unassessed = (framework.data?.factors ?? []).filter((factor) => !assessed.has(factor.code)).length;
  const evidence = r.evidence;
  const ownReviewIds = new Set(
    (countryReviews.data ?? []).filter((other) => other.ownerOrgId === r.ownerOrgId).map((other) => other.id),
  );
  // The buttons of the step taken go away with it: the keyboard goes to the new status, which is read out.
  const move = (to: string) =>
    call.mutate(
      { method: "POST", path: `/api/reviews/${id}/status`, body: { to } },
      { onSuccess: () => statusRef.current?.focus() },
    );
  return (
    <>
      <p>
        <BackLink to="/reviews" label={t("reviews.title")} />
      </p>
      <h1>{r.title}</h1>
      <p>
        <span className="badge" data-testid="review-status" ref={statusRef} tabIndex={-1} aria-live="polite">
          {t(`reviews.statuses.${r.status}`)}
        </span>{" "}
        <span className={`badge ${r.clearance}`}>{t(`clearance.${r.clearance}`)}</span>{" "}
        {countryNames.byIso3(r.iso3, r.countryName)} ·{" "}
        {translated(r.framework.title, r.framework.titleTranslations, i18n.language)} ({r.framework.version})
        {r.adoptedAt &&
          ` · ${t("reviews.adoptedBy", { name: r.adoptedBy, date: ltr(r.adoptedAt.slice(0, 10)) })}`}
      </p>
      <p className="inline-form">
        {r.status === "draft" && mayWrite && (
          <button type="button" onClick={() => move("in_review")}>
            {t("reviews.submit")}
          </button>
        )}
        {r.status === "in_review" && mayAdopt && (
          <button type="button" onClick={() => move("adopted")}>
            {t("reviews.adopt")}
          </button>
        )}
        {r.status === "in_review" && mayWrite && (
          <button type="button" onClick={() => move("draft")}>
            {t("reviews.backToDraft")}
          </button>
        )}
        {r.status === "in_review" && !mayAdopt && (
          <span className="muted">{t(submittedByMe ? "reviews.colleagueAdopts" : "reviews.whoAdopts")}</span>
        )}
        {r.status !== "adopted" && unassessed > 0 && (
          <span className="stale-note">
            {t("reviews.unassessedBeforeAdopt", { count: unassessed, total: factorCount })}
          </span>
        )}
        {editable && (
          <button
            type="button"
            onClick={() => call.mutate({ method: "POST", path: `/api/reviews/${id}/evidence` })}
          >
            {t("reviews.refreshEvidence")}
          </button>
        )}
        <a
          href={`/api/reviews/${id}/export?format=html&lang=${briefLanguage(i18n.language)}`}
          target="_blank"
          rel="noreferrer"
        >
          {t("reviews.exportHtml")}
        </a>
        <a href={`/api/reviews/${id}/export?format=json`} download={`review-${r.iso3}.json`}>
          {t("reviews.exportJson")}
        </a>
      </p>
      <ErrorNote error={errorAt(`/api/reviews/${id}/status`) ?? errorAt(`/api/reviews/${id}/evidence`)} />

      <section aria-labelledby="evidence">
        <h2 id="evidence">{t("reviews.evidence")}</h2>
        {evidence && <EvidencePack evidence={evidence} iso3={r.iso3} />}
        {r.status === "adopted" && r.followUps.length > 0 && (
          <>
            <h3>{t("reviews.earlierRecommendations")}</h3>
            <ul>
              {r.followUps.map((rec) => (
                <li key={rec.id} data-testid="follow-up-recorded">
                  <bdi>{rec.body}</bdi>{" "}
                  <span className="muted">
                    (<bdi>{rec.addressedTo}</bdi>)
                  </span>{" "}
                  {rec.implementation &&
                    rec.followedUpAt &&
                    t("reviews.followUpRecorded", {
                      level: t(`reviews.implementationLevels.${rec.implementation}`),
                      date: ltr(rec.followedUpAt.slice(0, 10)),
                    })}
                  {rec.followUpNote && (
                    <>
                      {" "}
                      <bdi>{rec.followUpNote}</bdi>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {evidence && evidence.openRecommendations.length > 0 && editable && (
          <>
            <h3>{t("reviews.earlierRecommendations")}</h3>
            {evidence.openRecommendations.map((rec) => {
              // The evidence pack is a snapshot: what this review recorded comes from the live record.
              const recorded = r.followUps.find((f) => f.id === rec.id);
              if (!ownReviewIds.has(rec.reviewId))
                return (
                  <p key={rec.id}>
                    <bdi>{rec.body}</bdi>{" "}
                    <span className="muted">
                      (<bdi>{rec.addressedTo}</bdi>; {t("reviews.otherOrganisation")})
                    </span>
                  </p>
                );
              return (
                <form
                  key={`${rec.id}-${recorded?.followedUpAt ?? ""}`}
                  className="inline-form"
                  onSubmit={(e) =>
                    call.mutate({
                      method: "POST",
                      path: `/api/reviews/recommendations/${rec.id}/follow-up`,
                      body: { ...values(e), reviewId: id },
                    })
                  }
                >
                  <span>
                    <bdi>{rec.body}</bdi>{" "}
                    <span className="muted">
                      (<bdi>{rec.addressedTo}</bdi>; {t(`reviews.responses.${rec.response}`)})
                    </span>
                    {recorded?.implementation && recorded.followedUpAt && (
                      <span className="ok" data-testid="follow-up-recorded">
                        {" "}
                        {t("reviews.followUpRecorded", {
                          level: t(`reviews.implementationLevels.${recorded.implementation}`),
                          date: ltr(recorded.followedUpAt.slice(0, 10)),
                        })}
                        {recorded.followUpNote && ` ${recorded.followUpNote}`}
                      </span>
                    )}
                  </span>
                  <Field label={t("reviews.implementation")}>
                    <select
                      name="implementation"
                      defaultValue={recorded?.implementation ?? rec.implementation ?? "not_started"}
                    >
                      {implementationLevels.map((level) => (
                        <option key={level} value={level}>
                          {t(`reviews.implementationLevels.${level}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field label={t("alerts.note")}>
                    <input name="note" defaultValue={recorded?.followUpNote ?? ""} />
                  </Field>
                  <BusyButton type="submit" busy={call.isPending}>
                    {t(recorded ? "reviews.changeFollowUp" : "reviews.followUp")}
                  </BusyButton>
                  <FormOutcome {...outcomeAt(`/api/reviews/recommendations/${rec.id}/follow-up`)} />
                </form>
              );
            })}
          </>
        )}
      </section>

      <section aria-labelledby="factors">
        <h2 id="factors">{t("reviews.riskFactors")}</h2>
        {i18n.language !== "en" && <p className="muted">{t("reviews.frameworkTextLanguage")}</p>}
        {framework.data?.factors.map((factor) => {
          const a = assessed.get(factor.code);
          return (
            <details key={factor.code} className="factor">
              <summary>
                {factor.code}. {translated(factor.name, factor.translations, i18n.language)}{" "}
                <span className={`level-${a?.level ?? "none"}`}>
                  — {a ? t(`reviews.levels.${a.level}`) : t("reviews.notAssessed")}
                </span>
              </summary>
              <p className="muted">{factor.description}</p>
              <ul>
                {factor.indicators.map((i) => (
                  <li key={i.code}>
                    {i.code} {i.text}
                  </li>
                ))}
              </ul>
              <p>
                <strong>{t("reviews.guidance")}:</strong> {factor.guidance}
              </p>
              {editable && (
                <form
                  className="inline-form"
                  aria-label={t("reviews.assessFactor", { code: factor.code })}
                  onSubmit={(e) => {
                    const v = values(e);
                    call.mutate({
                      method: "PUT",
                      path: `/api/reviews/${id}/assessments/${encodeURIComponent(factor.code)}`,
                      body: {
                        level: v.level,
                        trend: v.trend,
                        confidence: v.confidence,
                        note: v.note,
                        // A new link joins the earlier ones (a link to the same address replaces its label);
                        // a label without an address is sent as it is, for the server to name what is missing.
                        evidenceLinks: [
                          ...(a?.evidenceLinks ?? []).filter((l) => l.url !== v.url),
                          ...(v.url || v.label ? [{ label: v.label || v.url, url: v.url }] : []),
                        ],
                        basedOn: a?.assessedAt ?? null,
                      },
                    });
                  }}
                >
                  <Field label={t("reviews.level")}>
                    <select name="level" defaultValue={a?.level ?? "moderate"}>
                      {riskLevels.map((level) => (
                        <option key={level} value={level}>
                          {t(`reviews.levels.${level}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field label={t("reviews.trend")}>
                    <select name="trend" defaultValue={a?.trend ?? "unknown"}>
                      {trends.map((trend) => (
                        <option key={trend} value={trend}>
                          {t(`reviews.trends.${trend}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field label={t("reviews.confidence")}>
                    <select name="confidence" defaultValue={a?.confidence ?? "medium"}>
                      {confidences.map((c) => (
                        <option key={c} value={c}>
                          {t(`reviews.confidences.${c}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field label={t("reviews.assessmentNote")}>
                    <textarea name="note" rows={2} cols={40} defaultValue={a?.note ?? ""} />
                  </Field>
                  <Field label={t("reviews.linkLabel")}>
                    <input name="label" />
                  </Field>
                  <Field label={t("reviews.linkUrl")}>
                    <input name="url" type="url" />
                  </Field>
                  <BusyButton type="submit" busy={call.isPending}>
                    {t("reviews.saveAssessment")}
                  </BusyButton>
                  <FormOutcome
                    {...outcomeAt(`/api/reviews/${id}/assessments/${encodeURIComponent(factor.code)}`)}
                    labels={{
                      note: t("reviews.assessmentNote"),
                      "evidenceLinks.label": t("reviews.linkLabel"),
                      "evidenceLinks.url": t("reviews.linkUrl"),
                    }}
                  />
                </form>
              )}
              {a && a.evidenceLinks.length > 0 && (
                <p className="muted">
                  {a.evidenceLinks.map((l) => (
                    <a key={l.url} href={l.url} rel="noreferrer" target="_blank">
                      {l.label}{" "}
                    </a>
                  ))}
                </p>
              )}
            </details>
          );
        })}
      </section>

      <section aria-labelledby="findings">
        <h2 id="findings">{t("reviews.findings")}</h2>
        {editable ? (
          <form
            className="stacked-form"
            onSubmit={(e) =>
              call.mutate({
                method: "PATCH",
                path: `/api/reviews/${id}`,
                body: { findings: values(e).findings },
              })
            }
          >
            <textarea name="findings" rows={6} defaultValue={r.findings} aria-label={t("reviews.findings")} />
            <BusyButton type="submit" busy={call.isPending}>
              {t("reviews.saveFindings")}
            </BusyButton>
            <FormOutcome {...outcomeAt(`/api/reviews/${id}`)} labels={{ findings: t("reviews.findings") }} />
          </form>
        ) : (
          <p className="prose" dir="auto">
            {r.findings}
          </p>
        )}
      </section>

      <section aria-labelledby="recommendations">
        <h2 id="recommendations">{t("reviews.recommendations")}</h2>
        <ol className="recommendations">
          {r.recommendations.map((rec) => (
            <li key={rec.id}>
              <bdi id={`recommendation-${rec.id}`}>{rec.body}</bdi>{" "}
              <span className="muted">
                {t("reviews.addressedTo")} <bdi>{rec.addressedTo}</bdi> · {t("reviews.recommendedBy")}{" "}
                <bdi>{rec.recommendedBy}</bdi> · {t(`reviews.responses.${rec.response}`)}
              </span>{" "}
              {rec.response === "pending" &&
                mayWrite &&
                (["supported", "noted"] as const).map((response) => (
                  <button
                    key={response}
                    type="button"
                    aria-describedby={`recommendation-${rec.id}`}
                    onClick={() =>
                      call.mutate({
                        method: "POST",
                        path: `/api/reviews/recommendations/${rec.id}/response`,
                        body: { response },
                      })
                    }
                  >
                    {t(`reviews.responses.${response}`)}
                  </button>
                ))}
              <FormOutcome {...outcomeAt(`/api/reviews/recommendations/${rec.id}/response`)} />
              <FollowUpHistory history={rec.history} />
            </li>
          ))}
        </ol>
        {editable && (
          <form
            className="inline-form"
            aria-label={t("reviews.newRecommendation")}
            onSubmit={(e) => {
              const form = e.currentTarget;
              call.mutate(
                { method: "POST", path: `/api/reviews/${id}/recommendations`, body: values(e) },
                { onSuccess: () => form.reset() },
              );
            }}
          >
            <Field label={t("reviews.recommendation")}>
              <input name="body" required minLength={3} size={50} />
            </Field>
            <Field label={t("reviews.addressedTo")}>
              <input name="addressedTo" required minLength={2} />
            </Field>
            <Field label={t("reviews.recommendedBy")}>
              <input name="recommendedBy" required minLength={2} />
            </Field>
            <BusyButton type="submit" busy={call.isPending}>
              {t("reviews.addRecommendation")}
            </BusyButton>
            <FormOutcome
              {...outcomeAt(`/api/reviews/${id}/recommendations`)}
              labels={{
                body: t("reviews.recommendation"),
                addressedTo: t("reviews.addressedTo"),
                recommendedBy: t("reviews.recommendedBy"),
              }}
            />
          </form>
        )}
      </section>

      <ScenariosPanel iso3={r.iso3} />
    </>
  );
};
