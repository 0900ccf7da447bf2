import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { ApiError } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { PlotFigure } from "../../components/PlotFigure.tsx";
import { ltr } from "../../i18n/index.ts";
import { BandCoverage } from "./BandCoverage.tsx";
import { ForecastDownload } from "./ForecastDownload.tsx";
import { ForecastDrivers } from "./ForecastDrivers.tsx";
import { ForecastTable } from "./ForecastTable.tsx";
import { fanChart } from "./fan-chart.ts";
import { StaleDataNote } from "./StaleDataNote.tsx";
import { type CountryForecast as CountryForecastData, fetchCountryForecast } from "./warning-api.ts";

/** Which run the forecast comes from, how to read the chart, and the months recorded since the run's origin. */
const ForecastRunNotes = ({ iso3, data }: { iso3: string; data: CountryForecastData }) => {
  const { t } = useTranslation();
  const lastObserved = data.observed.at(-1)?.month;
  return (
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
    </>
  );
};

/** A country's forecast: the fan chart, risk per month ahead, and the drivers in plain words. */
export const CountryForecast = ({ iso3 }: { iso3: string }) => {
  const { t, i18n } = useTranslation();
  const forecast = useQuery({
    queryKey: ["warning", "country", iso3],
    queryFn: () => fetchCountryForecast(iso3),
  });
  const data = forecast.data;
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
          <ForecastRunNotes iso3={iso3} data={data} />
          <PlotFigure make={makeChart} label={t("warning.fanChartLabel", { country: name })} />
          <ForecastTable forecasts={data.forecasts} />
          <ForecastDrivers iso3={iso3} name={name} forecast={data} />
        </>
      )}
    </section>
  );
};
