import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { riskMeasures } from "../../../../src/core/warning/warning.schemas.ts";
import { ApiError } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { allows } from "../../api/permissions.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { ltr } from "../../i18n/index.ts";
import { useSession } from "../../session.tsx";
import { useUrlCount, useUrlState } from "../../url-state.ts";
import { DeathsRange } from "./DeathsRange.tsx";
import { DriverList } from "./DriverList.tsx";
import { ForecastDownload } from "./ForecastDownload.tsx";
import { MeasureField } from "./MeasureField.tsx";
import { RunProgress } from "./RunProgress.tsx";
import { StaleDataNote } from "./StaleDataNote.tsx";
import { shownPoints, signedPoints } from "./signed-points.ts";
import { useLiveRun } from "./useLiveRun.ts";
import {
  fetchForecastRun,
  fetchForecastRuns,
  fetchWatchlist,
  percent,
  type RiskMeasure,
  startForecast,
} from "./warning-api.ts";

/** A finished forecast changes every published view: the map, the watchlist and the country pages. */
const everyForecastView = ["warning"] as const;

/** The forecast run being computed (started here, in another tab or before a reload), or the last failed one. */
export const useLiveForecast = (startedId: string | null = null) =>
  useLiveRun({
    kind: "forecast",
    startedId,
    fetchRuns: fetchForecastRuns,
    fetchRun: fetchForecastRun,
    refresh: everyForecastView,
  });

/** Starts a forecast run from the latest data; disabled while any forecast runs. */
const RunForecastControl = ({
  running,
  onStarted,
}: {
  running: boolean;
  onStarted: (id: string) => void;
}) => {
  const { t } = useTranslation();
  // A new run becomes every organisation's forecast: it is started only once the person has said so.
  const [confirming, setConfirming] = useState(false);
  const runButton = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setConfirming(false);
    // Back on the button the person pressed, not at the top of the page.
    requestAnimationFrame(() => runButton.current?.focus());
  };
  const start = useMutation({
    mutationFn: startForecast,
    onSuccess: (run) => {
      setConfirming(false);
      onStarted(run.id);
    },
  });
  return (
    <div className="run-control">
      {confirming ? (
        <div>
          <p>{t("warning.runForecastConfirm")}</p>
          <BusyButton busy={start.isPending || running} onClick={() => start.mutate()} autoFocus>
            {t("warning.runForecastGo")}
          </BusyButton>{" "}
          <button type="button" onClick={cancel}>
            {t("warning.runForecastCancel")}
          </button>
        </div>
      ) : (
        <BusyButton busy={running} onClick={() => setConfirming(true)} ref={runButton}>
          {t("warning.runForecast")}
        </BusyButton>
      )}
      <ErrorNote error={start.error} />
    </div>
  );
};

/** The riskiest countries are shown first; the rest (calm countries, mostly) on request. */
const firstShown = 30;

/** Countries ranked by forecast risk, with the change since the previous run and what drives each. */
export const WatchlistPage = () => {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const names = useCountryNames();
  const [measure, setMeasure] = useUrlState<RiskMeasure>("measure", "pGe25", riskMeasures);
  const [horizon, setHorizon] = useUrlCount("ahead", 1);
  const [listed, setListed] = useUrlState<"top" | "all">("list", "top", ["top", "all"]);
  const [startedId, setStartedId] = useState<string | null>(null);
  const live = useLiveForecast(startedId);
  const running = live?.status === "running";
  const list = useQuery({
    queryKey: ["warning", "watchlist", measure, horizon],
    queryFn: () => fetchWatchlist(measure, horizon),
    // The list and its controls stay while the next measure or month loads: the keyboard keeps its place.
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  const noRun = list.error instanceof ApiError && list.error.status === 404;
  // A shared address may ask for more months ahead than the run holds: open on the first month instead.
  const beyondRun =
    list.error instanceof ApiError && list.error.body.details.some((d) => d.field.endsWith("horizon"));
  useEffect(() => {
    if (beyondRun) setHorizon(1);
  }, [beyondRun, setHorizon]);
  return (
    <>
      <h1>{t("warning.watchlist")}</h1>
      <p>{t("warning.watchlistIntro")}</p>
      {allows(me, "forecast.run") && <RunForecastControl running={running} onStarted={setStartedId} />}
      {live && <RunProgress progress={live.progress} status={live.status} error={live.error} />}
      {noRun && <p>{t(running ? "warning.computing" : "warning.noRun")}</p>}
      {!noRun && <ErrorNote error={list.error} />}
      {data && (
        <>
          <p>
            {t("warning.runFrom", { origin: ltr(data.run.origin), model: ltr(data.run.modelVersion) })}{" "}
            {data.previousRun
              ? t("warning.comparedWith", { origin: ltr(data.previousRun.origin) })
              : t("warning.noPreviousRun", { origin: ltr(data.run.origin) })}{" "}
            <ForecastDownload runId={data.run.id} />
          </p>
          <StaleDataNote origin={data.run.origin} />
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
            <table className="watchlist cards-on-phone">
              <caption aria-live="polite">
                {t("warning.watchlistCaption", {
                  measure: t(`warning.${measure}`),
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
                {(listed === "all" ? data.entries : data.entries.slice(0, firstShown)).map((e) => (
                  <tr key={e.iso3}>
                    <td>{e.rank}</td>
                    <td>
                      <Link to={`/warning/countries/${e.iso3}`}>{names.byIso3(e.iso3, e.name)}</Link>
                    </td>
                    <td data-label={t(`warning.${measure}`)} className="label-inline">
                      {percent(e[measure], i18n.language)}
                    </td>
                    <td
                      data-label={t("warning.change")}
                      className={`label-inline${e.change !== null && shownPoints(100 * e.change) > 0 ? " rising" : ""}`}
                    >
                      {e.change === null ? "—" : signedPoints(100 * e.change, i18n.language)}
                    </td>
                    <td data-label={t("warning.median80")}>
                      <DeathsRange q10={e.q10} q50={e.q50} q90={e.q90} />
                    </td>
                    <td data-label={t("warning.drivers")}>
                      <DriverList drivers={e.topDrivers} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {/* One button that toggles, so the keyboard stays where it was. */}
          {data.entries.length > firstShown && (
            <button type="button" onClick={() => setListed(listed === "all" ? "top" : "all")}>
              {listed === "all"
                ? t("warning.showRiskiest", { count: firstShown })
                : t("warning.showAllCountries", {
                    count: new Intl.NumberFormat(i18n.language).format(data.entries.length),
                  })}
            </button>
          )}
        </>
      )}
    </>
  );
};
