import type { TFunction } from "i18next";
import { referenceOrigins } from "../../../../src/core/warning/backtest-report.ts";
import type { BacktestRun } from "./warning-api.ts";

const standardHorizon = 12;

/** A model setting in the reader's words ("80 boosting rounds"); one the page has no words for keeps its API name. */
const settingWords = (name: string, value: unknown, t: TFunction, language: string): string => {
  if (typeof value !== "number") return `${name} ${String(value)}`;
  const shown = new Intl.NumberFormat(language).format(value);
  return t(`warning.modelSettings.${name}`, { count: value, value: shown, defaultValue: `${name} ${shown}` });
};

/**
 * What an experiment changed: the model settings it set apart from the standard ones, a horizon short of
 * 12 months, and origins that leave out some of the reference ones.
 */
export const experimentSettings = (
  run: Pick<BacktestRun, "changedSettings" | "maxHorizon" | "origins">,
  words: { span: string; origins: string },
  t: TFunction,
  language: string,
): string =>
  [
    ...Object.entries(run.changedSettings).map(([name, value]) => settingWords(name, value, t, language)),
    ...(run.maxHorizon < standardHorizon ? [words.span] : []),
    ...(referenceOrigins.every((origin) => run.origins.includes(origin)) ? [] : [words.origins]),
  ].join(", ");
