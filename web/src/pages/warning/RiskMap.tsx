import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { riskMeasures } from "../../../../src/core/warning/warning.schemas.ts";
import { ApiError } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { MapLegend, WorldMap } from "../../components/WorldMap.tsx";
import { mapKey } from "../../components/world-shapes.ts";
import { ltr } from "../../i18n/index.ts";
import { useUrlCount, useUrlState } from "../../url-state.ts";
import { ForecastDownload } from "./ForecastDownload.tsx";
import { MeasureField } from "./MeasureField.tsx";
import { RunProgress } from "./RunProgress.tsx";
import { StaleDataNote } from "./StaleDataNote.tsx";
import { useLiveForecast } from "./WatchlistPage.tsx";
import { fetchLatestForecasts, percent, type RiskMeasure, riskColour } from "./warning-api.ts";

/** The world coloured by forecast risk in the latest run, one month of the horizon at a time. */
export const RiskMap = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const names = useCountryNames();
  const [measure, setMeasure] = useUrlState<RiskMeasure>("risk", "pGe25", riskMeasures);
  const [requestedHorizon, setHorizon] = useUrlCount("ahead", 1);
  const latest = useQuery({ queryKey: ["warning", "forecasts", "latest"], queryFn: fetchLatestForecasts });
  const live = useLiveForecast();
  const run = latest.data?.run;
  const horizon = Math.min(requestedHorizon, run?.maxHorizon ?? requestedHorizon);
  const atHorizon = useMemo(
    () => (latest.data?.forecasts ?? []).filter((f) => f.horizon === horizon),
    [latest.data, horizon],
  );
  const byMapKey = useMemo(() => {
    const values = new Map<string, number>();
    const codes = new Map<string, string>();
    for (const f of atHorizon) {
      const key = mapKey(f);
      values.set(key, f[measure]);
      codes.set(key, f.iso3);
    }
    return { values, codes };
  }, [atHorizon, measure]);
  const month = atHorizon[0]?.month ?? "";
  const top = [...atHorizon].sort((a, b) => b[measure] - a[measure]).slice(0, 5);
  const noRun = latest.error instanceof ApiError && latest.error.status === 404;
  return (
    <section aria-labelledby="risk-map">
      <h2 id="risk-map">{t("warning.riskMap")}</h2>
      {live && <RunProgress progress={live.progress} status={live.status} error={live.error} />}
      {noRun && <p>{t(live?.status === "running" ? "warning.computing" : "warning.noRun")}</p>}
      {!noRun && <ErrorNote error={latest.error} />}
      {run && (
        <>
          <p>
            {t("warning.runFrom", { origin: ltr(run.origin), model: ltr(run.modelVersion) })}{" "}
            <Link to="/warning/watchlist">{t("warning.toWatchlist")}</Link> ·{" "}
            <ForecastDownload runId={run.id} />
          </p>
          <StaleDataNote origin={run.origin} />
          <div className="inline-form">
            <MeasureField measure={measure} onChange={setMeasure} />
            <Field label={t("warning.forecastMonth", { month: ltr(month), horizon })}>
              <input
                type="range"
                min={1}
                max={run.maxHorizon}
                value={horizon}
                onChange={(event) => setHorizon(Number(event.target.value))}
                aria-valuetext={month}
              />
            </Field>
          </div>
          <WorldMap
            label={t("warning.riskMapLabel", { month: ltr(month) })}
            values={byMapKey.values}
            colour={riskColour}
            describe={(name, value) =>
              value === undefined
                ? `${name}: ${t("warning.notForecast")}`
                : `${name}: ${percent(value, i18n.language)}`
            }
            onSelect={(key) => {
              const iso3 = byMapKey.codes.get(key);
              if (iso3) void navigate(`/warning/countries/${iso3}`);
            }}
          />
          <MapLegend
            caption={t("warning.legendCaption")}
            items={[0, 0.05, 0.25, 0.5, 0.9].map((p) => ({
              colour: riskColour(p),
              label: percent(p, i18n.language),
            }))}
            missing={t("warning.notForecast")}
          />
          <h3>{t("warning.highestRisk", { month: ltr(month) })}</h3>
          <ol>
            {top.map((f) => (
              <li key={f.iso3}>
                <Link to={`/warning/countries/${f.iso3}`}>{names.byIso3(f.iso3, f.name)}</Link> —{" "}
                {percent(f[measure], i18n.language)}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
};
