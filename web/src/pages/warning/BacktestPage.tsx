import * as Plot from "@observablehq/plot";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { betterWhen, referenceOrigins } from "../../../../src/core/warning/backtest-report.ts";
import { ApiError } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { PlotFigure } from "../../components/PlotFigure.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { when } from "../../i18n/dates.ts";
import { ltr } from "../../i18n/index.ts";
import { useSession } from "../../session.tsx";
import { bestOfRow } from "./best-of-row.ts";
import { RunProgress } from "./RunProgress.tsx";
import { useLiveRun } from "./useLiveRun.ts";
import {
  type BacktestReport,
  type BacktestRun,
  fetchBacktest,
  fetchBacktestRuns,
  type ScoreSet,
  startBacktest,
} from "./warning-api.ts";

const latestBacktest = ["warning", "backtest", "latest"] as const;

const defaultOrigins = referenceOrigins.join(",");
const standardHorizon = 12;
/** As many months ahead as the API scores. */
const maxBacktestHorizon = 36;

/** The scores shown, in the order of discrimination, calibration, then counts. */
const scores = [
  "aucGt0",
  "apGt0",
  "brierGt0",
  "logLossGt0",
  "aucGe25",
  "apGe25",
  "brierGe25",
  "logLossGe25",
  "mseLog1pMedian",
  "mseLog1p",
  "pinballLog1p",
  "crps",
  "crpsLog1p",
  "meanRatio",
  "coverage80",
  "pitCoverage80",
] as const;
type Score = (typeof scores)[number];

const scoreOf = (
  report: BacktestReport,
  method: string,
  score: Score,
  subset: "pooled" | "onsets" | number,
): number | null => {
  const set: ScoreSet | undefined =
    typeof subset === "number" ? report.methods[method]?.byHorizon[subset] : report.methods[method]?.[subset];
  const v = set?.[score];
  return typeof v === "number" ? v : null;
};

/**
 * Three significant digits, not three decimals: rare outcomes give scores such as 0.0043 against 0.0051,
 * which a fixed 0.004 against 0.005 (or 0.001 everywhere) would hide.
 */
const useScoreFormat = () => {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { maximumSignificantDigits: 3 });
  return (v: number | null) => (v === null ? "—" : format.format(v));
};

/** A score's name with the way it improves, the same for every row. */
const useScoreName = () => {
  const { t } = useTranslation();
  return useCallback(
    (score: Score) => `${t(`warning.scores.${score}`)} (${t(`warning.better.${betterWhen(score)}`)})`,
    [t],
  );
};

/** A method's name in the reader's language; a method added later shows under its own name. */
const useMethodName = () => {
  const { t } = useTranslation();
  return useCallback((method: string) => t(`warning.methods.${method}`, { defaultValue: method }), [t]);
};

const reliabilityOf = { pGt0: "reliabilityGt0", pGe25: "reliabilityGe25" } as const;
type Outcome = keyof typeof reliabilityOf;
const outcomes: readonly Outcome[] = ["pGt0", "pGe25"];

const reliabilityChart = (
  report: BacktestReport,
  methods: string[],
  outcome: Outcome,
  width: number,
  labels: { x: string; y: string; method: (method: string) => string; number: (n: number) => string },
) => {
  const points = methods.flatMap((method) =>
    (report.methods[method]?.pooled[reliabilityOf[outcome]] ?? [])
      .filter((b) => b.count > 0 && b.meanPredicted !== null && b.observedRate !== null)
      .map((b) => ({
        method: labels.method(method),
        predicted: b.meanPredicted,
        observed: b.observedRate,
        count: b.count,
      })),
  );
  const side = Math.min(560, width);
  return Plot.plot({
    width: side,
    height: side - 40,
    // Ticks written as the tables beside the chart write numbers (0,2 in French).
    x: { domain: [0, 1], label: labels.x, tickFormat: labels.number },
    y: { domain: [0, 1], label: labels.y, tickFormat: labels.number },
    color: { legend: true, domain: methods.map(labels.method) },
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1],
        ],
        { stroke: "#999", strokeDasharray: "3,3" },
      ),
      // A method with only two bins (no change says 0 or 1) is two points: a line would invent values between.
      Plot.line(
        points.filter((p) => points.filter((q) => q.method === p.method).length > 2),
        { x: "predicted", y: "observed", stroke: "method" },
      ),
      Plot.dot(points, {
        x: "predicted",
        y: "observed",
        fill: "method",
        r: "count",
        title: (d: { count: number }) => `n = ${labels.number(d.count)}`,
      }),
    ],
    // A dot's area counts its forecasts: thousands near zero, a few dozen in the upper bins.
    r: { range: [2, 10] },
  });
};

/**
 * What an experiment changed: the model settings as the API names them, a horizon short of 12 months, and
 * origins that leave out some of the reference ones.
 */
const experimentSettings = (run: BacktestRun, span: string, origins: string): string =>
  [
    ...Object.entries(run.changedSettings).map(([name, value]) => `${name} ${String(value)}`),
    ...(run.maxHorizon < standardHorizon ? [span] : []),
    ...(referenceOrigins.every((origin) => run.origins.includes(origin)) ? [] : [origins]),
  ].join(", ");

/**
 * The model first, then the baselines by how many pooled scores each is the model's closest rival on: the one to
 * beat stands next to the model, also on a phone where the last columns scroll out of sight.
 */
const methodOrder = (report: BacktestReport): string[] => {
  const rivalOn = (method: string) =>
    report.comparisons.filter((c) => c.subset === "pooled" && c.bestBaseline === method).length;
  const baselines = Object.keys(report.methods).filter((m) => m !== report.modelName);
  return [report.modelName, ...baselines.sort((a, b) => rivalOn(b) - rivalOn(a))];
};

/** A row's cells with its best value in bold and named for a screen reader. */
const ScoreCells = ({
  score,
  values,
  methods,
}: {
  score: Score;
  values: (number | null)[];
  methods: string[];
}) => {
  const { t } = useTranslation();
  const format = useScoreFormat();
  const best = bestOfRow(score, values);
  return values.map((v, i) => (
    <td key={methods[i]}>
      {best[i] ? (
        <strong>
          {format(v)} <span className="visually-hidden">{t("warning.bestOfRow")}</span>
        </strong>
      ) : (
        format(v)
      )}
    </td>
  ));
};

/** The reliability diagram's points as a table: the figures behind the chart, for a screen reader or a citation. */
const ReliabilityTable = ({
  report,
  methods,
  outcome,
}: {
  report: BacktestReport;
  methods: string[];
  outcome: Outcome;
}) => {
  const { t, i18n } = useTranslation();
  const methodName = useMethodName();
  const format = useScoreFormat();
  const count = new Intl.NumberFormat(i18n.language);
  return (
    <details>
      <summary>{t("warning.reliabilityAsTable")}</summary>
      <TableScroll label={t("warning.reliability")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("warning.method")}</th>
              <th scope="col">{t("warning.predicted")}</th>
              <th scope="col">{t("warning.observedRate")}</th>
              <th scope="col">{t("warning.forecastCount")}</th>
            </tr>
          </thead>
          <tbody>
            {methods.flatMap((method) =>
              (report.methods[method]?.pooled[reliabilityOf[outcome]] ?? [])
                .filter((bin) => bin.count > 0)
                .map((bin) => (
                  <tr key={`${method}-${bin.meanPredicted}`}>
                    <th scope="row">{methodName(method)}</th>
                    <td>{format(bin.meanPredicted)}</td>
                    <td>{format(bin.observedRate)}</td>
                    <td>{count.format(bin.count)}</td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
};

/** What each score measures, in plain words, for a reader who is not a statistician. */
const glossary = [
  "auc",
  "ap",
  "brier",
  "logLoss",
  "mse",
  "pinball",
  "crps",
  "meanRatio",
  "coverage",
  "pit",
] as const;

const ScoreGlossary = () => {
  const { t } = useTranslation();
  return (
    <details className="glossary">
      <summary>{t("warning.glossaryTitle")}</summary>
      <dl>
        {glossary.map((term) => (
          <div key={term}>
            <dt>{t(`warning.glossary.${term}.term`)}</dt>
            <dd>{t(`warning.glossary.${term}.text`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
};

/** One column heading per compared method: the model, then the baselines. */
const MethodHeaders = ({ methods }: { methods: string[] }) => {
  const methodName = useMethodName();
  return methods.map((m) => (
    <th scope="col" key={m}>
      {methodName(m)}
    </th>
  ));
};

const ScoreTable = ({
  report,
  subset,
  methods,
}: {
  report: BacktestReport;
  subset: "pooled" | "onsets";
  methods: string[];
}) => {
  const { t, i18n } = useTranslation();
  const scoreName = useScoreName();
  const n = new Intl.NumberFormat(i18n.language).format(report.methods[report.modelName]?.[subset].n ?? 0);
  const caption = t(subset === "pooled" ? "warning.pooled" : "warning.onsets", { n });
  return (
    <TableScroll label={caption}>
      <table className="score-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("warning.score")}</th>
            <MethodHeaders methods={methods} />
          </tr>
        </thead>
        <tbody>
          {scores.map((score) => (
            <tr key={score}>
              <th scope="row">{scoreName(score)}</th>
              <ScoreCells
                score={score}
                values={methods.map((m) => scoreOf(report, m, score, subset))}
                methods={methods}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
};

/** How good the forecasts were, out of sample, beside the naive baselines; and a button to re-run it. */
export const BacktestPage = () => {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const methodName = useMethodName();
  const scoreName = useScoreName();
  const [origins, setOrigins] = useState(defaultOrigins);
  const [horizon, setHorizon] = useState(standardHorizon);
  const [runId, setRunId] = useState<string | null>(null);
  const [horizonScore, setHorizonScore] = useState<Score>("brierGt0");
  const [outcome, setOutcome] = useState<Outcome>("pGt0");
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
  const succeeded = (earlier.data ?? []).filter((r) => r.status === "succeeded");
  const failed = (earlier.data ?? []).filter((r) => r.status === "failed");
  const live = useLiveRun({
    kind: "backtest",
    startedId: runId,
    fetchRuns: () => fetchBacktestRuns(),
    fetchRun: fetchBacktest,
    refresh: latestBacktest,
  });
  const start = useMutation({
    mutationFn: () =>
      startBacktest(
        origins
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
        horizon,
      ),
    onSuccess: (run) => setRunId(run.id),
  });
  const status = live?.status;
  // A backtest this reader just ran is what they want to see once it is done, not the reference one.
  useEffect(() => {
    if (runId && status === "succeeded") setShown(runId);
  }, [runId, status]);
  const run = latest.data;
  const report = run?.report ?? null;
  const span = run ? t("warning.horizonSpan", { count: run.maxHorizon }) : "";
  const methods = useMemo(() => (report ? methodOrder(report) : []), [report]);
  const makeChart = useCallback(
    (width: number) =>
      report
        ? reliabilityChart(report, methods, outcome, width, {
            x: t("warning.predicted"),
            y: t("warning.observedRate"),
            method: methodName,
            number: (n) => new Intl.NumberFormat(i18n.language).format(n),
          })
        : null,
    [report, methods, outcome, t, methodName, i18n.language],
  );
  const noRun = latest.error instanceof ApiError && latest.error.status === 404;
  const seconds = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return (
    <>
      <h1>{t("warning.backtest")}</h1>
      <p>{t("warning.backtestIntro")}</p>
      {allows(me, "backtest.run") && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            start.mutate();
          }}
        >
          <Field label={t("warning.origins")}>
            <input value={origins} onChange={(event) => setOrigins(event.target.value)} size={44} dir="ltr" />
          </Field>
          {/* Fewer months ahead train fewer models: a quicker check, or origins nearer the data's end. */}
          <Field label={t("warning.backtestHorizon")}>
            <input
              type="number"
              className="short-number"
              min={1}
              max={maxBacktestHorizon}
              value={horizon}
              onChange={(event) => setHorizon(event.target.valueAsNumber)}
            />
          </Field>
          <BusyButton type="submit" busy={start.isPending || status === "running"}>
            {t("warning.runBacktest")}
          </BusyButton>
        </form>
      )}
      <ErrorNote error={start.error} />
      {live && <RunProgress progress={live.progress} status={live.status} error={live.error} />}
      {noRun && status !== "running" && <p>{t("warning.noBacktest")}</p>}
      {!noRun && <ErrorNote error={latest.error} />}
      {succeeded.length > 1 && (
        <Field label={t("warning.backtestShown")}>
          <select value={shown} onChange={(event) => setShown(event.target.value)}>
            <option value="latest">{t("warning.newestBacktest")}</option>
            {succeeded.map((r) => {
              const choice = t("warning.backtestChoice", {
                // To the minute: two backtests of one day with the same origins are otherwise told apart by nothing.
                date: when(r.finishedAt ?? r.startedAt, i18n.language),
                origins: r.origins.map((origin) => ltr(origin)).join(", "),
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
                  origins: r.origins.map((origin) => ltr(origin)).join(", "),
                  span: t("warning.horizonSpan", { count: r.maxHorizon }),
                  error: r.error ?? t("warning.status.failed"),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {run && report && (
        <>
          <p>
            {t("warning.backtestOf", {
              origins: run.origins.map((origin) => ltr(origin)).join(", "),
              span,
              model: ltr(run.modelVersion),
            })}
            {run.timings &&
              ` ${t("warning.timings", {
                model: seconds.format(run.timings.modelSeconds.reduce((a, b) => a + b, 0)),
                baselines: seconds.format(run.timings.baselineSeconds.reduce((a, b) => a + b, 0)),
              })}`}
          </p>
          {!run.standard && (
            <p className="stale-note" role="note">
              {t("warning.experimentNote", {
                settings: experimentSettings(
                  run,
                  span,
                  t("warning.otherOrigins", { origins: run.origins.map((origin) => ltr(origin)).join(", ") }),
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
          <h2>{t("warning.reliability")}</h2>
          <p>{t("warning.reliabilityIntro")}</p>
          <ChoiceField
            label={t("warning.measure")}
            choices={outcomes}
            value={outcome}
            onChange={setOutcome}
            wording={(o) => t(`warning.${o}`)}
          />
          <PlotFigure make={makeChart} label={`${t("warning.reliability")}: ${t(`warning.${outcome}`)}`} />
          <ReliabilityTable report={report} methods={methods} outcome={outcome} />
          <h2>{t("warning.perHorizon")}</h2>
          <ChoiceField
            label={t("warning.score")}
            choices={scores}
            value={horizonScore}
            onChange={setHorizonScore}
            wording={scoreName}
          />
          <TableScroll label={t("warning.perHorizon")}>
            <table className="score-table">
              <thead>
                <tr>
                  <th scope="col">{t("warning.horizon")}</th>
                  <MethodHeaders methods={methods} />
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: report.maxHorizon }, (_, i) => i + 1).map((horizon) => (
                  <tr key={horizon}>
                    <th scope="row">{horizon}</th>
                    <ScoreCells
                      score={horizonScore}
                      values={methods.map((m) => scoreOf(report, m, horizonScore, horizon - 1))}
                      methods={methods}
                    />
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
