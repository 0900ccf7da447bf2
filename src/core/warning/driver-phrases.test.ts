import { describe, expect, it } from "vitest";
import {
  describeFeature,
  driverEffectPoints,
  driverReading,
  formatReading,
  isNoticeableEffect,
} from "./driver-phrases.ts";
import { featurePhrases } from "./feature-phrases.ts";
import { featureNames } from "./features.ts";
import { seasonFeatureNames } from "./season-features.ts";

describe("driver phrases", () => {
  it("measures a driver's effect in percentage points of the published probability", () => {
    expect(driverEffectPoints(0.5, 0)).toBe(0);
    // Without a log-odds push of ln 3, even odds would have been 1 to 3: 25 points lower.
    expect(driverEffectPoints(0.5, Math.log(3))).toBeCloseTo(25, 6);
    expect(driverEffectPoints(0.25, -Math.log(3))).toBeCloseTo(-25, 6);
    expect(Number.isFinite(driverEffectPoints(1, 2))).toBe(true);
    // A calm country's drivers move a 0.1% probability by hundredths of a point: not shown as "−0 points".
    expect(isNoticeableEffect(driverEffectPoints(0.001, -0.2))).toBe(false);
    expect(isNoticeableEffect(-0.05)).toBe(true);
  });

  it("reads the value behind a driver in the units its phrase names, and only where it reads plainly", () => {
    expect(driverReading("violent_months_12", 12)).toEqual({ amount: 12, unit: "count" });
    expect(driverReading("ln_sb_1", Math.log1p(35))).toEqual({ amount: 35, unit: "count" });
    // A typical month of 0.4 deaths reads as such, not as a "0" that raises the risk.
    expect(driverReading("ewma_ln_sb_hl3", Math.log1p(0.4))).toEqual({ amount: 0.4, unit: "count" });
    expect(driverReading("nb_ln_sb_12", Math.log1p(1200))).toEqual({ amount: 1200, unit: "count" });
    expect(driverReading("violent_share_all", 0.404)).toEqual({ amount: 40, unit: "percent" });
    // From no deaths to 15 in three months, and from 19 to none: deaths + 1 rose sixteenfold, fell by 95%.
    expect(driverReading("ln_sb_change_3", Math.log1p(15))).toEqual({ amount: 1500, unit: "change" });
    expect(driverReading("ln_sb_change_3", -Math.log1p(19))).toEqual({ amount: -95, unit: "change" });
    expect(formatReading({ amount: 1500, unit: "change" }, "en")).toBe("+1,500%");
    expect(driverReading("nb_dist_ge25_12", 1.2345)).toEqual({ amount: 1235, unit: "km" });
    expect(driverReading("nb_dist_ge25_12", 5)).toBeNull();
    expect(driverReading("cy_youth", 2417.6)).toEqual({ amount: 2418, unit: "count" });
    expect(driverReading("cy_wdi_imr", 47.3)).toEqual({ amount: 47, unit: "count" });
    // The country-year tables count millions, WDI people: either reads in millions.
    expect(driverReading("cy_population", Math.log(1.054841))).toEqual({ amount: 1.1, unit: "count" });
    expect(driverReading("cy_population", Math.log(17_500_000))).toEqual({ amount: 17.5, unit: "count" });
    expect(driverReading("cy_population", Math.log(1359.66))).toEqual({ amount: 1360, unit: "count" });
    expect(driverReading("cy_v2x_polyarchy", 0.8712)).toEqual({ amount: 0.87, unit: "index" });
    expect(formatReading({ amount: 0.8, unit: "index" }, "fr")).toBe("0,80");
    // At the model's 20-year cap, a count of months reads "240 or more", a decay "none since" 20 years back.
    expect(driverReading("months_since_gt0", 240)).toEqual({ amount: 240, unit: "atLeast" });
    expect(formatReading({ amount: 240, unit: "atLeast" }, "en")).toBe("240 or more");
    expect(driverReading("decay_gt0_hl12", 2 ** (-253 / 12), "2019-12")).toEqual({
      amount: 2000 * 12,
      unit: "noneSince",
    });
    expect(formatReading({ amount: 2000 * 12, unit: "noneSince" }, "fr")).toBe("rien depuis 2000-01");
    // A country without any agreement in the dataset counts from its start in 1975.
    expect(driverReading("pa_months_since", 539, "2019-12")).toEqual({
      amount: 1975 * 12,
      unit: "noneSince",
    });
    expect(driverReading("pa_months_since", 30, "2019-12")).toEqual({ amount: 30, unit: "count" });
    // A decay reads as the month it counts from: 2^(−3/12) at a 2019-12 origin is 2019-09.
    expect(driverReading("decay_gt0_hl12", 2 ** (-3 / 12), "2019-12")).toEqual({
      amount: 2019 * 12 + 8,
      unit: "month",
    });
    expect(driverReading("decay_ge25_hl48", 2 ** (-60 / 48), "2019-12")?.amount).toBe(2014 * 12 + 11);
    expect(driverReading("decay_gt0_hl12", 0.5)).toBeNull();
    expect(driverReading("violent_trend_6", 2)).toBeNull();
    expect(driverReading("violent_months_12", Number.NaN)).toBeNull();
    expect(driverReading("violent_months_12", null)).toBeNull();
  });

  it("writes a month as such, kept left to right in a right-to-left language", () => {
    expect(formatReading({ amount: 2019 * 12 + 8, unit: "month" }, "en")).toBe("2019-09");
    expect(formatReading({ amount: 2019 * 12 + 8, unit: "month" }, "ar")).toBe("\u20662019-09\u2069");
  });

  it("describes every feature, known or not, in words", () => {
    expect(describeFeature("ln_sb_1")).toBe("deaths in the last month");
    expect(describeFeature("violent_months_36")).toBe("violent months in the last 36 months");
    expect(describeFeature("something_new")).toBe("something new");
  });

  it("words every feature the model reads in each language, falling back to English", () => {
    const names = [
      ...featureNames({ extended: true, capitals: [], countryYear: [], conflicts: [], agreements: [] }),
      ...seasonFeatureNames,
    ];
    for (const language of Object.keys(featurePhrases)) {
      for (const name of names) expect(featurePhrases[language]?.[name], `${language} ${name}`).toBeTruthy();
    }
    expect(describeFeature("ln_sb_1", "fr")).toBe("morts le mois dernier");
    expect(describeFeature("ln_sb_1", "sw")).toBe("deaths in the last month");
  });
});
