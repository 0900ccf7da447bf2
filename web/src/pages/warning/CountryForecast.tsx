import * as Plot from "@observablehq/plot";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useCallback, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { ApiError } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { allows } from "../../api/permissions.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { PlotFigure } from "../../components/PlotFigure.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { ltr } from "../../i18n/index.ts";
import { useSession } from "../../session.tsx";
import { useUrlCount } from "../../url-state.ts";
import { DeathsRange } from "./DeathsRange.tsx";
import { DriverList } from "./DriverList.tsx";
import { ForecastDownload } from "./ForecastDownload.tsx";
import { StaleDataNote } from "./StaleDataNote.tsx";
import {
  type CountryForecast as CountryForecastData,
  fetchCountryForecast,
  fetchForecastRun,
  percent,
} from "./warning-api.ts";

const asDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** 1, 3, 10, 30, … (for steps [1, 3]) from 1 up to and including the first value at or above `max`. */
const stepSeries = (steps: number[], max: number): number[] => {
  const values: number[] = [];
  for (let decade = 1; ; decade *= 10)
    for (const step of steps) {
      values.push(step * decade);
      if (step * decade >= max) return values;
    }
};

/**
 * Domain and ticks for the symlog deaths axis: 1, 2, 5, 10, … or 1, 3, 10, 30, … or whole decades, the
 * finest that stays within ten ticks. The top tick is the first at or above the largest value, so the
 * highest values are labelled; the axis starts at 0 only when the values come near 0, otherwise at the
 * tick below the smallest value, so a country with 650 to 5,900 deaths a month does not spend most of the
 * chart's height on an empty 0–100. Plot's own symlog ticks crowd at the top of the range.
 */
const symlogAxis = (min: number, max: number): { domain: [number, number]; ticks: number[] } => {
  const top = Math.max(1, max);
  const candidates = [[1, 2, 5], [1, 3], [1]].map((steps) => {
    const series = stepSeries(steps, top);
    const bottom = min >= 1 ? (series.filter((v) => v <= min).at(-1) ?? 0) : 0;
    const ticks = [...(bottom === 0 ? [0] : []), ...series.filter((v) => v >= bottom)];
    return { domain: [bottom, series.at(-1) ?? top] as [number, number], ticks };
  });
  return (
    candidates.find((axis) => axis.ticks.length <= 10) ?? (candidates.at(-1) as (typeof candidates)[number])
  );
};

/** Observed deaths, then the forecast median with its 80% band (q10–q90), joined at the origin. */
const fanChart = (
  data: CountryForecastData,
  width: number,
  labels: { median: string; deaths: string; language: string },
) => {
  const observed = data.observed.map((o) => ({ date: asDate(o.month), value: o.fatalities }));
  const atOrigin = data.observed.find((o) => o.month === data.run.origin)?.fatalities ?? 0;
  const band = [
    { date: asDate(data.run.origin), q10: atOrigin, q50: atOrigin, q90: atOrigin },
    ...data.forecasts.map((f) => ({ date: asDate(f.month), q10: f.q10, q50: f.q50, q90: f.q90 })),
  ];
  const shown = [...observed.map((o) => o.value), ...band.flatMap((b) => [b.q10, b.q90])];
  // A country without deaths still gets an axis from 0 to 1.
  const axis = symlogAxis(Math.min(...shown, Number.POSITIVE_INFINITY), Math.max(1, ...shown));
  const number = new Intl.NumberFormat(labels.language, { maximumFractionDigits: 0 });
  return Plot.plot({
    width: Math.min(860, width),
    height: 320,
    marginLeft: 48,
    y: {
      type: "symlog",
      domain: axis.domain,
      ticks: axis.ticks,
      tickFormat: (v: number) => number.format(v),
      label: labels.deaths,
      grid: true,
    },
    x: { type: "utc" },
    marks: [
      Plot.areaY(band, { x: "date", y1: "q10", y2: "q90", fill: "#c0392b", fillOpacity: 0.2 }),
      Plot.lineY(band, { x: "date", y: "q50", stroke: "#c0392b", strokeWidth: 2, strokeDasharray: "4,3" }),
      Plot.lineY(observed, { x: "date", y: "value", stroke: "#1f3a5f", strokeWidth: 1.5 }),
      Plot.ruleX([asDate(data.run.origin)], { stroke: "#888" }),
      Plot.tip(
        band,
        Plot.pointerX({
          x: "date",
          y: "q50",
          title: (d: { q10: number; q50: number; q90: number }) =>
            `${labels.median} ${number.format(d.q50)} (${number.format(d.q10)}–${number.format(d.q90)})`,
        }),
      ),
    ],
  });
};

/**
 * How often the band held what happened in the reference backtest behind the run, as that backtest scored it; no
 * claim at all for a run without one (an experiment, or a model not yet backtested).
 */
const BandCoverage = ({ runId }: { runId: string }) => {
  const { t, i18n } = useTranslation();
  const evidence = useQuery({
    queryKey: ["warning", "forecast-run", runId],
    queryFn: () => fetchForecastRun(runId),
  });
  const backtest = evidence.data?.backtest;
  if (!backtest || backtest.coverage80 === null) return null;
  const share = new Intl.NumberFormat(i18n.language, { style: "percent" });
  const words = {
    origins: backtest.origins.map((origin) => ltr(origin)).join(", "),
    coverage: share.format(backtest.coverage80),
  };
  return backtest.pitCoverage80 === null
    ? t("warning.fanCoverage", words)
    : t("warning.fanCoveragePit", { ...words, pitCoverage: share.format(backtest.pitCoverage80) });
};

/** The alerts page's raise form, filled in with the country and what the chosen month's forecast says. */
const raiseAlertLink = (
  iso3: string,
  chosen: { month: string; pGt0: number; pGe25: number },
  origin: string,
  t: TFunction,
  language: string,
): string => {
  const summary = t("warning.raiseAlertSummary", {
    origin,
    month: chosen.month,
    pGe25: percent(chosen.pGe25, language),
    pGt0: percent(chosen.pGt0, language),
  });
  // Direction marks that lay the figures out on screen would be stored in the alert's text: plain text goes in.
  const plain = summary.replace(/[\u200e\u200f\u2066-\u2069]/g, "");
  const query = new URLSearchParams({ raise: iso3, summary: plain, cause: "forecast" });
  return `/alerts?${query}#raise-alert`;
};

/** A country's forecast: the fan chart, risk per month ahead, and the drivers in plain words. */
export const CountryForecast = ({ iso3 }: { iso3: string }) => {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [horizon, setHorizon] = useUrlCount("ahead", 1);
  const forecast = useQuery({
    queryKey: ["warning", "country", iso3],
    queryFn: () => fetchCountryForecast(iso3),
  });
  const data = forecast.data;
  const lastObserved = data?.observed.at(-1)?.month;
  const makeChart = useCallback(
    (width: number) =>
      data
        ? fanChart(data, width, {
            median: t("warning.median"),
            deaths: t("warning.deathsPerMonthLog"),
            language: i18n.language,
          })
        : null,
    [data, t, i18n.language],
  );
  const name = useCountryNames().byIso3(iso3, data?.name);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const chosen = data?.forecasts.find((f) => f.horizon === horizon);
  const missing = forecast.error instanceof ApiError && forecast.error.status === 404;
  const { hash } = useLocation();
  const drawn = data !== undefined;
  useEffect(() => {
    // A review links here (#forecast-ISO3); the section sits below charts that load first, so scroll once drawn.
    if (drawn && hash === `#forecast-${iso3}`) document.getElementById(`forecast-${iso3}`)?.scrollIntoView();
  }, [drawn, hash, iso3]);
  return (
    <section aria-labelledby={`forecast-${iso3}`} className="country-forecast">
      <h2 id={`forecast-${iso3}`}>{t("warning.countryForecast")}</h2>
      {missing && <p>{t("warning.noCountryForecast")}</p>}
      {!missing && <ErrorNote error={forecast.error} />}
      {data && (
        <>
          <p>
            {t("warning.runFrom", { origin: ltr(data.run.origin), model: ltr(data.run.modelVersion) })}{" "}
            {t("warning.fanLegend")} <BandCoverage runId={data.run.id} />{" "}
            <ForecastDownload runId={data.run.id} iso3={iso3} />
          </p>
          <StaleDataNote origin={data.run.origin} />
          {lastObserved && lastObserved > data.run.origin && (
            <p className="muted">
              {t("warning.observedBeyondOrigin", { month: ltr(lastObserved), origin: ltr(data.run.origin) })}
            </p>
          )}
          <PlotFigure make={makeChart} label={t("warning.fanChartLabel", { country: name })} />
          <TableScroll label={t("warning.countryForecast")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("warning.month")}</th>
                  <th scope="col">{t("warning.pGt0")}</th>
                  <th scope="col">{t("warning.pGe25")}</th>
                  <th scope="col">{t("warning.median80")}</th>
                  <th scope="col">{t("warning.expected")}</th>
                </tr>
              </thead>
              <tbody>
                {data.forecasts.map((f) => (
                  <tr key={f.horizon}>
                    <td className="nowrap">{ltr(f.month)}</td>
                    <td>{percent(f.pGt0, i18n.language)}</td>
                    <td>{percent(f.pGe25, i18n.language)}</td>
                    <td>
                      <DeathsRange q10={f.q10} q50={f.q50} q90={f.q90} />
                    </td>
                    <td>{number.format(f.mean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="note">{t("warning.expectedNote")}</p>
          <h3>{t("warning.drivers")}</h3>
          <Field label={t("warning.horizon")}>
            <select value={horizon} onChange={(event) => setHorizon(Number(event.target.value))}>
              {data.forecasts.map((f) => (
                <option key={f.horizon} value={f.horizon}>
                  {ltr(f.month)} ({t("warning.monthsAhead", { count: f.horizon })})
                </option>
              ))}
            </select>
          </Field>
          <p>{t("warning.driversIntro")}</p>
          {chosen && (
            <div className="driver-columns">
              {(["gt0", "ge25"] as const).map((target) => (
                <section key={target}>
                  <h4>
                    {t("warning.measureIs", {
                      measure: t(target === "gt0" ? "warning.pGt0" : "warning.pGe25"),
                      value: percent(target === "gt0" ? chosen.pGt0 : chosen.pGe25, i18n.language),
                    })}
                  </h4>
                  <DriverList drivers={chosen.drivers.filter((d) => d.target === target)} />
                </section>
              ))}
            </div>
          )}
          {chosen && allows(me, "alert.raise") && (
            <p>
              <Link to={raiseAlertLink(iso3, chosen, data.run.origin, t, i18n.language)}>
                {t("warning.raiseAlert", { country: name })}
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
};
