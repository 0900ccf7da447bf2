import type { TAlertRuleDefinition } from "../../../../src/core/alerts/alert.schemas.ts";

/** The kinds this platform evaluates from its own data; surges and missed commitments are raised where they happen. */
export const formKinds = [
  "forecast_threshold",
  "forecast_jump",
  "fatalities_above_range",
  "risk_factor_severe",
] as const;
export type FormKind = (typeof formKinds)[number];

/** What the form's fields say, as the definition the API validates (percentages become probabilities). */
export const definitionFrom = (kind: FormKind, form: Record<string, string>): TAlertRuleDefinition => {
  const number = (name: string) => Number(form[name]);
  const measure = form.measure === "p_gt0" ? "p_gt0" : "p_ge25";
  switch (kind) {
    case "forecast_threshold":
      return {
        kind,
        measure,
        threshold: number("threshold") / 100,
        maxHorizon: number("maxHorizon"),
        maxDataAgeMonths: number("maxDataAgeMonths"),
      };
    case "forecast_jump":
      return {
        kind,
        measure,
        increase: number("increase") / 100,
        maxHorizon: number("maxHorizon"),
        maxDataAgeMonths: number("maxDataAgeMonths"),
      };
    case "fatalities_above_range":
      return {
        kind,
        lookbackMonths: number("lookbackMonths"),
        minFatalities: number("minFatalities"),
        maxDataAgeMonths: number("maxDataAgeMonths"),
      };
    case "risk_factor_severe":
      return {
        kind,
        factorCodes: (form.factorCodes ?? "")
          .split(",")
          .map((code) => code.trim())
          .filter(Boolean),
      };
  }
};
