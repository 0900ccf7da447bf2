import { type Command, Option } from "commander";
import { betterWhen, referenceOrigins } from "../../core/warning/backtest-report.ts";
import { formatReading } from "../../core/warning/driver-phrases.ts";
import { forecastCsv } from "../../core/warning/forecast-csv.ts";
import type { TBacktestReport, TDriver, TProgress, TScoreSet } from "../../core/warning/warning.schemas.ts";
import {
  presentBacktestRun,
  presentForecastRun,
  presentForecastRunWithEvidence,
  presentWatchlist,
} from "../../http/presenters/warning.presenter.ts";
import { listForecastRuns } from "../../services/warning/list-forecast-runs.ts";
import { readWatchlist } from "../../services/warning/read-watchlist.ts";
import { startBacktestRun } from "../../services/warning/run-backtest.ts";
import { startForecastRun } from "../../services/warning/run-forecast.ts";
import { assertWritableOutput, writeOutput } from "../output-files.ts";
import {
  cliContext,
  globalOptions,
  numberOption,
  optionsNamingFields,
  printRows,
  withDatabase,
} from "../runtime.ts";

/** Progress lines on stderr, so stdout stays clean for the CSV or JSON. */
const progressLine =
  (title: string) =>
  ({ done, total, label }: TProgress): void => {
    process.stderr.write(`${title} [${done}/${total}] ${label}\n`);
  };

const modelOptions = (options: { rounds?: number }) =>
  options.rounds === undefined ? {} : { rounds: options.rounds };

/** The scores the backtest prints, in the order of DOMAIN.md §4: discrimination, calibration, counts. */
const columns: [string, string][] = [
  ["aucGt0", "ROC AUC ≥1"],
  ["apGt0", "AP ≥1"],
  ["brierGt0", "Brier ≥1"],
  ["logLossGt0", "log loss ≥1"],
  ["aucGe25", "ROC AUC ≥25"],
  ["apGe25", "AP ≥25"],
  ["brierGe25", "Brier ≥25"],
  ["logLossGe25", "log loss ≥25"],
  ["mseLog1pMedian", "MSE log1p (median)"],
  ["mseLog1p", "MSE log1p (E[log1p])"],
  ["pinballLog1p", "quantile loss log1p"],
  ["crps", "CRPS deaths"],
  ["crpsLog1p", "CRPS log1p"],
  ["meanRatio", "mean pred/obs"],
  ["coverage80", "80% coverage q10–q90"],
  ["pitCoverage80", "80% coverage (PIT)"],
];

const betterWords = { higher: "higher", lower: "lower", nearOne: "near 1", near80: "near 0.8" } as const;

/** What the scores mean, for readers who are not forecasters (the backtest page says the same). */
const scoreGlossary = [
  "What the scores mean",
  "  ROC AUC     the chance that a month with deaths was given a higher risk than a calm one (0.5 guessing, 1 perfect)",
  "  AP          average precision: how much of the top of the risk ranking did see deaths, averaged down the list",
  "  Brier       the average squared gap between the probability and what happened (1 or 0); 0 is perfect",
  "  log loss    like Brier, but a confident forecast that turns out wrong costs far more",
  "  MSE log1p   squared gap between forecast and recorded deaths on a log scale (10 vs 100 counts like 100 vs 1,000)",
  "  quantile    how far the deaths fell from the 10%, 50% and 90% points, each miss weighed by its level",
  "  CRPS        how far the whole forecast spread lay from what happened; on deaths the largest wars dominate",
  "  mean ratio  all deaths forecast / all recorded: 1 is right, above 1 too many, below 1 too few",
  "  coverage    how often the deaths fell inside the 80% range (q10–q90); PIT splits the many months of zero at random",
];

// Three significant digits, as on the web: rare onsets score 0.00074 against 0.00081, which 0.0007 and 0.0008 hide.
const format = (value: unknown): string =>
  typeof value === "number" && Number.isFinite(value) ? String(Number(value.toPrecision(3))) : "–";

/** Why a run was or was not published; with both flags given, the last one counts (as commander reads them). */
const publication = (published: boolean, asked: boolean | undefined): string =>
  published
    ? ""
    : asked === false
      ? " (stored as an experiment, as --no-publish asks)"
      : " (stored, not published: other settings than the standard ones, or countries of the month before missing at the origin; --publish publishes it)";

const percent = (value: number | null): string =>
  value !== null && Number.isFinite(value) ? `${(100 * value).toFixed(1)}%` : "–";

const printBacktest = (report: TBacktestReport): void => {
  const methods = [report.modelName, ...Object.keys(report.methods).filter((m) => m !== report.modelName)];
  const width = 22;
  const out: string[] = [];
  const header = (title: string) => {
    out.push(
      "",
      title,
      ["score".padEnd(width), "better".padEnd(8), ...methods.map((m) => m.padStart(16))].join(""),
    );
  };
  const value = (set: TScoreSet | undefined, key: string): unknown => set?.[key as keyof TScoreSet];
  for (const subset of ["pooled", "onsets"] as const) {
    const n = report.methods[report.modelName]?.[subset].n ?? 0;
    header(`${subset === "pooled" ? "Pooled" : "Onsets (calm for 24 months before the origin)"}, n = ${n}`);
    for (const [key, label] of columns)
      out.push(
        [
          label.padEnd(width),
          betterWords[betterWhen(key)].padEnd(8),
          ...methods.map((m) => format(value(report.methods[m]?.[subset], key)).padStart(16)),
        ].join(""),
      );
  }
  out.push("", "Per horizon (months ahead)");
  for (const [key, label] of columns) {
    header(label);
    for (let h = 1; h <= report.maxHorizon; h++)
      out.push(
        [
          `  h = ${h}`.padEnd(width),
          betterWords[betterWhen(key)].padEnd(8),
          ...methods.map((m) => format(value(report.methods[m]?.byHorizon[h - 1], key)).padStart(16)),
        ].join(""),
      );
  }
  out.push("", "Model against the best baseline (improvement > 0: the model is better)");
  for (const c of report.comparisons)
    out.push(
      `  ${c.subset.padEnd(7)} ${c.score.padEnd(14)} model ${format(c.model)}  ${c.bestBaseline.padEnd(15)} ${format(c.baseline)}  ${percent(c.improvement)}`,
    );
  out.push("", ...scoreGlossary);
  process.stdout.write(`${out.join("\n")}\n`);
};

/** "violent months in the last 12 months: 12 (+9.1 points)". */
const driverText = (d: TDriver): string => {
  const reading = d.reading ? `: ${formatReading(d.reading, "en")}` : "";
  return `${d.phrase}${reading} (${d.effectPoints >= 0 ? "+" : ""}${d.effectPoints.toFixed(1)} points)`;
};

export const registerWarning = (program: Command): void => {
  optionsNamingFields(
    program
      .command("forecast")
      .description(
        "retrain at the origin on data dated on or before it, forecast every country present at the origin for 1..horizon months, store the run, and write iso3,month,horizon,p_gt0,p_ge25,mean,q10,q50,q90",
      )
      .option(
        "--origin <YYYY-MM>",
        "last month of data to use (default: the latest month nearly every country has)",
      )
      .option("--horizon <months>", "months ahead to forecast", numberOption("horizon"), 12)
      .option("--out <file.csv>", "write the forecasts here (default: standard output)")
      .option(
        "--rounds <n>",
        "boosting rounds (default: the model's own; fewer is faster and rougher)",
        numberOption("rounds"),
      )
      .option(
        "--publish",
        "make this run the forecast everyone sees for its origin, whatever its settings (platform administrators)",
      )
      .option("--no-publish", "keep this run as an experiment, even with the standard settings")
      .action(
        async (
          options: { origin?: string; horizon: number; out?: string; rounds?: number; publish?: boolean },
          command: Command,
        ) => {
          const global = globalOptions(command);
          if (options.out) assertWritableOutput(options.out);
          await withDatabase(global, async (handle) => {
            const ctx = await cliContext(handle, global);
            const started = await startForecastRun(ctx, {
              trigger: "cli",
              ...(options.origin ? { origin: options.origin } : {}),
              maxHorizon: options.horizon,
              options: modelOptions(options),
              ...(options.publish === undefined ? {} : { publish: options.publish }),
              onProgress: progressLine("forecast"),
            });
            process.stderr.write(
              `forecast run ${started.run.id} from ${started.run.origin}${publication(started.run.published, options.publish)}\n`,
            );
            const { run, forecasts } = await started.completion;
            const csv = forecastCsv(forecasts);
            if (options.out) {
              writeOutput(
                options.out,
                csv,
                `The run is stored as ${run.id} (GET /api/warning/forecasts/export?runId=${run.id}).`,
              );
              process.stderr.write(
                `Wrote ${forecasts.length} forecasts (${new Set(forecasts.map((f) => f.iso3)).size} countries × ${run.maxHorizon} months) to ${options.out}\n`,
              );
            }
            if (global.json) process.stdout.write(`${JSON.stringify(presentForecastRun(run), null, 2)}\n`);
            else if (!options.out) process.stdout.write(csv);
          });
        },
      ),
    { maxHorizon: "horizon", "options.rounds": "rounds" },
  );

  program
    .command("forecast-runs")
    .description("forecast runs, newest first, with status and model version")
    .option("--latest-per-origin", "only the published run of each origin (standard settings, full horizon)")
    .option("--limit <n>", "most recent runs to show", numberOption("limit", { min: 1 }), 20)
    .action(async (options: { latestPerOrigin?: boolean; limit: number }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const runs = await listForecastRuns(await cliContext(handle, global), {
          latestPerOrigin: options.latestPerOrigin === true,
          limit: options.limit,
        });
        printRows(global, runs.map(presentForecastRunWithEvidence), [
          "id",
          "origin",
          "status",
          "trigger",
          "published",
          "forecastCount",
          "modelVersion",
          "startedAt",
        ]);
      });
    });

  program
    .command("watchlist")
    .description(
      "countries ranked by forecast risk in the latest published run (or the one from --origin), with the change since the run before",
    )
    .addOption(
      new Option("--measure <measure>", "pGe25 (at least 25 deaths) or pGt0 (at least one death)")
        .choices(["pGe25", "pGt0"])
        .default("pGe25"),
    )
    .option("--horizon <months>", "months ahead", numberOption("horizon"), 1)
    .option("--limit <n>", "countries to list", numberOption("limit"), 20)
    .option("--origin <YYYY-MM>", "the published run from this origin (default: the latest)")
    .action(
      async (
        options: { measure: string; horizon: number; limit: number; origin?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        await withDatabase(global, async (handle) => {
          const view = presentWatchlist(
            await readWatchlist(await cliContext(handle, global), {
              measure: options.measure as "pGe25",
              horizon: options.horizon,
              limit: options.limit,
              ...(options.origin ? { origin: options.origin } : {}),
            }),
          );
          if (global.json) {
            process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
            return;
          }
          process.stderr.write(
            `Run ${view.run.id} from ${view.run.origin}, ${view.horizon} month(s) ahead; change since ${view.previousRun ? `run ${view.previousRun.id} (${view.previousRun.origin}), at the same months ahead (so for an earlier target month)` : "—: no published run from the three months before the origin"}\n`,
          );
          printRows(
            global,
            view.entries.map((e) => ({
              rank: e.rank,
              iso3: e.iso3,
              country: e.name ?? "",
              month: e.month,
              [view.measure]: e[view.measure].toFixed(3),
              // In percentage points, as the web app shows it.
              change_points:
                e.change === null ? "" : `${e.change >= 0 ? "+" : ""}${(100 * e.change).toFixed(1)}`,
              drivers: e.topDrivers.map(driverText).join("; "),
            })),
            ["rank", "iso3", "country", "month", view.measure, "change_points", "drivers"],
          );
        });
      },
    );

  optionsNamingFields(
    program
      .command("backtest")
      .description(
        "rolling-origin backtest: retrain at each origin and score the forecasts beside the no-change, last-12-months and base-rate baselines",
      )
      .requiredOption(
        "--origins <list>",
        `comma-separated origins; the reference backtest uses ${referenceOrigins.join(",")}`,
      )
      .option("--horizon <months>", "months ahead", numberOption("horizon"), 12)
      .option("--rounds <n>", "boosting rounds (default: the model's own)", numberOption("rounds"))
      .action(async (options: { origins: string; horizon: number; rounds?: number }, command: Command) => {
        const global = globalOptions(command);
        await withDatabase(global, async (handle) => {
          const ctx = await cliContext(handle, global);
          const started = await startBacktestRun(ctx, {
            origins: options.origins
              .split(",")
              .map((o) => o.trim())
              .filter(Boolean),
            maxHorizon: options.horizon,
            options: modelOptions(options),
            onProgress: progressLine("backtest"),
          });
          process.stderr.write(`backtest run ${started.run.id}\n`);
          const run = presentBacktestRun(await started.completion);
          if (global.json) {
            process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
            return;
          }
          if (run.report) printBacktest(run.report);
          if (run.timings) {
            const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0).toFixed(1);
            process.stdout.write(
              `\nTime: model ${sum(run.timings.modelSeconds)} s, baselines ${sum(run.timings.baselineSeconds)} s over ${run.origins.length} origin${run.origins.length === 1 ? "" : "s"}.\n`,
            );
          }
        });
      }),
    { maxHorizon: "horizon", "options.rounds": "rounds" },
  );
};
