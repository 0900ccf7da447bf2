import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { ltr } from "../../i18n/index.ts";
import { useSession } from "../../session.tsx";
import { canRunModels } from "./canRunModels.ts";
import { DeathsRange } from "./DeathsRange.tsx";
import { DriverList } from "./DriverList.tsx";
import { MeasureField } from "./MeasureField.tsx";
import { RunProgress } from "./RunProgress.tsx";
import { fetchForecastRun, fetchWatchlist, percent, type RiskMeasure, startForecast } from "./warning-api.ts";

const signedPoints = (change: number, language: string) =>
  `${change > 0 ? "+" : change < 0 ? "−" : "±"}${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(Math.abs(change) * 100)}`;

/** Starts a forecast run from the latest data and follows it until it ends. */
const RunForecastControl = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<string | null>(null);
  const start = useMutation({ mutationFn: startForecast, onSuccess: (run) => setRunId(run.id) });
  const run = useQuery({
    queryKey: ["warning", "forecast-run", runId],
    queryFn: () => fetchForecastRun(runId ?? ""),
    enabled: runId !== null,
    refetchInterval: (query) => (query.state.data?.status === "running" ? 1000 : false),
  });
  const status = run.data?.status;
  useEffect(() => {
    // A finished run changes every published view: the map, the watchlist and the country pages.
    if (status === "succeeded") void queryClient.invalidateQueries({ queryKey: ["warning"] });
  }, [status, queryClient]);
  return (
    <div className="run-control">
      <button type="button" disabled={start.isPending || status === "running"} onClick={() => start.mutate()}>
        {t("warning.runForecast")}
      </button>
      {run.data && <RunProgress progress={run.data.progress} status={run.data.status} />}
      {run.data?.error && <p role="alert">{run.data.error}</p>}
      <ErrorNote error={start.error} />
    </div>
  );
};

/** Countries ranked by forecast risk, with the change since the previous run and what drives each. */
export const WatchlistPage = () => {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const names = useCountryNames();
  const [measure, setMeasure] = useState<RiskMeasure>("pGe25");
  const [horizon, setHorizon] = useState(1);
  const list = useQuery({
    queryKey: ["warning", "watchlist", measure, horizon],
    queryFn: () => fetchWatchlist(measure, horizon),
  });
  const data = list.data;
  const noRun = list.error instanceof ApiError && list.error.status === 404;
  return (
    <>
      <h1>{t("warning.watchlist")}</h1>
      <p>{t("warning.watchlistIntro")}</p>
      {canRunModels(me) && <RunForecastControl />}
      {noRun && <p>{t("warning.noRun")}</p>}
      {!noRun && <ErrorNote error={list.error} />}
      {data && (
        <>
          <p>
            {t("warning.runFrom", { origin: ltr(data.run.origin), model: ltr(data.run.modelVersion) })}{" "}
            {data.previousRun
              ? t("warning.comparedWith", { origin: ltr(data.previousRun.origin) })
              : t("warning.noPreviousRun")}
          </p>
          <div className="inline-form">
            <MeasureField measure={measure} onChange={setMeasure} />
            <Field label={t("warning.horizon")}>
              <select value={horizon} onChange={(event) => setHorizon(Number(event.target.value))}>
                {Array.from({ length: data.run.maxHorizon }, (_, i) => i + 1).map((h) => (
                  <option key={h} value={h}>
                    {t("warning.monthsAhead", { count: h })}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <TableScroll label={t("warning.watchlist")}>
            <table className="watchlist">
              <caption>
                {t("warning.watchlistCaption", {
                  month: ltr(data.entries[0]?.month ?? ""),
                  count: new Intl.NumberFormat(i18n.language).format(data.entries.length),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("countries.country")}</th>
                  <th scope="col">{t(`warning.${measure}`)}</th>
                  <th scope="col">{t("warning.change")}</th>
                  <th scope="col">{t("warning.median80")}</th>
                  <th scope="col">{t("warning.drivers")}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((e) => (
                  <tr key={e.iso3}>
                    <td>{e.rank}</td>
                    <td>
                      <Link to={`/warning/countries/${e.iso3}`}>{names.byIso3(e.iso3, e.name)}</Link>
                    </td>
                    <td>{percent(e[measure], i18n.language)}</td>
                    <td className={e.change !== null && e.change > 0 ? "rising" : undefined}>
                      {e.change === null ? "—" : signedPoints(e.change, i18n.language)}
                    </td>
                    <td>
                      <DeathsRange q10={e.q10} q50={e.q50} q90={e.q90} />
                    </td>
                    <td>
                      <DriverList drivers={e.topDrivers} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
};
