import { describe, expect, it } from "vitest";
import { addMonths } from "../shared/months.ts";
import { buildFeatureGrid, featureNames } from "./features.ts";
import { isOnsetEligible } from "./onset.ts";
import { type PanelRow, toDensePanel } from "./panel.ts";

const series = (gwcode: number, iso3: string, start: string, values: number[]): PanelRow[] =>
  values.map((sb, i) => ({ gwcode, iso3, month: addMonths(start, i), sb }));

const rows: PanelRow[] = [
  ...series(1, "AAA", "2000-01", [0, 0, 5, 0, 30, 0, 0, 0, 0, 0, 0, 0, 0, 2]),
  ...series(2, "BBB", "2000-01", new Array(14).fill(0)),
];
const capitals = [
  { gwcode: 1, lat: 0, lon: 0 },
  { gwcode: 2, lat: 0, lon: 5 },
];
const countryYear = [
  { gwcode: 1, year: 1998, values: { population: 1000 } },
  { gwcode: 1, year: 1999, values: { population: 2000 } },
  { gwcode: 1, year: 2000, values: { population: 4000 } },
];
const at = (grid: ReturnType<typeof buildFeatureGrid>, unit: number, month: number, name: string): number => {
  const f = grid.names.indexOf(name);
  if (f < 0) throw new Error(`no feature ${name}`);
  return grid.values[(unit * grid.nMonths + month) * grid.nFeatures + f] as number;
};

describe("feature grid", () => {
  const panel = toDensePanel(rows);
  const grid = buildFeatureGrid(panel, {
    capitals,
    countryYear,
    covariates: [{ name: "population", transform: "log" }],
  });

  it("names history, neighbour and covariate features", () => {
    expect(grid.names).toEqual(
      featureNames({ capitals, countryYear, covariates: [{ name: "population", transform: "log" }] }),
    );
    expect(grid.names).toContain("nb_ln_sb_12");
    expect(grid.names).toContain("cy_population");
  });

  it("sums windows and counts months since violence", () => {
    expect(at(grid, 0, 4, "ln_sb_1")).toBeCloseTo(Math.log1p(30), 5);
    expect(at(grid, 0, 4, "ln_sb_3")).toBeCloseTo(Math.log1p(35), 5);
    expect(at(grid, 0, 6, "months_since_ge25")).toBe(2);
    expect(at(grid, 0, 6, "months_since_gt0")).toBe(2);
    expect(at(grid, 0, 6, "violent_months_12")).toBe(2);
    expect(at(grid, 0, 6, "decay_ge25_hl12")).toBeCloseTo(2 ** (-2 / 12), 5);
  });

  it("gives the neighbour its violence through the capital distance (~556 km)", () => {
    expect(at(grid, 1, 4, "nb_ln_sb_12")).toBeCloseTo(Math.log1p(35), 5);
    expect(at(grid, 1, 4, "nb_dist_ge25_12")).toBeCloseTo(0.556, 2);
    expect(at(grid, 0, 4, "nb_ln_sb_12")).toBe(0);
  });

  it("uses a country-year value only a full year after that year ended", () => {
    // December 2000 may use 1999 (ended 12 months before); January 2001 still may not use 2000.
    expect(at(grid, 0, 11, "cy_population")).toBeCloseTo(Math.log(2000), 5);
    expect(at(grid, 0, 12, "cy_population")).toBeCloseTo(Math.log(2000), 5);
    expect(at(grid, 0, 0, "cy_population")).toBeCloseTo(Math.log(1000), 5);
  });

  it("does not let later data change earlier features", () => {
    const changed = rows.map((r) => (r.month > "2000-08" ? { ...r, sb: r.sb + 500 } : r));
    const other = buildFeatureGrid(toDensePanel(changed), {
      capitals,
      countryYear,
      covariates: [{ name: "population", transform: "log" }],
    });
    // Months 0..7 (2000-01..2000-08) must be identical.
    const upTo = 8 * grid.nFeatures;
    for (const unit of [0, 1]) {
      const from = unit * grid.nMonths * grid.nFeatures;
      expect(Array.from(other.values.subarray(from, from + upTo))).toEqual(
        Array.from(grid.values.subarray(from, from + upTo)),
      );
    }
  });
});

describe("extended features", () => {
  const panel = toDensePanel(rows);
  const grid = buildFeatureGrid(panel, { extended: true });

  it("adds single lags, long windows, a trend and the world's state", () => {
    expect(grid.names).toEqual(featureNames({ extended: true }));
    // Month 6 (2000-07): one month back is 0, two back is 30 (month 4).
    expect(at(grid, 0, 6, "ln_sb_lag2")).toBe(0);
    expect(at(grid, 0, 6, "ln_sb_lag3")).toBeCloseTo(Math.log1p(30), 5);
    expect(at(grid, 0, 13, "violent_months_60")).toBe(3);
    expect(at(grid, 0, 13, "ln_sb_60")).toBeCloseTo(Math.log1p(37), 5);
    expect(at(grid, 0, 13, "ln_sb_max_60")).toBeCloseTo(Math.log1p(30), 5);
    // Month 13: violent in the last 6 months (8..13): 1; in the 6 before (2..7): 2.
    expect(at(grid, 0, 13, "violent_trend_6")).toBe(-1);
    expect(at(grid, 0, 6, "decay_gt0_hl48")).toBeCloseTo(2 ** (-2 / 48), 5);
    // Both countries see the same world: one of two violent at month 4, 35 deaths in the last 12 months.
    for (const unit of [0, 1]) {
      expect(at(grid, unit, 4, "world_violent_share_1")).toBeCloseTo(0.5, 6);
      expect(at(grid, unit, 4, "world_ln_sb_12")).toBeCloseTo(Math.log1p(35), 5);
    }
  });

  it("does not let later data change earlier world features", () => {
    const changed = rows.map((r) => (r.month > "2000-08" ? { ...r, sb: r.sb + 500 } : r));
    const other = buildFeatureGrid(toDensePanel(changed), { extended: true });
    const upTo = 8 * grid.nFeatures;
    for (const unit of [0, 1]) {
      const from = unit * grid.nMonths * grid.nFeatures;
      expect(Array.from(other.values.subarray(from, from + upTo))).toEqual(
        Array.from(grid.values.subarray(from, from + upTo)),
      );
    }
  });
  it("knows the time of year and how far last December stood above the rest of its year", () => {
    const yearDated = buildFeatureGrid(
      toDensePanel(series(3, "CCC", "2000-01", [...new Array(11).fill(10), 120, 10, 10])),
      { extended: true },
    );
    expect(at(yearDated, 0, 11, "calendar_month")).toBe(12);
    expect(at(yearDated, 0, 11, "ln_december_excess")).toBeCloseTo(Math.log1p(120) - Math.log1p(10), 5);
    expect(at(yearDated, 0, 13, "calendar_month")).toBe(2);
    expect(at(yearDated, 0, 13, "ln_december_excess")).toBeCloseTo(Math.log1p(120) - Math.log1p(10), 5);
    // The December before the record began, and its year, count as calm.
    expect(at(yearDated, 0, 5, "ln_december_excess")).toBe(0);
  });
});

describe("armed-conflict history", () => {
  const conflicts = [
    { gwcode: 1, year: 1980, intensity: 2, type: 3 },
    { gwcode: 1, year: 1998, intensity: 1, type: 4 },
    { gwcode: 1, year: 1998, intensity: 1, type: 3 },
    // Fought in 2000: no month of 2000 may know it.
    { gwcode: 1, year: 2000, intensity: 2, type: 3 },
  ];
  const grid = buildFeatureGrid(toDensePanel(rows), { conflicts });

  it("describes the last known year, reaching back before the monthly series", () => {
    // 2000-01..2000-11 may know 1998; 2000-12 may know 1999 (a calm year).
    expect(at(grid, 0, 0, "acd_active_conflicts")).toBe(2);
    expect(at(grid, 0, 0, "acd_internationalised")).toBe(1);
    expect(at(grid, 0, 0, "acd_years_since_conflict")).toBe(0);
    expect(at(grid, 0, 0, "acd_years_since_war")).toBe(18);
    expect(at(grid, 0, 11, "acd_active_conflicts")).toBe(0);
    expect(at(grid, 0, 11, "acd_years_since_conflict")).toBe(1);
    expect(at(grid, 0, 11, "acd_years_since_war")).toBe(19);
  });

  it("counts a country never in conflict as calm since 1946, and never uses a year too recent", () => {
    expect(at(grid, 1, 11, "acd_years_since_conflict")).toBe(1999 - 1946 + 1);
    expect(at(grid, 1, 11, "acd_active_conflicts")).toBe(0);
    const without2000 = buildFeatureGrid(toDensePanel(rows), { conflicts: conflicts.slice(0, 3) });
    expect(Array.from(without2000.values)).toEqual(Array.from(grid.values));
  });
});

describe("peace agreements", () => {
  const agreements = [
    { gwcode: 1, month: "1996-03", comprehensive: true },
    { gwcode: 1, month: "2000-03", comprehensive: false },
  ];
  const grid = buildFeatureGrid(toDensePanel(rows), { agreements });

  it("counts from the month an agreement was signed, never before", () => {
    // 2000-02: the last agreement is the comprehensive one of 1996-03, 47 months before.
    expect(at(grid, 0, 1, "pa_months_since")).toBe(47);
    expect(at(grid, 0, 1, "pa_count_60")).toBe(1);
    expect(at(grid, 0, 1, "pa_comprehensive_60")).toBe(1);
    expect(at(grid, 0, 2, "pa_months_since")).toBe(0);
    expect(at(grid, 0, 2, "pa_count_60")).toBe(2);
  });

  it("counts a country without agreements from the start of the record (1975)", () => {
    expect(at(grid, 1, 0, "pa_months_since")).toBe(25 * 12);
    expect(at(grid, 1, 0, "pa_count_60")).toBe(0);
  });
});

describe("dense panel and onsets", () => {
  it("drops rows after the cut-off and sums duplicate country-months", () => {
    const panel = toDensePanel([...rows, { gwcode: 2, iso3: "BBX", month: "2000-02", sb: 3 }], "2000-06");
    expect(panel.nMonths).toBe(6);
    expect(panel.sb[1 * 6 + 1]).toBe(3);
  });
  it("marks an origin as onset-eligible only after 24 calm months", () => {
    const long = toDensePanel([...series(1, "AAA", "2000-01", [4, ...new Array(30).fill(0)])]);
    expect(isOnsetEligible(long, 0, 23)).toBe(false);
    expect(isOnsetEligible(long, 0, 24)).toBe(true);
  });
});

describe("new states", () => {
  it("read their predecessor's months before independence, but exist only from it", () => {
    const partition = [
      ...series(625, "SDN", "2011-01", [40, 60, 80, 100, 120, 90, 70, 50]),
      ...series(626, "SSD", "2011-07", [60, 30]),
    ];
    const panel = toDensePanel(partition);
    const ssd = panel.units.findIndex((u) => u.iso3 === "SSD");
    expect(Number.isNaN(panel.sb[ssd * panel.nMonths] as number)).toBe(true);
    const grid = buildFeatureGrid(panel, {
      conflicts: [{ gwcode: 625, year: 2008, intensity: 2, type: 3 }],
    });
    // At independence (2011-07, month 6) the last 12 months hold Sudan's six months and its own 60.
    expect(Math.expm1(at(grid, ssd, 6, "ln_sb_12"))).toBeCloseTo(40 + 60 + 80 + 100 + 120 + 90 + 60, 2);
    expect(at(grid, ssd, 6, "violent_months_12")).toBe(7);
    expect(at(grid, ssd, 6, "acd_years_since_war")).toBeLessThan(5);
  });
});
