import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { betterWhen, scoreNames } from "../../../../src/core/warning/backtest-report.ts";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { bestOfRow } from "./best-of-row.ts";
import type { BacktestReport, ScoreSet } from "./warning-api.ts";

/** The scores shown, in the order of discrimination, calibration, then counts. */
const scores = [...scoreNames, "meanRatio", "coverage80", "pitCoverage80"] as const;
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
export const useScoreFormat = () => {
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
export const useMethodName = () => {
  const { t } = useTranslation();
  return useCallback((method: string) => t(`warning.methods.${method}`, { defaultValue: method }), [t]);
};

/**
 * The model first, then the baselines by how many pooled scores each is the model's closest rival on: the one to
 * beat stands next to the model, also on a phone where the last columns scroll out of sight.
 */
export const methodOrder = (report: BacktestReport): string[] => {
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

export const ScoreGlossary = () => {
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

export const ScoreTable = ({
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

/** One score per months ahead, for every method, the score chosen by the reader. */
export const PerHorizonTable = ({ report, methods }: { report: BacktestReport; methods: string[] }) => {
  const { t } = useTranslation();
  const scoreName = useScoreName();
  const [score, setScore] = useState<Score>("brierGt0");
  return (
    <>
      <h2>{t("warning.perHorizon")}</h2>
      <ChoiceField
        label={t("warning.score")}
        choices={scores}
        value={score}
        onChange={setScore}
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
                  score={score}
                  values={methods.map((m) => scoreOf(report, m, score, horizon - 1))}
                  methods={methods}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
};
