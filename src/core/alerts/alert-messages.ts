import type { TAlertMessage } from "./alert.schemas.ts";

const percent = (p: number) => `${Math.round(p * 100)}%`;
const measureText = { p_ge25: "25 or more deaths", p_gt0: "any fatal violence" } as const;

/** The English wording of a message, stored as the alert's summary. */
export const alertMessageText = (message: TAlertMessage, iso3: string): string => {
  switch (message.key) {
    case "forecast_threshold":
      return `Forecast: ${percent(message.probability)} probability of ${measureText[message.measure]} in ${message.month} (threshold ${percent(message.threshold)})`;
    case "forecast_jump":
      return `Forecast jump: ${measureText[message.measure]} from ${percent(message.from)} to ${percent(message.to)} since the run from ${message.previousOrigin}`;
    case "fatalities_above_range":
      return `${Math.round(message.fatalities)} deaths in ${message.month}, above the highest month of the previous ${message.months} (${Math.round(message.previousHighest)})`;
    case "risk_factor_severe":
      return `Risk factor ${message.factorCode} assessed as severe in a country review`;
    case "voices_surge":
      return `${message.count} verified community reports in ${iso3} in ${message.month}, ${message.ratio.toFixed(1)}× the ${message.baselineMonths}-month baseline (${message.baseline.toFixed(1)}).`;
  }
};
