import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { monthFromViewsId, parseDate, parseIsoDate } from "./dates.ts";
import { validateRows } from "./import/index.ts";
import { priogridCell, priogridGid } from "./priogrid.ts";
import { buildRegistry, createResolver, type Table } from "./registry.ts";

const bundled = (path: string) => new URL(`../../../data/bundled/${path}`, import.meta.url);
const table = (path: string): Table => {
  const rows = Papa.parse<string[]>(readFileSync(bundled(path), "utf8"), { skipEmptyLines: true }).data;
  const [header = [], ...rest] = rows;
  return { header, rows: rest };
};
const registry = buildRegistry(
  table("registry/gw_states.csv"),
  table("registry/gw_capitals.csv"),
  table("registry/country_codes.csv"),
);
const resolver = createResolver(registry);

describe("PRIO-GRID", () => {
  it("follows the DOMAIN formula", () => {
    expect(priogridGid(-90, -180)).toBe(1);
    expect(priogridGid(-89.9, -179.6)).toBe(1);
    expect(priogridGid(-89.9, -179.4)).toBe(2);
    expect(priogridGid(89.9, 179.9)).toBe(259200);
    expect(priogridGid(90, 180)).toBe(259200);
    // Bangui, CAR: GED's own cell
    expect(priogridGid(4.3612, 18.555)).toBe(135758);
    expect(priogridCell(135758)).toMatchObject({ row: 189, col: 398 });
    expect(() => priogridGid(91, 0)).toThrow();
  });
});

describe("dates and months", () => {
  it("parses the forms datasets use and refuses impossible dates", () => {
    expect(parseDate("2019-12-31")).toBe("2019-12-31");
    expect(parseDate("2019-12-31 00:00:00")).toBe("2019-12-31");
    expect(parseDate("31 December 2019")).toBe("2019-12-31");
    expect(parseDate("31-12-2019")).toBe("2019-12-31");
    expect(parseDate("2019-02-30")).toBeNull();
    expect(parseDate("yesterday")).toBeNull();
    // UCDP's files are ISO only: a day-first date there went through a spreadsheet and may be month-first.
    expect(parseIsoDate("2019-12-31T00:00:00Z")).toBe("2019-12-31");
    expect(parseIsoDate("05/06/2013")).toBeNull();
  });
  it("maps ViEWS month ids", () => {
    expect(monthFromViewsId(121)).toBe("1990-01");
    expect(monthFromViewsId(480)).toBe("2019-12");
  });
});

describe("country registry and crosswalk", () => {
  it("maps the tricky GW codes with validity dates", () => {
    expect(resolver.fromGw(260, "1980-01-01").iso3).toBe("DEU");
    expect(resolver.fromGw(265, "1980-01-01").iso3).toBe("DDR");
    expect(resolver.fromGw(345, "1991-06-01").iso3).toBe("YUG");
    expect(resolver.fromGw(345, "1999-03-24").iso3).toBe("SCG");
    expect(resolver.fromGw(340, "2010-01-01").iso3).toBe("SRB");
    expect(resolver.fromGw(347, "2010-01-01").iso3).toBe("XKX");
    expect(resolver.fromGw(625, "2012-01-01").iso3).toBe("SDN");
    expect(resolver.fromGw(626, "2012-01-01").iso3).toBe("SSD");
    expect(resolver.fromGw(365, "1985-01-01").iso3).toBe("SUN");
    expect(resolver.fromGw(365, "1995-01-01").iso3).toBe("RUS");
    expect(resolver.fromGw(816, "1995-01-01").iso3).toBe("VNM");
    expect(resolver.fromGw(678, "1995-01-01").iso3).toBe("YEM");
    expect(resolver.fromGw(679, "1995-01-01").iso3).toBe("YEM");
    expect(resolver.fromGw(680, "1980-01-01").iso3).toBe("YMD");
    expect(resolver.fromIso3("YEM", "1995-01-01").gwcode).toBe(678);
    expect(resolver.fromIso3("DEU", "1995-01-01").gwcode).toBe(260);
    expect(resolver.fromIsoNumeric(4, "2000-01-01").iso3).toBe("AFG");
  });
  it("reads Serbia's UCDP code 345 after 2006 as Serbia, and refuses dated rows far outside a state's dates", () => {
    expect(resolver.fromGw(345, "2007-01-01")).toMatchObject({ iso3: "SRB", gwcode: 340 });
    expect(resolver.fromGw(345, "2017-01-01").iso3).toBe("SRB");
    expect(() => resolver.fromGw(626, "2010-01-01", 31)).toThrow(
      /GW code 626: .* from 2011-07-09, not on 2010-01-01/,
    );
    expect(() => resolver.fromGw(340, "2004-01-01", 31)).toThrow(/GW code 340: .* from 2006-06-05/);
    // A state's first month, and yearly tables, stay within reach.
    expect(resolver.fromGw(626, "2011-07-01", 31).iso3).toBe("SSD");
    expect(resolver.fromGw(626, "2010-01-01")).toMatchObject({ iso3: "SSD", withinValidity: false });
    expect(resolver.gwNames(365, "RUS")).toBe(true);
    expect(resolver.gwNames(2, "SYR")).toBe(false);
  });
  it("names the code when it is unknown or has no ISO match", () => {
    expect(() => resolver.fromGw(999, "2000-01-01")).toThrow(/GW code 999/);
    expect(() => resolver.fromIso3("QQQ", "2000-01-01")).toThrow(/QQQ/);
    expect(() => resolver.fromGw(240, "1850-01-01")).toThrow(/GW code 240: no ISO 3166 match/);
  });
  it("lists states with no ISO match, with a reason", () => {
    const matched = new Set(registry.crosswalk.filter((x) => x.iso3).map((x) => x.gwcode));
    const unmatched = registry.crosswalk.filter((x) => !matched.has(x.gwcode));
    expect(unmatched.map((u) => u.gwcode)).toEqual(expect.arrayContaining([240, 255, 396, 751, 817]));
    for (const u of unmatched) expect(u.note).not.toBe("");
  });
  it("has capitals with coordinates", () => {
    const nga = registry.countries.find((c) => c.iso3 === "NGA");
    expect(nga).toMatchObject({ gwcode: 475, capital: "Abuja", isoNumeric: 566 });
  });
});

const gedHeader = readFileSync(bundled("ucdp_ged_events/ged_events_4countries_1989_2019.csv.gz")).length
  ? (Papa.parse<string[]>(
      "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob",
    ).data[0] ?? [])
  : [];
const gedRow = (over: Record<string, string>) =>
  gedHeader.map(
    (name) =>
      over[name] ??
      (
        {
          id: "1",
          type_of_violence: "1",
          date_start: "2019-01-02",
          date_end: "2019-01-03",
          best: "3",
          low: "2",
          high: "4",
          country_id: "70",
          latitude: "19.4",
          longitude: "-99.1",
        } as Record<string, string>
      )[name] ??
      "",
  );

describe("row validators", () => {
  it("accepts a valid GED row and computes its grid cell", () => {
    const outcome = validateRows("ged", [gedHeader, gedRow({})], { resolver });
    expect(outcome.errorCount).toBe(0);
    expect(outcome.rowCount).toBe(1);
    expect(outcome.staged.lines[0]).toContain(`,${priogridGid(19.4, -99.1)},70,MEX,`);
  });
  it("reports line, column, value and reason", () => {
    const rows = [
      gedHeader,
      gedRow({}),
      gedRow({ id: "2", best: "-5" }),
      gedRow({ id: "3", date_start: "2019-13-01" }),
      gedRow({ id: "4", country_id: "999" }),
      gedRow({ id: "5", country_id: "626", date_start: "2010-01-01", date_end: "2010-01-01" }),
    ];
    const outcome = validateRows("ged", rows, { resolver });
    expect(outcome.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: "best",
        value: "-5",
        reason: expect.stringMatching(/negative/),
      }),
      expect.objectContaining({
        line: 4,
        column: "date_start",
        value: "2019-13-01",
        reason: expect.stringMatching(/unparseable date/),
      }),
      expect.objectContaining({
        line: 5,
        column: "country_id",
        value: "999",
        reason: expect.stringMatching(/unknown/),
      }),
      expect.objectContaining({
        line: 6,
        column: "country_id",
        value: "626",
        reason: expect.stringMatching(/South Sudan .* from 2011-07-09, not on 2010-01-01/),
      }),
    ]);
  });
  it("detects a wrong delimiter and missing columns", () => {
    expect(validateRows("ged", [["id;year;best"], ["1;2019;3"]], { resolver }).errors[0]?.reason).toMatch(
      /wrong delimiter/,
    );
    const missing = validateRows("ged", [gedHeader.filter((h) => h !== "best")], { resolver });
    expect(missing.errors).toEqual([
      expect.objectContaining({ line: 1, column: "best", reason: "missing column" }),
    ]);
  });
  it("reads ViEWS cm, ACD, ACLED, indicators and HXL", () => {
    const views = validateRows(
      "views-cm",
      [
        ["country_id", "month_id", "country", "gwcode", "isoab", "year", "month", "ucdp_ged_sb_best_sum"],
        ["17", "480", "Mexico", "70", "MEX", "2019", "12", "12.0"],
        ["220", "480", "Syria", "2", "SYR", "2019", "12", "3.0"],
      ],
      { resolver },
    );
    expect(views.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: "gwcode",
        reason: "is not a GW code of SYR, as isoab says",
      }),
    ]);
    const acled = validateRows(
      "acled",
      [
        [
          "event_id_cnty",
          "event_date",
          "event_type",
          "sub_event_type",
          "inter1",
          "inter2",
          "country",
          "iso",
          "latitude",
          "longitude",
          "fatalities",
        ],
        ["MEX1", "12 March 2019", "Battles", "Armed clash", "1", "2", "Mexico", "484", "19.4", "-99.1", "4"],
        [
          "MEX2",
          "2019-03-13",
          "Violence against civilians",
          "Attack",
          "3",
          "7",
          "Mexico",
          "484",
          "19.4",
          "-99.1",
          "-1",
        ],
        ["KOS1", "2019-03-14", "Riots", "Mob violence", "5", "0", "Kosovo", "0", "42.66", "21.17", "0"],
      ],
      { resolver },
    );
    expect(acled.errors).toEqual([expect.objectContaining({ line: 3, column: "fatalities" })]);
    // ACLED's Kosovo is 0, a number ISO 3166 does not assign.
    expect(acled.staged.lines.some((line) => line.includes(",XKX,"))).toBe(true);
    const wide = validateRows(
      "indicators",
      [
        ["gwcode", "year", "pop", "gdp"],
        ["260", "1995", "81.7", ""],
        ["240", "1850", "1.8", "NA"],
      ],
      { resolver },
    );
    expect(wide.errorCount).toBe(0);
    expect(wide.staged.lines).toEqual(["pop,GW260,DEU,260,1995,81.7", "pop,GW240,,240,1850,1.8"]);
    const long = validateRows(
      "indicators",
      [
        ["country_name", "iso3", "year", "value"],
        ["World", "WLD", "2000", "1"],
        ["Mexico", "MEX", "2000", "x"],
      ],
      { resolver, indicators: { indicator: "pop" } },
    );
    expect(long.skippedCount).toBe(1);
    expect(long.errors).toEqual([expect.objectContaining({ line: 3, column: "value", value: "x" })]);
    // The World Bank's own download: a preamble, then a column per year; the import's unit and licence are kept.
    const worldBank = validateRows(
      "indicators",
      [
        ["Data Source", "World Development Indicators", ""],
        [""],
        ["Last Updated Date", "2020-07-01", ""],
        [""],
        ["Country Name", "Country Code", "Indicator Name", "Indicator Code", "1999", "2000", ""],
        ["World", "WLD", "Population, total", "SP.POP.TOTL", "6.0e9", "6.1e9", ""],
        ["Mexico", "MEX", "Population, total", "SP.POP.TOTL", "97", "", ""],
        ["Chad", "TCD", "Population, total", "SP.POP.TOTL", "8", "many", ""],
      ],
      { resolver, indicators: { unit: "persons", licence: "CC BY 4.0" } },
    );
    expect(worldBank.skippedCount).toBe(1);
    expect(worldBank.errors).toEqual([
      expect.objectContaining({ line: 8, column: "2000", value: "many", reason: "not a number" }),
    ]);
    expect(worldBank.staged.lines).toEqual(["SP.POP.TOTL,MEX,MEX,70,1999,97"]);
    expect(worldBank.indicators).toEqual([
      expect.objectContaining({
        code: "SP.POP.TOTL",
        name: "Population, total",
        unit: "persons",
        licence: "CC BY 4.0",
      }),
    ]);
    const hxl = validateRows(
      "hxl",
      [
        ["Country", "Region", "Date", "Killed", "Lat", "Lon"],
        ["#country+code", "#adm1+name", "#date+occurred", "#affected+killed+num", "#geo+lat", "#geo+lon"],
        ["CAF", "Bangui", "2019-01-05", "3", "4.36", "18.55"],
        ["ZZZ", "Bangui", "2019-01-06", "1", "4.36", "18.55"],
        ["CAF", "Bangui", "2019-01-05", "3", "4.36", "18.55"],
      ],
      { resolver },
    );
    expect(hxl.rowCount).toBe(1);
    expect(hxl.errors).toEqual([
      expect.objectContaining({ line: 4, column: "Country (#country+code)", value: "ZZZ" }),
      // Without #event+id, a repeated row would count its deaths twice.
      expect.objectContaining({
        line: 5,
        column: "row",
        reason: expect.stringMatching(/^the same row as line 3/),
      }),
    ]);
    // A year column before the event's date does not stand in for it.
    const yearFirst = validateRows(
      "hxl",
      [
        ["Year", "Country", "Date", "Killed"],
        ["#date+year", "#country+code", "#date+occurred", "#affected+killed+num"],
        ["2019", "CAF", "2019-01-05", "3"],
      ],
      { resolver },
    );
    expect(yearFirst.errors).toEqual([]);
    expect(yearFirst.rowCount).toBe(1);
  });
});

describe("peace agreements validator", () => {
  const header = [
    "paid",
    "region",
    "gwno",
    "conflict_id",
    "conflict_name",
    "pa_name",
    "year",
    "pa_date",
    "pa_type",
    "version",
  ];
  const agreement = (over: Record<string, string>) =>
    header.map(
      (name) =>
        over[name] ??
        (
          {
            paid: "1",
            region: "4",
            gwno: "471, 475",
            conflict_id: "405",
            conflict_name: "Cameroon - Nigeria",
            pa_name: "The Greentree agreement",
            year: "2006",
            pa_date: "2006-06-12",
            pa_type: "1",
            version: "22.1",
          } as Record<string, string>
        )[name] ??
        "",
    );

  it("reads the bundled file: every agreement, its GW codes as written and their ISO3 codes", () => {
    const { header: fileHeader, rows } = table("ucdp_conflict/ucdp_peace_agreements_v22_1_1975_2019.csv");
    const outcome = validateRows("peace-agreements", [fileHeader, ...rows], { resolver });
    expect(outcome.errors).toEqual([]);
    expect(outcome.rowCount).toBe(364);
    expect(outcome.staged.target).toBe("peace_agreements");
    expect(outcome.span).toEqual({ start: "1975-03-06", end: "2019-12-28" });
    expect(outcome.versionInFile).toBe("22.1");
    const staged = (paid: string) => outcome.staged.lines.find((l) => l.startsWith(`${paid},`));
    expect(staged("1333")).toBe(
      '1333,405,405,Cameroon - Nigeria,"471, 475","CMR,NGA",2006,2006-06-12,The Greentree agreement,1,22.1',
    );
    // one agreement, two conflicts: no single conflict_id, both kept in conflict_ids
    expect(staged("1570")).toMatch(
      /^1570,,"389, 398","Bosnia-Herzegovina: Serb, Bosnia-Herzegovina: Croat",346,/,
    );
  });

  it("accepts a year that differs from the year of pa_date", () => {
    const outcome = validateRows("peace-agreements", [header, agreement({ year: "2005" })], { resolver });
    expect(outcome.errorCount).toBe(0);
    expect(outcome.staged.lines[0]).toContain(",2005,2006-06-12,");
  });

  it("reports each bad field with line, column, value and reason", () => {
    const rows = [
      header,
      agreement({}),
      agreement({ paid: "2", pa_date: "2006-02-30" }),
      agreement({ paid: "3", pa_type: "4" }),
      agreement({ paid: "4", gwno: "471, 999" }),
      agreement({ paid: "1" }),
      agreement({ paid: "6", year: "206" }),
      agreement({ paid: "7", conflict_id: "405, x" }),
      agreement({ paid: "8", pa_name: "" }),
    ];
    const outcome = validateRows("peace-agreements", rows, { resolver });
    expect(outcome.rowCount).toBe(1);
    expect(outcome.errors).toEqual([
      { line: 3, column: "pa_date", value: "2006-02-30", reason: "unparseable date (expected YYYY-MM-DD)" },
      { line: 4, column: "pa_type", value: "4", reason: "must be one of 1, 2, 3" },
      { line: 5, column: "gwno", value: "999", reason: "GW code 999: unknown Gleditsch–Ward code" },
      { line: 6, column: "paid", value: "1", reason: "duplicate paid (first on line 2)" },
      { line: 7, column: "year", value: "206", reason: "not a plausible year" },
      { line: 8, column: "conflict_id", value: "405, x", reason: '"x" is not a conflict id' },
      { line: 9, column: "pa_name", value: "", reason: "required value is empty" },
    ]);
  });

  it("names a missing column", () => {
    const outcome = validateRows("peace-agreements", [header.filter((h) => h !== "pa_type")], { resolver });
    expect(outcome.errors).toEqual([
      expect.objectContaining({ line: 1, column: "pa_type", reason: "missing column" }),
    ]);
  });
});
