import * as Plot from "@observablehq/plot";
import { symlogAxis } from "./symlog-axis.ts";
import type { CountryForecast } from "./warning-api.ts";

const asDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** Observed deaths, then the forecast median with its 80% band (q10–q90), joined at the origin. */
export const fanChart = (
  data: CountryForecast,
  width: number,
  labels: { median: string; deaths: string; language: string },
) => {
  const observed = data.observed.map((o) => ({ date: asDate(o.month), value: o.fatalities }));
  const atOrigin = data.observed.find((o) => o.month === data.run.origin)?.fatalities ?? 0;
  const band = [
    { date: asDate(data.run.origin), q10: atOrigin, q50: atOrigin, q90: atOrigin },
    ...data.forecasts.map((f) => ({ date: asDate(f.month), q10: f.q10, q50: f.q50, q90: f.q90 })),
  ];
  const shown = [...observed.map((o) => o.value), ...band.flatMap((b) => [b.q10, b.q90])];
  // A country without deaths still gets an axis from 0 to 1.
  const axis = symlogAxis(Math.min(...shown, Number.POSITIVE_INFINITY), Math.max(1, ...shown));
  const number = new Intl.NumberFormat(labels.language, { maximumFractionDigits: 0 });
  return Plot.plot({
    width: Math.min(860, width),
    height: 320,
    marginLeft: 48,
    y: {
      type: "symlog",
      domain: axis.domain,
      ticks: axis.ticks,
      tickFormat: (v: number) => number.format(v),
      label: labels.deaths,
      grid: true,
    },
    x: { type: "utc" },
    marks: [
      Plot.areaY(band, { x: "date", y1: "q10", y2: "q90", fill: "#c0392b", fillOpacity: 0.2 }),
      Plot.lineY(band, { x: "date", y: "q50", stroke: "#c0392b", strokeWidth: 2, strokeDasharray: "4,3" }),
      Plot.lineY(observed, { x: "date", y: "value", stroke: "#1f3a5f", strokeWidth: 1.5 }),
      Plot.ruleX([asDate(data.run.origin)], { stroke: "#888" }),
      Plot.tip(
        band,
        Plot.pointerX({
          x: "date",
          y: "q50",
          title: (d: { q10: number; q50: number; q90: number }) =>
            `${labels.median} ${number.format(d.q50)} (${number.format(d.q10)}–${number.format(d.q90)})`,
        }),
      ),
    ],
  });
};
