import { readdirSync } from "node:fs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { type ApiSession, signIn, testApp } from "../support/api.ts";
import { gedColumn, gedRows } from "../support/bundled-ged.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, type TestUser } from "../support/factories.ts";
import { tempDir } from "../support/temp-dir.ts";

const SYRIA_GW = "652";

/** The file's own sums of best fatalities for Syria by month and type of violence. */
const syriaSums = () => {
  const sums = new Map<string, [number, number, number]>();
  for (const row of gedRows.slice(1)) {
    if (row[gedColumn("country_id")] !== SYRIA_GW) continue;
    const month = (row[gedColumn("date_start")] ?? "").slice(0, 7);
    const s = sums.get(month) ?? [0, 0, 0];
    const type = Number(row[gedColumn("type_of_violence")]) - 1;
    s[type] = (s[type] ?? 0) + Number(row[gedColumn("best")]);
    sums.set(month, s);
  }
  return sums;
};

/** A multipart/form-data body as a browser sends it. */
const multipart = (fields: Record<string, string>, file: { name: string; content: string | Buffer }) => {
  const boundary = `----continuum${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
};

let handle: DatabaseHandle;
let app: App;
let analyst: TestUser;
let viewer: TestUser;
let session: ApiSession;
/** This file's own temporary folder, where the server saves uploads, so that none left behind goes unseen. */
let uploads: string;
const leftUploads = () => readdirSync(uploads).filter((name) => name.startsWith("continuum-upload-"));

const upload = (
  who: ApiSession,
  fields: Record<string, string>,
  file: { name: string; content: string | Buffer },
  wait = true,
) => {
  const body = multipart(fields, file);
  return app.inject({
    method: "POST",
    url: `/api/data/imports${wait ? "?wait=true" : ""}`,
    cookies: { continuum_session: who.sessionCookie },
    headers: { "x-csrf-token": who.csrfToken, "content-type": body.contentType },
    payload: body.payload,
  });
};

beforeAll(async () => {
  handle = await createTestDatabase({ withBundledData: true });
  app = await testApp(handle);
  const org = await buildOrganisation(handle.db);
  analyst = await buildUser(handle.db, org.id, "analyst");
  viewer = await buildUser(handle.db, org.id, "viewer");
  session = await signIn(app, viewer.email, viewer.password);
  uploads = tempDir("data-api");
  process.env.TMPDIR = uploads;
});

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe("conflict data API", () => {
  it("needs a signed-in person for every data route", async () => {
    for (const url of ["/api/data/countries", "/api/data/status", "/api/data/events", "/api/data/indicators"])
      expect((await app.inject({ method: "GET", url })).statusCode, url).toBe(401);
  });

  it("lists countries and shows one with its crosswalk and capital", async () => {
    const list = (await session.request("GET", "/api/data/countries?q=syria")).json();
    expect(list.map((c: { iso3: string }) => c.iso3)).toContain("SYR");
    const syria = (await session.request("GET", "/api/data/countries/syr")).json();
    expect(syria).toMatchObject({ iso3: "SYR", isoNumeric: 760, gwcode: 652, capital: "Damascus" });
    expect(syria.crosswalk.some((x: { gwcode: number }) => x.gwcode === 652)).toBe(true);
    expect(syria.capitals[0].capital).toBe("Damascus");
    expect(syria.officialNames).toMatchObject({
      en: "the Syrian Arab Republic",
      fr: "la République arabe syrienne",
      ar: "الجمهورية العربية السورية",
    });
    expect((await session.request("GET", "/api/data/countries/XYZ")).statusCode).toBe(404);
    // A code that cannot exist names no country either.
    expect((await session.request("GET", "/api/data/countries/12")).statusCode).toBe(404);
  });

  it("gives Syria's monthly GED series equal to the file's own sums", async () => {
    const rows = (
      await session.request("GET", "/api/data/country-months?iso3=SYR&series=events&from=2016-01&to=2019-12")
    ).json();
    const sums = syriaSums();
    // The Syria release covers 2016-01 … 2019-11: zero months inside, nothing outside.
    expect(rows.length).toBe(47);
    for (const r of rows) {
      const expected = sums.get(r.month) ?? [0, 0, 0];
      expect([r.sbBest, r.nsBest, r.osBest], r.month).toEqual(expected);
    }
    const views = (
      await session.request("GET", "/api/data/country-months?iso3=SYR&series=views&from=2012-01&to=2012-12")
    ).json();
    expect(views.length).toBe(12);
    expect(views.every((r: { sbBest: number }) => r.sbBest > 0)).toBe(true);
  });

  it("totals fatalities per country over a period for the world map, with ISO numeric codes", async () => {
    const totals = (
      await session.request("GET", "/api/data/country-totals?from=2017-01&to=2017-12&series=events")
    ).json();
    expect(totals.map((t: { iso3: string }) => t.iso3).sort()).toEqual(["CAF", "MEX", "MMR", "SYR"]);
    const syria = totals.find((t: { iso3: string }) => t.iso3 === "SYR");
    const sums = syriaSums();
    let expected = 0;
    for (let m = 1; m <= 12; m += 1)
      for (const v of sums.get(`2017-${String(m).padStart(2, "0")}`) ?? []) expected += v;
    expect(syria).toMatchObject({ isoNumeric: 760, total: expected, months: 12 });
    const world = (await session.request("GET", "/api/data/country-totals?from=2014-01&to=2014-12")).json();
    expect(world.length).toBeGreaterThan(150);
    expect(
      (await session.request("GET", "/api/data/country-totals?from=2015-01&to=2014-12")).statusCode,
    ).toBe(400);
  });

  it("filters events by bounding box and date, a page at a time", async () => {
    const bbox = "32,35,37.5,42.5"; // Syria and surroundings
    const url = `/api/data/events?bbox=${bbox}&from=2017-01-01&to=2017-03-31&limit=50`;
    const first = (await session.request("GET", url)).json();
    const second = (await session.request("GET", `${url}&offset=50`)).json();
    expect(first.total).toBeGreaterThan(100);
    expect(first.events.length).toBe(50);
    const ids = new Set(first.events.map((e: { id: string }) => e.id));
    expect(second.events.some((e: { id: string }) => ids.has(e.id))).toBe(false);
    for (const e of [...first.events, ...second.events]) {
      expect(e.dateStart >= "2017-01-01" && e.dateStart <= "2017-03-31").toBe(true);
      if (e.latitude !== null) {
        expect(e.latitude).toBeGreaterThanOrEqual(32);
        expect(e.longitude).toBeLessThanOrEqual(42.5);
      }
    }
    const one = first.events[0];
    const detail = (await session.request("GET", `/api/data/events/${one.dataset.id}/${one.id}`)).json();
    expect(detail).toEqual(one);
    expect((await session.request("GET", "/api/data/events?bbox=1,2,3")).statusCode).toBe(400);
    // Cell-months beyond the limit are refused, not cut off.
    const cells = await session.request(
      "GET",
      "/api/data/grid-months?bbox=32,35,37.5,42.5&from=2017-01&to=2017-03",
    );
    const count = cells.json().length;
    expect(count).toBeGreaterThan(2);
    const cut = await session.request(
      "GET",
      `/api/data/grid-months?bbox=32,35,37.5,42.5&from=2017-01&to=2017-03&limit=${count - 1}`,
    );
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error.details[0].field).toBe("querystring.limit");
    const offTheGlobe = await session.request("GET", "/api/data/events?bbox=-95,0,0,10");
    expect(offTheGlobe.json().error.details).toEqual([
      expect.objectContaining({
        field: "querystring.bbox",
        message: "latitudes within ±90 and longitudes within ±180",
      }),
    ]);
    // A misspelt filter is refused by name instead of answering as if nothing had been filtered.
    const misspelt = await session.request("GET", "/api/data/events?iso=SYR");
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error.details).toEqual([
      { field: "querystring.iso", message: "not a field of this request" },
    ]);
  });

  it("gives every event of a country as map points", async () => {
    const caf = (await session.request("GET", "/api/data/events/points?iso3=CAF")).json();
    const inFile = gedRows.slice(1).filter((r) => r[gedColumn("country_id")] === "482").length;
    expect(caf.total).toBe(inFile);
    expect(caf.points.length).toBe(inFile);
    for (const [lat, lon] of caf.points) {
      expect(lat).toBeGreaterThan(0);
      expect(lat).toBeLessThan(12);
      expect(lon).toBeGreaterThan(13);
      expect(lon).toBeLessThan(28);
    }
  });

  it("lists armed conflicts located in a country, and indicators with their series", async () => {
    const conflicts = (await session.request("GET", "/api/data/conflicts?iso3=SYR&fromYear=2011")).json();
    expect(conflicts.length).toBeGreaterThan(5);
    expect(conflicts.every((c: { year: number }) => c.year >= 2011)).toBe(true);
    expect(conflicts[0].sideA).toMatch(/Syria/);
    const indicators = (await session.request("GET", "/api/data/indicators")).json();
    const homicide = indicators.find((i: { code: string }) => i.code === "VC.IHR.PSRC.P5");
    expect(homicide.unit).toMatch(/100,000/);
    // Per country, the counts are that country's own: what a country page opens on.
    const forMexico = (await session.request("GET", "/api/data/indicators?iso3=mex")).json();
    expect(forMexico).toHaveLength(indicators.length);
    const mexicanHomicides = forMexico.find((i: { code: string }) => i.code === "VC.IHR.PSRC.P5");
    expect(mexicanHomicides.valueCount).toBeGreaterThan(5);
    expect(mexicanHomicides.valueCount).toBeLessThan(homicide.valueCount);
    const values = (
      await session.request("GET", "/api/data/indicators/VC.IHR.PSRC.P5/values?iso3=MEX&fromYear=2010")
    ).json();
    expect(values.length).toBeGreaterThan(5);
    expect(values.every((v: { iso3: string; year: number }) => v.iso3 === "MEX" && v.year >= 2010)).toBe(
      true,
    );
  });

  it("exports each view as CSV, HXL and GeoJSON", async () => {
    const csv = await session.request("GET", "/api/data/events/export?iso3=MMR&from=2019-01-01&format=csv");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain("events-mmr.csv");
    const lines = csv.body.trim().split("\n");
    expect(lines[0]).toMatch(/^event_id,dataset,dataset_version,type_of_violence,date_start/);
    const hxl = await session.request("GET", "/api/data/events/export?iso3=MMR&from=2019-01-01&format=hxl");
    expect(hxl.body.split("\n")[1]).toMatch(
      /^#event\+id,#meta\+source,#meta\+source\+version,#event\+type\+ucdp,#date\+start/,
    );
    const geo = (
      await session.request("GET", "/api/data/events/export?iso3=MMR&from=2019-01-01&format=geojson")
    ).json();
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features.length).toBe(lines.length - 1);
    expect(geo.features[0].geometry.type).toBe("Point");
    const months = await session.request(
      "GET",
      "/api/data/country-months/export?iso3=SYR&series=events&format=csv",
    );
    expect(months.body.split("\n")[0]).toBe(
      "iso3,month,series,dataset,dataset_version,sb_best,ns_best,os_best,other_best,event_count",
    );
    // Each number says which release it came from: an update re-dates only the rows it changed.
    expect(months.body.split("\n")[1]).toMatch(/^SYR,\d{4}-\d{2},events,ucdp-ged,[^,]+,/);
    const conflicts = await session.request("GET", "/api/data/conflicts/export?iso3=SYR&format=hxl");
    expect(conflicts.body.split("\n")[1]).toContain("#date+year");
    const indicator = await session.request(
      "GET",
      "/api/data/indicators/VC.IHR.PSRC.P5/values/export?iso3=MEX&format=geojson",
    );
    expect(indicator.json().features.length).toBeGreaterThan(5);
    const grid = (
      await session.request("GET", "/api/data/grid-months/export?bbox=2,14,11,28&from=2019-01&format=geojson")
    ).json();
    expect(grid.features[0].geometry.type).toBe("Polygon");
  });

  it("exports the event-months contract", async () => {
    const response = await session.request(
      "GET",
      "/api/data/event-months/export?level=country&from=2019-01&to=2019-02",
    );
    const rows = response.body.trim().split("\n");
    expect(rows[0]).toBe("iso3,month,sb_best,ns_best,os_best");
    expect(rows.length).toBe(1 + 4 * 2);
    const grid = await session.request(
      "GET",
      "/api/data/event-months/export?level=grid&from=2019-01&to=2019-01",
    );
    expect(grid.body.split("\n")[0]).toBe("priogrid_gid,month,sb_best,ns_best,os_best");
  });

  it("shows the catalogue with licences, citations and the bundled flag", async () => {
    const status = (await session.request("GET", "/api/data/status")).json();
    expect(status.initialised).toBe(true);
    const ged = status.datasets.find((d: { id: string }) => d.id === "ucdp-ged");
    expect(ged).toMatchObject({ kind: "ged", rowCount: gedRows.length - 1, bundled: true, shared: true });
    expect(ged.licence).toMatch(/CC BY 4.0/);
    expect(ged.citation).toMatch(/Sundberg/);
    expect(status.tables.events).toBe(gedRows.length - 1);
    const kinds = (await session.request("GET", "/api/data/import-kinds")).json();
    expect(kinds.find((k: { kind: string }) => k.kind === "ged").required).toContain("date_start");
  });

  it("refuses imports to roles without the grant, and keeps none of their file", async () => {
    const response = await upload(session, { kind: "ged" }, { name: "x.csv", content: "id\n1\n" });
    expect(response.statusCode).toBe(403);
    expect(leftUploads()).toEqual([]);
  });

  it("lets only a platform administrator import into a dataset every organisation reads", async () => {
    const who = await signIn(app, analyst.email, analyst.password);
    const content = Papa.unparse(gedRows.slice(0, 3));
    const shared = await upload(who, { kind: "ged" }, { name: "ged-two.csv", content });
    expect(shared.statusCode).toBe(403);
    expect(shared.json().error.message).toMatch(
      /^Every organisation reads ucdp-ged: only a platform administrator/,
    );
    const bundled = await upload(
      who,
      { kind: "indicators", datasetId: "wdi-population" },
      { name: "p.csv", content },
    );
    expect(bundled.statusCode).toBe(403);
    expect(leftUploads()).toEqual([]);
  });

  it("keeps no upload whose fields are refused", async () => {
    const who = await signIn(app, analyst.email, analyst.password);
    const response = await upload(who, { kind: "nope" }, { name: "x.csv", content: "id\n1\n" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("body.kind");
    // A licence link is shown to every reader: only an http(s) address.
    const scripted = await upload(
      who,
      { kind: "ged", licenceUrl: "javascript:alert(document.cookie)" },
      { name: "x.csv", content: "id\n1\n" },
    );
    expect(scripted.json().error.details).toEqual([
      expect.objectContaining({ field: "body.licenceUrl", message: "must be an http(s) address" }),
    ]);
    expect(leftUploads()).toEqual([]);
  });

  it("reports every problem of a refused file with line, column, value and reason, and changes nothing", async () => {
    const who = await signIn(app, analyst.email, analyst.password);
    const rows = gedRows.slice(0, 6).map((r) => [...r]);
    const setCell = (line: number, column: string, value: string) => {
      const row = rows[line];
      if (row) row[gedColumn(column)] = value;
    };
    setCell(2, "best", "-4");
    setCell(4, "date_start", "2019-02-31");
    const response = await upload(
      who,
      { kind: "ged", datasetId: "ged-upload" },
      {
        name: "ged-bad.csv",
        content: Papa.unparse(rows),
      },
    );
    expect(response.statusCode).toBe(200);
    const job = response.json();
    expect(job.state).toBe("finished");
    expect(job.report.ok).toBe(false);
    expect(job.report.errorCount).toBe(2);
    expect(job.report.errors).toEqual([
      expect.objectContaining({ file: "ged-bad.csv", line: 3, column: "best", value: "-4" }),
      expect.objectContaining({ file: "ged-bad.csv", line: 5, column: "date_start", value: "2019-02-31" }),
    ]);
    const status = (await who.request("GET", "/api/data/status")).json();
    expect(status.datasets.some((d: { id: string }) => d.id === "ged-upload")).toBe(false);
  });

  it("imports an upload in the background: 202, progress, then the report; the import is audited", async () => {
    const who = await signIn(app, analyst.email, analyst.password);
    const rows = gedRows.slice(0, 201);
    const started = await upload(
      who,
      { kind: "ged", datasetId: "ged-upload", licence: "CC BY 4.0" },
      { name: "ged-200.csv", content: Papa.unparse(rows) },
      false,
    );
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    const readJob = async () => (await who.request("GET", `/api/data/imports/${id}`)).json();
    // A busy machine may take a while; what matters is that the job ends, and how.
    await expect
      .poll(async () => (await readJob()).state, { timeout: 60_000, interval: 50 })
      .not.toBe("running");
    const job = await readJob();
    expect(job.state).toBe("finished");
    expect(job.report).toMatchObject({ ok: true, status: "created", rowCount: 200, datasetId: "ged-upload" });
    expect(job.done).toBe(job.total);
    // Someone else cannot see the job.
    expect((await session.request("GET", `/api/data/imports/${id}`)).statusCode).toBe(404);
    const status = (await who.request("GET", "/api/data/status")).json();
    expect(status.datasets.find((d: { id: string }) => d.id === "ged-upload")).toMatchObject({
      rowCount: 200,
      bundled: false,
      shared: false,
      importedBy: analyst.email,
    });
    const again = await upload(
      who,
      { kind: "ged", datasetId: "ged-upload" },
      {
        name: "ged-200.csv",
        content: Papa.unparse(rows),
      },
    );
    expect(again.json().report.status).toBe("unchanged");
    expect(leftUploads()).toEqual([]);

    // A second GED dataset is read when named; the maps and totals keep reading the reference one alone.
    const totals = async (dataset = "") =>
      (
        await who.request(
          "GET",
          `/api/data/country-totals?series=events&from=1989-01&to=2019-12${dataset && `&dataset=${dataset}`}`,
        )
      ).json() as { iso3: string; total: number }[];
    expect(await totals()).toEqual(await totals("ucdp-ged"));
    const own = await totals("ged-upload");
    const both = await totals("ucdp-ged,ged-upload");
    const [first] = own;
    expect(first && both.find((t) => t.iso3 === first.iso3)?.total).toBe(
      (first?.total ?? 0) + ((await totals()).find((t) => t.iso3 === first?.iso3)?.total ?? 0),
    );

    // The dataset is the analyst's organisation's: another organisation's analyst cannot replace it.
    const other = await buildUser(handle.db, (await buildOrganisation(handle.db)).id, "analyst");
    const outsider = await signIn(app, other.email, other.password);
    const taken = await upload(
      outsider,
      { kind: "ged", datasetId: "ged-upload" },
      { name: "ged-one.csv", content: Papa.unparse(gedRows.slice(0, 2)) },
    );
    expect(taken.statusCode).toBe(403);
    expect(taken.json().error.message).toMatch(/^ged-upload belongs to another organisation/);
    expect(leftUploads()).toEqual([]);

    // Nor does it list or read it: a request naming it answers as one naming no dataset.
    const listed = async (session: typeof who) =>
      ((await session.request("GET", "/api/data/status")).json().datasets as { id: string }[]).map(
        (d) => d.id,
      );
    expect(await listed(outsider)).not.toContain("ged-upload");
    // Nor do the table counts give the import away.
    const events = async (session: typeof who) =>
      ((await session.request("GET", "/api/data/status")).json().tables as { events: number }).events;
    expect((await events(who)) - (await events(outsider))).toBe(200);
    expect(await listed(outsider)).toContain("ucdp-ged");
    const eventId = gedRows[1]?.[gedRows[0]?.indexOf("id") ?? 0];
    for (const url of [
      "/api/data/country-totals?series=events&from=1989-01&to=2019-12&dataset=ged-upload",
      "/api/data/events?dataset=ged-upload",
      "/api/data/events/export?dataset=ged-upload",
      "/api/data/events/points?iso3=SYR&dataset=ucdp-ged,ged-upload",
      "/api/data/grid-months?dataset=ged-upload&from=2019-01&to=2019-01",
      "/api/data/event-months/export?level=country&from=2019-01&to=2019-12&dataset=ged-upload",
      `/api/data/events/ged-upload/${eventId}`,
    ]) {
      const refused = await outsider.request("GET", url);
      expect([url, refused.statusCode, refused.json().error.message]).toEqual([
        url,
        404,
        "Dataset ged-upload was not found.",
      ]);
      expect((await who.request("GET", url)).statusCode, url).toBe(200);
    }
  });

  it("keeps an organisation's indicators to its members", async () => {
    const who = await signIn(app, analyst.email, analyst.password);
    const imported = await upload(
      who,
      { kind: "indicators", datasetId: "desk-indicators", unit: "index" },
      { name: "desk.csv", content: "iso3,year,indicator_code,value\nSYR,2018,DESK.TENSION,42\n" },
    );
    expect(imported.json().report.ok).toBe(true);
    const other = await buildUser(handle.db, (await buildOrganisation(handle.db)).id, "analyst");
    const outsider = await signIn(app, other.email, other.password);
    const codes = async (session: typeof who) =>
      ((await session.request("GET", "/api/data/indicators")).json() as { code: string }[]).map(
        (d) => d.code,
      );
    expect(await codes(who)).toContain("DESK.TENSION");
    expect(await codes(outsider)).not.toContain("DESK.TENSION");
    const values = "/api/data/indicators/DESK.TENSION/values";
    expect((await who.request("GET", values)).json()).toEqual([expect.objectContaining({ value: 42 })]);
    expect((await outsider.request("GET", values)).json()).toEqual([]);
    expect((await outsider.request("GET", `${values}?dataset=desk-indicators`)).statusCode).toBe(404);
    expect((await outsider.request("GET", `${values}/export?dataset=desk-indicators`)).statusCode).toBe(404);
  });

  it("documents every data route in the OpenAPI document", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const path of [
      "/api/data/countries",
      "/api/data/countries/{iso3}",
      "/api/data/country-months",
      "/api/data/country-months/export",
      "/api/data/grid-months",
      "/api/data/events",
      "/api/data/events/export",
      "/api/data/conflicts",
      "/api/data/indicators/{code}/values",
      "/api/data/status",
      "/api/data/imports",
      "/api/data/imports/{id}",
      "/api/data/event-months/export",
    ])
      expect(doc.paths[path], path).toBeDefined();
  });

  it("reads its own HXL export back with each death's type of violence", async () => {
    const who = await signIn(app, analyst.email, analyst.password);
    const exported = await who.request(
      "GET",
      "/api/data/events/export?iso3=CAF&from=2019-01-01&to=2019-12-31&format=hxl",
    );
    const imported = await upload(
      who,
      { kind: "hxl", datasetId: "caf-round-trip" },
      { name: "caf-2019.hxl.csv", content: exported.body },
    );
    expect(imported.json().report, imported.body).toMatchObject({ ok: true });
    const months = async (dataset: string) =>
      (
        (
          await who.request(
            "GET",
            `/api/data/country-months?iso3=CAF&series=events&from=2019-01&to=2019-12${dataset}`,
          )
        ).json() as { month: string; sbBest: number; nsBest: number; osBest: number; otherBest: number }[]
      ).map(({ month, sbBest, nsBest, osBest, otherBest }) => ({ month, sbBest, nsBest, osBest, otherBest }));
    const original = await months("");
    expect(original.some((m) => m.sbBest > 0)).toBe(true);
    expect(await months("&dataset=caf-round-trip")).toEqual(original);
  });
});
