import { describe, expect, it } from "vitest";
import { assertExportable, MAX_EXPORT_ROWS } from "./data-params.ts";

describe("assertExportable", () => {
  it("lets a selection up to the limit through", () => {
    expect(() => assertExportable(MAX_EXPORT_ROWS, "events")).not.toThrow();
  });

  it("refuses a larger one, saying how large and what narrows it, rather than cutting the file short", () => {
    expect(() => assertExportable(231_896, "events")).toThrow(
      "The selection holds 231,896 events; an export takes at most 100,000. Narrow it by country, dates or dataset.",
    );
    expect(() => assertExportable(MAX_EXPORT_ROWS + 1, "grid-months", true)).toThrow(
      /^The selection holds more than 100,000 grid-months;/,
    );
  });
});
