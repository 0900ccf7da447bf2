import { describe, expect, it } from "vitest";
import { ZDay, ZDayOrInstant, ZMonth } from "./calendar.schemas.ts";

const messages = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("calendar schemas", () => {
  it("names a malformed or absurd value once", () => {
    expect(messages(ZDay.safeParse("31/12/2019"))).toEqual([
      "a date as YYYY-MM-DD, from 1900-01-01 to 2199-12-31",
    ]);
    expect(messages(ZDay.safeParse("2019-02-30"))).toHaveLength(1);
    expect(messages(ZDay.safeParse("0000-01-01"))).toHaveLength(1);
    expect(messages(ZMonth.safeParse("2019-13"))).toEqual(["a month as YYYY-MM, from 1900-01 to 2199-12"]);
    expect(messages(ZMonth.safeParse("9999-12"))).toHaveLength(1);
    expect(messages(ZDayOrInstant.safeParse("yesterday"))).toHaveLength(1);
  });

  it("takes days, months and instants that exist", () => {
    expect(ZDay.parse("2020-02-29")).toBe("2020-02-29");
    expect(ZMonth.parse("2019-12")).toBe("2019-12");
    expect(ZDayOrInstant.parse("2026-01-31T12:00:00Z")).toBe("2026-01-31T12:00:00Z");
  });
});
