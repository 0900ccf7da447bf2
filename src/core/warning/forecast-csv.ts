import type { CountryForecast } from "./forecast.ts";

const forecastCsvHeader = "iso3,month,horizon,p_gt0,p_ge25,mean,q10,q50,q90";

/** Six decimals are far below any forecast's uncertainty, and keep files diffable. */
const number = (value: number): string => String(Math.round(value * 1e6) / 1e6);

/** The forecast file scripts rely on: one row per country and horizon, sorted by country then horizon. */
export const forecastCsv = (
  forecasts: readonly Pick<
    CountryForecast,
    "iso3" | "month" | "horizon" | "pGt0" | "pGe25" | "mean" | "q10" | "q50" | "q90"
  >[],
): string => {
  const rows = [...forecasts]
    .sort((a, b) => a.iso3.localeCompare(b.iso3) || a.horizon - b.horizon)
    .map((f) =>
      [f.iso3, f.month, f.horizon, ...[f.pGt0, f.pGe25, f.mean, f.q10, f.q50, f.q90].map(number)].join(","),
    );
  return `${[forecastCsvHeader, ...rows].join("\n")}\n`;
};
