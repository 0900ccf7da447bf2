import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TReviewDetail } from "../../../../src/core/reviews/review.schemas.ts";
import { ltr } from "../../i18n/index.ts";
import { useAlertSummary } from "../alerts/alert-summary.ts";
import { SignalsTable } from "../voices/CountrySignals.tsx";
import { percent } from "../warning/warning-api.ts";

/** What a review was based on, frozen when it was gathered: deaths, forecast, conflicts, reports, indicators, alerts. */
export const EvidencePack = ({
  evidence,
  iso3,
}: {
  evidence: NonNullable<TReviewDetail["evidence"]>;
  iso3: string;
}) => {
  const { t, i18n } = useTranslation();
  const count = (n: number) => new Intl.NumberFormat(i18n.language).format(Math.round(n));
  const alertSummary = useAlertSummary();
  return (
    <div className="two-columns">
      <div>
        <p className="muted">{t("reviews.gatheredOn", { date: ltr(evidence.gatheredAt.slice(0, 10)) })}</p>
        <p>
          {t("reviews.window", { from: ltr(evidence.window.from), to: ltr(evidence.window.to) })}:{" "}
          {evidence.totals.oneSided === null || evidence.totals.events === null
            ? t("reviews.totalsDeathsOnly", { deaths: count(evidence.totals.fatalities) })
            : t("reviews.totals", {
                deaths: count(evidence.totals.fatalities),
                oneSided: count(evidence.totals.oneSided),
                events: count(evidence.totals.events),
              })}
        </p>
        {evidence.totals.oneSided !== null && evidence.totals.stateBasedOnly.length > 0 && (
          <p className="muted">
            {t("reviews.stateBasedOnly", {
              months: evidence.totals.stateBasedOnly.map(ltr).join(", "),
            })}
          </p>
        )}
        <h3>{t("reviews.forecast")}</h3>
        {evidence.forecast ? (
          <table>
            <thead>
              <tr>
                <th>{t("reviews.month")}</th>
                <th>{t("warning.pGe25")}</th>
                <th>{t("reviews.interval")}</th>
              </tr>
            </thead>
            <tbody>
              {evidence.forecast.rows.map((f) => (
                <tr key={f.horizon}>
                  <td className="nowrap">{ltr(f.month)}</td>
                  <td>{percent(f.pGe25, i18n.language)}</td>
                  <td>
                    {count(f.q10)}–{count(f.q90)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("reviews.noForecast")}</p>
        )}
        {evidence.forecast && (
          <p>
            <Link to={`/countries/${iso3}#forecast-${iso3}`}>{t("reviews.forecastDetail")}</Link>
          </p>
        )}
        <h3>{t("reviews.conflicts")}</h3>
        {evidence.conflicts.length === 0 && <p className="muted">{t("reviews.noConflicts")}</p>}
        <ul>
          {evidence.conflicts.map((c) => (
            <li key={`${c.conflictId}-${c.year}`}>
              {ltr(c.year)}:{" "}
              <bdi>
                {c.sideA} – {c.sideB}
                {c.territoryName ? ` (${c.territoryName})` : ""}
              </bdi>
            </li>
          ))}
        </ul>
        <h3>{t("reviews.communityReports")}</h3>
        {evidence.communityReports.available ? (
          <SignalsTable
            rows={evidence.communityReports.months}
            minCellCount={evidence.communityReports.minCellCount}
          />
        ) : (
          <p className="muted">{t("reviews.communityReportsNotGathered")}</p>
        )}
      </div>
      <div>
        <h3>{t("reviews.deadliest")}</h3>
        {evidence.topEvents.length === 0 && <p className="muted">{t("reviews.noEvents")}</p>}
        <ul>
          {evidence.topEvents.slice(0, 5).map((e) => (
            <li key={`${e.source}-${e.sourceEventId}`}>
              {ltr(e.date)}: {e.best} ·{" "}
              <bdi>
                {e.adm1 ?? ""} {e.sideA ? `(${e.sideA} – ${e.sideB ?? ""})` : ""}
              </bdi>
            </li>
          ))}
        </ul>
        <h3>{t("reviews.indicators")}</h3>
        {evidence.indicators.length === 0 && <p className="muted">{t("reviews.noIndicators")}</p>}
        <ul>
          {evidence.indicators.slice(0, 8).map((i) => (
            <li key={i.code}>
              {/* Names and units come in English: isolated, so a right-to-left page keeps their words in order. */}
              <bdi>
                {i.name}
                {i.unit ? ` (${i.unit})` : ""}
              </bdi>
              : {new Intl.NumberFormat(i18n.language, { maximumSignificantDigits: 4 }).format(i.value)} (
              {ltr(i.year)})
            </li>
          ))}
        </ul>
        <h3>{t("reviews.openAlerts")}</h3>
        {evidence.openAlerts.length === 0 && <p className="muted">{t("reviews.noOpenAlerts")}</p>}
        <ul>
          {evidence.openAlerts.map((a) => (
            <li key={a.id}>
              <Link to={`/alerts/${a.id}`}>{alertSummary({ ...a, iso3: iso3 })}</Link> (
              {t(`alerts.severities.${a.severity}`, { defaultValue: a.severity })})
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
};
