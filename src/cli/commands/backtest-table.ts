import { betterWhen } from "../../core/warning/backtest-report.ts";
import type { TBacktestReport, TScoreSet } from "../../core/warning/warning.schemas.ts";

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

const percent = (value: number | null): string =>
  value !== null && Number.isFinite(value) ? `${(100 * value).toFixed(1)}%` : "–";

/** The backtest as tables on standard output: pooled, onsets, per horizon, against the best baseline. */
export const printBacktest = (report: TBacktestReport): void => {
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
