import { describe, expect, it } from "vitest";
import {
  addMonths,
  addMonthsToDate,
  monthIndex,
  monthOfInstant,
  monthRange,
  monthsBetween,
} from "./months.ts";

describe("months", () => {
  it("counts across years, forwards and backwards", () => {
    expect(addMonths("2019-12", 1)).toBe("2020-01");
    expect(addMonths("2020-01", -13)).toBe("2018-12");
    expect(monthsBetween("2019-12", "2021-02")).toBe(14);
    expect(monthsBetween("2021-02", "2019-12")).toBe(-14);
    expect(monthOfInstant(new Date("2026-11-30T23:59:59Z"))).toBe("2026-11");
  });

  it("lists a span inclusive, and nothing for a reversed one", () => {
    expect(monthRange("2019-11", "2020-02")).toEqual(["2019-11", "2019-12", "2020-01", "2020-02"]);
    expect(monthRange("2020-02", "2019-11")).toEqual([]);
  });

  it("reads a date as its month and refuses what is not a month", () => {
    expect(monthIndex("2019-12-31")).toBe(monthIndex("2019-12"));
    expect(() => monthIndex("2019-13")).toThrow(/YYYY-MM/);
  });

  it("keeps a date's day within a shorter target month", () => {
    expect(addMonthsToDate("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonthsToDate("2023-11-30", 3)).toBe("2024-02-29");
    expect(addMonthsToDate("2025-03-15", 12)).toBe("2026-03-15");
  });
});
