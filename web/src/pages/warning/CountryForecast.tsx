import * as Plot from "@observablehq/plot";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { PlotFigure } from "../../components/PlotFigure.tsx";
import { DriverList } from "./DriverList.tsx";
import { type CountryForecast as CountryForecastData, fetchCountryForecast, percent } from "./warning-api.ts";

const asDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** Observed deaths, then the forecast median with its 80% band (q10–q90), joined at the origin. */
const fanChart = (
  data: CountryForecastData,
  labels: { observed: string; median: string; deaths: string },
) => {
  const observed = data.observed.map((o) => ({ date: asDate(o.month), value: o.fatalities }));
  const atOrigin = data.observed.find((o) => o.month === data.run.origin)?.fatalities ?? 0;
  const band = [
    { date: asDate(data.run.origin), q10: atOrigin, q50: atOrigin, q90: atOrigin },
    ...data.forecasts.map((f) => ({ date: asDate(f.month), q10: f.q10, q50: f.q50, q90: f.q90 })),
  ];
  return Plot.plot({
    width: 860,
    height: 320,
    marginLeft: 56,
    y: { label: labels.deaths, grid: true, type: "symlog" },
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
            `${labels.median} ${Math.round(d.q50)} (${Math.round(d.q10)}–${Math.round(d.q90)})`,
        }),
      ),
    ],
  });
};

/** A country's forecast: the fan chart, risk per month ahead, and the drivers in plain words. */
export const CountryForecast = ({ iso3 }: { iso3: string }) => {
  const { t, i18n } = useTranslation();
  const [horizon, setHorizon] = useState(1);
  const forecast = useQuery({
    queryKey: ["warning", "country", iso3],
    queryFn: () => fetchCountryForecast(iso3),
  });
  const data = forecast.data;
  const makeChart = useCallback(
    () =>
      data
        ? fanChart(data, {
            observed: t("warning.observed"),
            median: t("warning.median"),
            deaths: t("warning.deathsPerMonth"),
          })
        : null,
    [data, t],
  );
  const chosen = data?.forecasts.find((f) => f.horizon === horizon);
  const missing = forecast.error instanceof ApiError && forecast.error.status === 404;
  return (
    <section aria-labelledby={`forecast-${iso3}`} className="country-forecast">
      <h2 id={`forecast-${iso3}`}>{t("warning.countryForecast")}</h2>
      {missing && <p>{t("warning.noCountryForecast")}</p>}
      {!missing && <ErrorNote error={forecast.error} />}
      {data && (
        <>
          <p>
            {t("warning.runFrom", { origin: data.run.origin, model: data.run.modelVersion })}{" "}
            {t("warning.fanLegend")}
          </p>
          <PlotFigure make={makeChart} label={t("warning.fanChartLabel", { country: data.name ?? iso3 })} />
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
                  <td>{f.month}</td>
                  <td>{percent(f.pGt0, i18n.language)}</td>
                  <td>{percent(f.pGe25, i18n.language)}</td>
                  <td>
                    {Math.round(f.q50)} ({Math.round(f.q10)}–{Math.round(f.q90)})
                  </td>
                  <td>{Math.round(f.mean)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t("warning.drivers")}</h3>
          <Field label={t("warning.horizon")}>
            <select value={horizon} onChange={(event) => setHorizon(Number(event.target.value))}>
              {data.forecasts.map((f) => (
                <option key={f.horizon} value={f.horizon}>
                  {f.month}
                </option>
              ))}
            </select>
          </Field>
          <p>{t("warning.driversIntro")}</p>
          {chosen && <DriverList drivers={chosen.drivers} />}
        </>
      )}
    </section>
  );
};
