import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { when } from "../../i18n/dates.ts";
import { ltr } from "../../i18n/index.ts";
import { useSession } from "../../session.tsx";
import { BacktestForm } from "./BacktestForm.tsx";
import { ReliabilitySection } from "./BacktestReliability.tsx";
import { methodOrder, PerHorizonTable, ScoreGlossary, ScoreTable } from "./BacktestScores.tsx";
import { experimentSettings } from "./experiment-settings.ts";
import { RunProgress } from "./RunProgress.tsx";
import { useLiveRun } from "./useLiveRun.ts";
import { type BacktestReport, type BacktestRun, fetchBacktest, fetchBacktestRuns } from "./warning-api.ts";

const latestBacktest = ["warning", "backtest", "latest"] as const;

const originList = (run: BacktestRun) => run.origins.map((origin) => ltr(origin)).join(", ");

/** Which finished backtest is shown (the newest unless the reader picks another), and the ones that failed. */
const BacktestChooser = ({
  runs,
  shown,
  onShow,
}: {
  runs: BacktestRun[];
  shown: string;
  onShow: (runId: string) => void;
}) => {
  const { t, i18n } = useTranslation();
  const succeeded = runs.filter((r) => r.status === "succeeded");
  const failed = runs.filter((r) => r.status === "failed");
  return (
    <>
      {succeeded.length > 1 && (
        <Field label={t("warning.backtestShown")}>
          <select value={shown} onChange={(event) => onShow(event.target.value)}>
            <option value="latest">{t("warning.newestBacktest")}</option>
            {succeeded.map((r) => {
              const choice = t("warning.backtestChoice", {
                // To the minute: two backtests of one day with the same origins are otherwise told apart by nothing.
                date: when(r.finishedAt ?? r.startedAt, i18n.language),
                origins: originList(r),
                span: t("warning.horizonSpan", { count: r.maxHorizon }),
              });
              return (
                <option key={r.id} value={r.id}>
                  {r.standard ? choice : t("warning.otherSettings", { choice })}
                </option>
              );
            })}
          </select>
        </Field>
      )}
      {failed.length > 0 && (
        <details>
          <summary>{t("warning.failedBacktests", { count: failed.length })}</summary>
          <ul>
            {failed.map((r) => (
              <li key={r.id}>
                {t("warning.failedBacktest", {
                  date: when(r.startedAt, i18n.language),
                  origins: originList(r),
                  span: t("warning.horizonSpan", { count: r.maxHorizon }),
                  error: r.error ?? t("warning.status.failed"),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
};

/** One backtest's scores beside the baselines: pooled and on onsets, reliability, and per months ahead. */
const BacktestReportView = ({ run, report }: { run: BacktestRun; report: BacktestReport }) => {
  const { t, i18n } = useTranslation();
  const span = t("warning.horizonSpan", { count: run.maxHorizon });
  const methods = useMemo(() => methodOrder(report), [report]);
  const seconds = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const total = (values: number[]) => seconds.format(values.reduce((a, b) => a + b, 0));
  return (
    <>
      <p>
        {t("warning.backtestOf", { origins: originList(run), span, model: ltr(run.modelVersion) })}
        {run.timings &&
          ` ${t("warning.timings", {
            model: total(run.timings.modelSeconds),
            baselines: total(run.timings.baselineSeconds),
          })}`}
      </p>
      {!run.standard && (
        <p className="stale-note" role="note">
          {t("warning.experimentNote", {
            settings: experimentSettings(
              run,
              { span, origins: t("warning.otherOrigins", { origins: originList(run) }) },
              t,
              i18n.language,
            ),
          })}
        </p>
      )}
      <ScoreGlossary />
      <div className="backtest-grid">
        <ScoreTable report={report} subset="pooled" methods={methods} />
        <ScoreTable report={report} subset="onsets" methods={methods} />
      </div>
      <p className="note">{t("warning.meanRatioNote")}</p>
      <ReliabilitySection report={report} methods={methods} />
      <PerHorizonTable report={report} methods={methods} />
    </>
  );
};

/** How good the forecasts were, out of sample, beside the naive baselines; and a button to re-run it. */
export const BacktestPage = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const [runId, setRunId] = useState<string | null>(null);
  // The newest backtest unless the reader picks an earlier one (say the five-origin reference run).
  const [shown, setShown] = useState("latest");
  const latest = useQuery({
    queryKey: [...latestBacktest, shown],
    queryFn: () => fetchBacktest(shown),
  });
  const earlier = useQuery({
    queryKey: [...latestBacktest, "list"],
    queryFn: () => fetchBacktestRuns(50),
  });
  const live = useLiveRun({
    kind: "backtest",
    startedId: runId,
    fetchRuns: () => fetchBacktestRuns(),
    fetchRun: fetchBacktest,
    refresh: latestBacktest,
  });
  const status = live?.status;
  // A backtest this reader just ran is what they want to see once it is done, not the reference one.
  useEffect(() => {
    if (runId && status === "succeeded") setShown(runId);
  }, [runId, status]);
  const run = latest.data;
  const noRun = latest.error instanceof ApiError && latest.error.status === 404;
  return (
    <>
      <h1>{t("warning.backtest")}</h1>
      <p>{t("warning.backtestIntro")}</p>
      {allows(me, "backtest.run") && <BacktestForm running={status === "running"} onStarted={setRunId} />}
      {live && <RunProgress progress={live.progress} status={live.status} error={live.error} />}
      {noRun && status !== "running" && <p>{t("warning.noBacktest")}</p>}
      {!noRun && <ErrorNote error={latest.error} />}
      <BacktestChooser runs={earlier.data ?? []} shown={shown} onShow={setShown} />
      {run?.report && <BacktestReportView run={run} report={run.report} />}
    </>
  );
};
