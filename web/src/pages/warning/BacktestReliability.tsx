import * as Plot from "@observablehq/plot";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { PlotFigure } from "../../components/PlotFigure.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { useMethodName, useScoreFormat } from "./BacktestScores.tsx";
import type { BacktestReport } from "./warning-api.ts";

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

/** How often what each method said came true, by bins of its probability: the chart and its figures. */
export const ReliabilitySection = ({ report, methods }: { report: BacktestReport; methods: string[] }) => {
  const { t, i18n } = useTranslation();
  const methodName = useMethodName();
  const [outcome, setOutcome] = useState<Outcome>("pGt0");
  const makeChart = useCallback(
    (width: number) =>
      reliabilityChart(report, methods, outcome, width, {
        x: t("warning.predicted"),
        y: t("warning.observedRate"),
        method: methodName,
        number: (n) => new Intl.NumberFormat(i18n.language).format(n),
      }),
    [report, methods, outcome, t, methodName, i18n.language],
  );
  return (
    <>
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
    </>
  );
};
