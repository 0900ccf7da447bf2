import type { TFramework, TFrameworkFactor } from "../../../../src/core/frameworks/framework.schemas.ts";

/** A factor being edited; `uid` keeps React's identity while the code itself is being changed. */
export type FactorDraft = TFrameworkFactor & { indicatorText: string; uid: string };

/** Indicators are edited as lines "code text", e.g. "1.1 International or non-international armed conflict." */
const indicatorLines = (factor: TFrameworkFactor) =>
  factor.indicators.map((i) => `${i.code} ${i.text}`).join("\n");

const parseIndicators = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(" ");
      return space > 0
        ? { code: line.slice(0, space), text: line.slice(space + 1) }
        : { code: line, text: line };
    });

/** The framework's factors, ready to edit. */
export const draftsOf = (framework: TFramework): FactorDraft[] =>
  framework.factors.map((f) => ({
    ...f,
    indicatorText: indicatorLines(f),
    uid: crypto.randomUUID(),
  }));

/** A factor added at the end, numbered after the others, named `name` until the editor names it. */
export const newDraft = (count: number, name: string): FactorDraft => ({
  code: String(count + 1),
  name,
  translations: {},
  category: "common",
  description: "",
  guidance: "",
  indicators: [],
  indicatorText: "",
  uid: crypto.randomUUID(),
});

/** The edited factors as the API takes them. */
export const factorsOf = (drafts: FactorDraft[]): TFrameworkFactor[] =>
  drafts.map(({ indicatorText, uid, ...f }) => ({ ...f, indicators: parseIndicators(indicatorText) }));
