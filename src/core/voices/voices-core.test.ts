import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { bestPlaceMatch, placeKey } from "./gazetteer.ts";
import { applyMapping, parseLooseDate, ZFormMapping } from "./mapping.ts";
import { coarsenLocation, suppressSmallCells } from "./protection.ts";
import { RateWindows } from "./rate-window.ts";
import { formatReceipt, normaliseReceipt } from "./receipt.ts";
import { ZSubmitReport, ZTriageChange } from "./report.schemas.ts";
import { SUMMARY_LENGTH, summariseAnswers } from "./report-summary.ts";
import { bestDuplicate, duplicateScore, textSimilarity } from "./similarity.ts";
import { parseSms } from "./sms.ts";
import { smsText } from "./sms-replies.ts";
import { evaluateSurge } from "./surge.ts";
import { categoryFromLabels, decodeEntities, mapUshahidiRow } from "./ushahidi.ts";
import { suggestMapping } from "./xlsform.ts";

const bundled = (name: string) =>
  Papa.parse<Record<string, string>>(
    readFileSync(new URL(`../../../data/bundled/voices/${name}`, import.meta.url), "utf8"),
    {
      header: true,
      skipEmptyLines: true,
    },
  ).data;

describe("receipt codes", () => {
  it("formats 8 random bytes as 12 Crockford symbols and reads them back despite look-alikes", () => {
    const code = formatReceipt(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const canonical = code.replaceAll("-", "");
    expect(normaliseReceipt(code.toLowerCase())).toBe(canonical);
    expect(normaliseReceipt(canonical.replaceAll("0", "O").replaceAll("1", "l"))).toBe(canonical);
    expect(normaliseReceipt("SHORT")).toBeUndefined();
    expect(normaliseReceipt("AAAA-BBBB-CCC!")).toBeUndefined();
  });

  it("differs for different bytes", () => {
    const a = formatReceipt(new Uint8Array(8).fill(0));
    const b = formatReceipt(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 1]));
    expect(a).not.toBe(b);
  });
});

describe("submission schema", () => {
  const valid = { category: "armed_violence", description: "Shooting near the market", date: "2026-11-01" };
  it("accepts a minimal report and trims text", () => {
    expect(ZSubmitReport.parse({ ...valid, description: "  Shots fired  " }).description).toBe("Shots fired");
  });
  it("refuses broken encodings, control characters, oversized text, half coordinates and unknown fields", () => {
    const problems = (input: object) =>
      ZSubmitReport.safeParse({ ...valid, ...input }).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(problems({ description: "bad \uFFFD bytes" })).toEqual(["description"]);
    expect(problems({ description: "bell \u0007" })).toEqual(["description"]);
    expect(problems({ description: "x".repeat(5001) })).toEqual(["description"]);
    expect(problems({ latitude: 10 })).toEqual(["longitude"]);
    expect(problems({ latitude: 91, longitude: 0 })).toEqual(["latitude"]);
    expect(problems({ date: "2026-13-01" })).toEqual(["date"]);
    expect(problems({ secret: 1 })).toEqual([""]);
    expect(problems({ contact: { phone: "call me" } })).toEqual(["contact.phone"]);
  });
});

describe("near-duplicates", () => {
  const base = {
    id: "a",
    description: "Armed men burned the market in Bambari last night",
    date: "2026-11-01",
    iso3: "CAF",
    latitude: 5.76,
    longitude: 20.67,
    place: "Bambari",
  };
  it("scores the same event retold highly and a different event low", () => {
    const retold = {
      ...base,
      id: "b",
      description: "Last night armed men burnt Bambari market",
      date: "2026-11-02",
      latitude: 5.77,
      longitude: 20.68,
    };
    const other = {
      ...base,
      id: "c",
      description: "Water point closed by the municipality for repairs",
      date: "2026-11-01",
    };
    expect(textSimilarity(base.description, retold.description)).toBeGreaterThan(0.4);
    expect(duplicateScore(retold, base)).toBeGreaterThan(0.72);
    expect(duplicateScore(other, base)).toBeLessThan(0.6);
    expect(bestDuplicate(retold, [other, base])?.id).toBe("a");
    expect(bestDuplicate({ ...retold, date: "2026-11-10" }, [base])).toBeUndefined();
  });
});

describe("SMS grammar", () => {
  it("reads STATUS questions in three languages", () => {
    expect(parseSms("status abcd-efgh-jkmn")).toEqual({
      kind: "status",
      receipt: "abcd-efgh-jkmn",
      language: "en",
    });
    expect(parseSms("STATUT ABCD EFGH JKMN")).toMatchObject({
      kind: "status",
      receipt: "ABCDEFGHJKMN",
      language: "fr",
    });
    expect(parseSms("حالة ABCDEFGHJKMN")).toMatchObject({ kind: "status", language: "ar" });
    // HELP alone asks how to report; HELP in a sentence is a report like any other.
    expect(parseSms(" help ")).toEqual({ kind: "help", language: "en" });
    expect(parseSms("مساعدة")).toEqual({ kind: "help", language: "ar" });
    expect(parseSms("help us, the militia burned the market")).toMatchObject({ kind: "report" });
    // "AIDE" alone is French for help; followed by text it reports an attack on aid. STATUS without a code is no report.
    expect(parseSms("AIDE")).toEqual({ kind: "help", language: "fr" });
    expect(parseSms("AIDE convoi pillé @Kaga")).toMatchObject({
      kind: "report",
      category: "attack_on_aid",
      language: "fr",
    });
    expect(parseSms("STATUT")).toEqual({ kind: "help", language: "fr" });
  });
  it("shows in every language's help an example whose place the gazetteer can find: a name in Latin letters", () => {
    for (const language of ["en", "fr", "ar"] as const) {
      const example = /\p{L}+(?: \p{L}+)* @[^\s.(]+/u.exec(smsText(language, "help", {}))?.[0] ?? "";
      const parsed = parseSms(example);
      expect({ language, parsed }).toMatchObject({ language, parsed: { kind: "report", place: "Gao" } });
    }
  });
  it("reads a keyword, the text and an @place, which the text does not repeat", () => {
    expect(parseSms("ATTACK shooting at the school @Bria, two injured")).toEqual({
      kind: "report",
      category: "armed_violence",
      description: "shooting at the school, two injured",
      place: "Bria",
      language: "en",
    });
    expect(parseSms("DISPLACED 40 families fled @Lankien")).toMatchObject({
      description: "40 families fled",
      place: "Lankien",
    });
    expect(parseSms("ATTACK @Bria")).toMatchObject({ description: "ATTACK", place: "Bria" });
    expect(parseSms("ATTACK @Bor cattle raid near the river, 3 herders shot")).toMatchObject({
      description: "cattle raid near the river, 3 herders shot",
      place: "Bor",
    });
    expect(parseSms("ATTACK shelling @Ras al Ain.")).toMatchObject({
      description: "shelling.",
      place: "Ras al Ain",
    });
    // The preposition that led to the place goes with it; the rest of the sentence stays.
    expect(parseSms("ATTACK armed men in @Bria attacked the clinic")).toMatchObject({
      description: "armed men attacked the clinic",
      place: "Bria",
    });
    expect(parseSms("ATTAQUE tirs près de @Kaga")).toMatchObject({ description: "tirs", place: "Kaga" });
    expect(parseSms("هجوم مسلحون في @سوريا")).toMatchObject({ description: "مسلحون", place: "سوريا" });
    expect(parseSms("DISPLACED families fled from @Bria")).toMatchObject({
      description: "families fled from",
    });
    expect(parseSms("مياه انقطاع المياه منذ أسبوع")).toMatchObject({ category: "services", language: "ar" });
    expect(parseSms("Les gens ont fui le village")).toMatchObject({ category: "other", language: "fr" });
  });
});

describe("form mappings", () => {
  it("drafts a mapping from the bundled REACH XLSForm", () => {
    const mapping = ZFormMapping.parse(
      suggestMapping(
        bundled("kobo_reach_irq_water_survey_xlsform_survey.csv"),
        bundled("kobo_reach_irq_water_survey_xlsform_choices.csv"),
        {
          iso3: "IRQ",
          category: "services",
        },
      ),
    );
    expect(mapping.date).toBe("date_assessment");
    expect(mapping.geopoint).toBe("gpslocation");
    expect(mapping.contact).toEqual({ phone: "telephone_number" });
    expect(mapping.place).toEqual(["neighbourhood"]);
    expect(mapping.description).toContain("trust_water_office_why_not");
    expect(mapping.description).not.toContain("telephone_number");
    expect(mapping.labels.neighbourhood?.al_askary1).toBe("al_askary1");
    // Each answer in the report's text is headed by its question, not the column name.
    const mapped = applyMapping(
      {
        _uuid: "u1",
        water_supply_other_neighbourhoods_why: "Pumps damaged",
        trust_water_office_why_not: "No answer",
      },
      mapping,
    );
    expect(mapped.description.split("\n")[0]).toBe(
      "Why is the level of service worse in your neighbourhood compared to other neighbourhoods in Tal Afar city?: Pumps damaged",
    );
    // Every submission's text opens on the same question: lists show the answers alone.
    expect(mapped.summary).toBe("Pumps damaged · No answer");
  });

  it("summarises answers in one line of at most SUMMARY_LENGTH characters", () => {
    expect(summariseAnswers(["Pumps\n damaged", " ", "No answer"])).toBe("Pumps damaged · No answer");
    expect(summariseAnswers([""])).toBeUndefined();
    const long = summariseAnswers(["word ".repeat(100)]) ?? "";
    expect(long).toHaveLength(SUMMARY_LENGTH);
    expect(long.endsWith("word…")).toBe(true);
  });

  it("applies a mapping: Kobo group paths, geopoints, labels, sealed answers", () => {
    const mapping = ZFormMapping.parse({
      description: ["why"],
      date: "today",
      geopoint: "gps",
      place: ["area"],
      contact: { phone: "tel" },
      category: { column: "kind", values: { clash: "armed_violence" } },
      labels: { area: { a1: "Old town" } },
    });
    const mapped = applyMapping(
      {
        _uuid: "u1",
        today: "2026-11-02",
        "grp/why": "No water",
        gps: "36.1 42.2 0 5",
        area: "a1",
        tel: "0770",
        kind: "clash",
        extra: "x",
      },
      mapping,
    );
    expect(mapped).toMatchObject({
      sourceRef: "u1",
      date: "2026-11-02",
      description: "No water",
      latitude: 36.1,
      longitude: 42.2,
      place: "Old town",
      contact: { phone: "0770" },
      category: "armed_violence",
      answers: { extra: "x" },
      // One question's answer is the text itself, unheaded: it needs no summary.
      summary: undefined,
    });
    expect(parseLooseDate("2019")).toBeUndefined();
    expect(parseLooseDate("31/12/2019")).toBe("2019-12-31");
    expect(parseLooseDate("2019-02-30")).toBeUndefined();
  });

  it("maps the bundled AWSD incident feed with year/month/day columns and ISO2 codes", () => {
    const [first] = bundled("awsd_aid_worker_security_incidents_2015_2019.csv");
    const mapping = ZFormMapping.parse(
      JSON.parse(
        readFileSync(new URL("../../../data/bundled/voices/awsd-form.json", import.meta.url), "utf8"),
      ).mapping,
    );
    const mapped = applyMapping(first ?? {}, mapping);
    expect(mapped).toMatchObject({
      sourceRef: "2446",
      date: "2015-01-01",
      category: "attack_on_aid",
      country: { code: "SY", codes: "iso2" },
      status: "verified",
    });
  });

  it("reads Ushahidi rows: entities, category lists, names into the contact", () => {
    expect(decodeEntities("a &amp; b &quot;c&quot; &#39;d&#39;")).toBe(`a & b "c" 'd'`);
    expect(categoryFromLabels(["1. Emergency", "3. Displacement"])).toBe("displacement");
    const mapped = mapUshahidiRow({
      "#": "7",
      "INCIDENT TITLE": "Fire",
      "INCIDENT DATE": "2010-01-13 10:00:00",
      LOCATION: "Jacmel",
      DESCRIPTION: "Houses &amp; school burned",
      CATEGORY: "2. Violence, ",
      LATITUDE: "18.23",
      LONGITUDE: "-72.53",
      APPROVED: "YES",
      VERIFIED: "NO",
      "FIRST NAME": "Ann",
      "LAST NAME": "Example",
      EMAIL: "",
    });
    expect(mapped).toMatchObject({
      sourceRef: "7",
      category: "armed_violence",
      date: "2010-01-13",
      description: "Fire\n\nHouses & school burned",
      contact: { name: "Ann Example" },
      status: undefined,
      answers: { APPROVED: "YES", VERIFIED: "NO", CATEGORY: "2. Violence" },
    });
  });
});

describe("protection, surge and rate limits", () => {
  it("coarsens to the PRIO-GRID cell centre and withholds small cells", () => {
    expect(coarsenLocation(5.761, 20.672)).toEqual({
      latitude: 5.75,
      longitude: 20.75,
      priogridGid: expect.any(Number),
    });
    expect(suppressSmallCells([{ count: 4 }, { count: 5 }], 5)).toEqual([
      { count: null, suppressed: true },
      { count: 5, suppressed: false },
    ]);
  });
  it("withholds the next smallest category where the total would give a small one away", () => {
    const cells = [
      { month: "2026-10", category: "armed_violence", count: 2 },
      { month: "2026-10", category: "displacement", count: 7 },
      { month: "2026-10", category: "protest", count: 9 },
      { month: "2026-11", category: "armed_violence", count: 6 },
      { month: "2026-11", category: "displacement", count: 7 },
    ];
    const shown = suppressSmallCells(cells, 5, (cell) => cell.month).map((cell) => cell.count);
    expect(shown).toEqual([null, null, 9, 6, 7]);
    expect(suppressSmallCells(cells, 5).map((cell) => cell.count)).toEqual([null, 7, 9, 6, 7]);
  });
  it("calls a surge only above both the minimum and the ratio", () => {
    expect(evaluateSurge(12, [2, 3, 2, 3, 2, 0]).surge).toBe(true);
    expect(evaluateSurge(4, [0, 0, 0, 0, 0, 0]).surge).toBe(false);
    expect(evaluateSurge(10, [8, 9, 7, 8, 9, 8]).surge).toBe(false);
  });
  it("limits per key and says when to come back", () => {
    const windows = new RateWindows({ max: 2, windowMs: 60_000 });
    expect(windows.hit("a", 0).allowed).toBe(true);
    expect(windows.hit("a", 1).allowed).toBe(true);
    expect(windows.hit("a", 2)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(windows.hit("b", 2).allowed).toBe(true);
    expect(windows.hit("a", 60_001).allowed).toBe(true);
  });
  it("counts a request resent under the same id once", () => {
    const windows = new RateWindows({ max: 2, windowMs: 60_000 });
    expect(windows.hit("phone", 0, "msg-1").allowed).toBe(true);
    expect(windows.hit("phone", 1, "msg-1").allowed).toBe(true);
    expect(windows.hit("phone", 2, "msg-2").allowed).toBe(true);
    expect(windows.hit("phone", 3, "msg-2").allowed).toBe(true);
    expect(windows.hit("phone", 4, "msg-3").allowed).toBe(false);
  });
  it("matches typed places against the gazetteer, finest level first", () => {
    expect(placeKey("Aleppo governorate")).toBe("aleppo");
    const entries = [
      {
        iso3: "SYR",
        level: "adm1" as const,
        name: "Aleppo governorate",
        key: "aleppo",
        adm1: null,
        latitude: 36,
        longitude: 37,
        weight: 10,
      },
      {
        iso3: "SYR",
        level: "capital" as const,
        name: "Damascus",
        key: "damascus",
        adm1: null,
        latitude: 33.5,
        longitude: 36.3,
        weight: 0,
      },
    ];
    expect(bestPlaceMatch("near the old market, Aleppo", entries)?.name).toBe("Aleppo governorate");
    expect(bestPlaceMatch("Homs", entries)).toBeUndefined();
  });
});

describe("triage changes", () => {
  const original = "0b0e7a5e-8e7c-4a55-9d6c-2f6a1d0b1a11";
  const problems = (change: unknown) =>
    ZTriageChange.safeParse(change).error?.issues.map((issue) => issue.path.join(".")) ?? [];

  it("marks a duplicate only with the report it duplicates, and names an original only for a duplicate", () => {
    expect(problems({ status: "duplicate" })).toEqual(["duplicateOf"]);
    expect(problems({ duplicateOf: original })).toEqual(["status"]);
    expect(problems({ status: "duplicate", duplicateOf: original })).toEqual([]);
  });
});
