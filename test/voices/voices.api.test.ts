import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { generateMasterKey, makeKeyring, unseal } from "../../src/repositories/voices/envelope.ts";
import { findSealed } from "../../src/repositories/voices/reports.repository.ts";
import { draftMapping } from "../../src/services/voices/draft-form-mapping.ts";
import { revealReport } from "../../src/services/voices/reveal-report.ts";
import { rotateMasterKey } from "../../src/services/voices/rotate-key.ts";
import { type ApiSession, signIn } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, contextFor, type TestUser } from "../support/factories.ts";
import { postReportForm, signedGatewayCall, signedSms, uniquePhone, voicesApp } from "./support.ts";

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "embedded";
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

const REPORTER = { name: "Amina Testreporter", phone: "+236 7200 0111", email: "amina.reporter@example.net" };
const SMS_PHONE = uniquePhone();

let handle: DatabaseHandle;
let app: App;
let key: string;
let orgSlug: string;
let admin: TestUser;
let analyst: TestUser;
let restrictedDesk: TestUser;
let outsider: TestUser;
let staff: ApiSession;
let webReceipt: string;
let apiReceipt: string;
let smsReceipt: string;

const reportCount = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM voices_reports`.execute(handle.db)).rows[0]?.n ??
  0;
const queue = async (query = "") =>
  (await staff.request("GET", `/api/voices/reports?limit=1000${query}`)).json<{
    reports: {
      id: string;
      channel: string;
      status: string;
      iso3: string | null;
      adm2: string | null;
      locationSource: string;
      priogridGid: number | null;
      description: string;
      summary: string | null;
      possibleDuplicateOf: string | null;
    }[];
    total: number;
  }>();
const idOf = async (channel: string, text: string) =>
  (await queue(`&channel=${channel}`)).reports.find((r) => r.description.includes(text))?.id as string;

beforeAll(async () => {
  handle = await createTestDatabase({ withBundledData: true });
  const org = await buildOrganisation(handle.db, "civil_society");
  orgSlug = org.slug;
  const other = await buildOrganisation(handle.db);
  // A platform administrator exists, so a surge can be raised as an alert the platform owns.
  admin = await buildUser(handle.db, org.id, "administrator", "confidential", true);
  analyst = await buildUser(handle.db, org.id, "analyst", "confidential");
  restrictedDesk = await buildUser(handle.db, org.id, "desk_officer", "restricted");
  outsider = await buildUser(handle.db, other.id, "administrator", "confidential");
  ({ app, key } = await voicesApp(handle, orgSlug));
  staff = await signIn(app, admin.email, admin.password);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe(`Voices end to end (${engine})`, () => {
  it("serves the public form without scripts, in Arabic right to left", async () => {
    const page = await app.inject({ method: "GET", url: "/report?lang=ar" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain("أبلغ عمّا يحدث");
    // Countries are named in the page's language, so an Arabic-speaking reporter can find their own.
    expect(page.body).toContain('<option value="CAF">جمهورية أفريقيا الوسطى</option>');
    expect(page.body).not.toMatch(/<script|style="|on(click|load)=/i);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    const css = await app.inject({ method: "GET", url: "/report/voices.css" });
    expect(css.statusCode).toBe(200);
    expect(Number(css.headers["content-length"] ?? css.body.length)).toBeLessThan(4000);
  });

  it("takes a plain form POST, answers 303 to the receipt page, which shows the status", async () => {
    const response = await postReportForm(app, {
      lang: "fr",
      category: "armed_violence",
      description: "Des tirs près du marché central de Bambari hier soir; les boutiques ont fermé.",
      place: "Bambari",
      iso3: "CAF",
      latitude: "",
      longitude: "",
      date: "2026-11-20",
      name: REPORTER.name,
      phone: REPORTER.phone,
      email: "",
      website: "",
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/report/receipt?lang=fr");
    const cookie = response.cookies.find((c) => c.name === "continuum_receipt");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/report/receipt" });
    webReceipt = cookie?.value ?? "";
    expect(webReceipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const receipt = await app.inject({
      method: "GET",
      url: "/report/receipt?lang=fr",
      cookies: { continuum_receipt: webReceipt },
    });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain(webReceipt);
    expect(receipt.body).toContain('data-status="new"');
    expect(receipt.headers["cache-control"]).toBe("no-store");
    expect(receipt.body).not.toContain(`href="/report/receipt/`);
    // The form's address is no second API: a JSON body is refused, and nothing is filed.
    const json = await app.inject({
      method: "POST",
      url: "/report",
      payload: {
        category: "armed_violence",
        description: "A report sent as JSON to the form",
        date: "2026-11-20",
      },
    });
    expect(json.statusCode).toBe(415);
  });

  it("answers a receipt check in place, keeping the code out of every address", async () => {
    // Typed in lower case with spaces for dashes, it is found and shown back as it was given out.
    const checked = await postReportForm(
      app,
      { lang: "en", receipt: webReceipt.toLowerCase().replaceAll("-", " ") },
      "/report/status",
    );
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain('data-status="new"');
    expect(checked.body).toContain(`<strong dir="ltr" id="receipt-code">${webReceipt}</strong>`);
    expect(checked.headers.location).toBeUndefined();
    const unknown = await postReportForm(app, { lang: "en", receipt: "AAAA-BBBB-CCCC" }, "/report/status");
    expect(unknown.statusCode).toBe(404);
    const withoutCookie = await app.inject({ method: "GET", url: "/report/receipt?lang=en" });
    expect(withoutCookie.body).toContain('name="receipt"');
    const byAddress = await app.inject({ method: "GET", url: `/report/receipt/${webReceipt}` });
    expect(byAddress.body).not.toContain("receipt-status");
  });

  it("limits lookups of a receipt per address, so that no one else can lock the reporter out", async () => {
    const lookUp = (remoteAddress: string) =>
      app.inject({ method: "GET", url: `/api/public/reports/${webReceipt}`, remoteAddress });
    for (let i = 0; i < 20; i++) expect((await lookUp("203.0.113.7")).statusCode).toBe(200);
    expect((await lookUp("203.0.113.7")).statusCode).toBe(429);
    expect((await lookUp("198.51.100.2")).statusCode).toBe(200);
  });

  it("re-renders the form with named errors instead of storing a bad submission", async () => {
    const before = await reportCount();
    const response = await postReportForm(app, {
      lang: "en",
      category: "",
      description: "x",
      date: "2999-01-01",
      latitude: "95",
      longitude: "",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Choose what kind of event it was.");
    // The date in the future is named in the same round trip as the missing category.
    expect(response.body).toContain("Give the date as day, month and year: not in the future");
    expect(response.body).toContain('aria-invalid="true"');
    // A post too large to read is answered with a page in the reporter's language, not the API's JSON.
    const huge = await postReportForm(
      app,
      { lang: "fr", category: "other", description: "x".repeat(200_000) },
      "/report?lang=fr",
    );
    expect([huge.statusCode, huge.headers["content-type"]]).toEqual([413, "text/html; charset=utf-8"]);
    expect(huge.body).toContain("Décrivez ce qui s");
    // A point in another country, or at sea, is refused for the country chosen.
    const roadblock = {
      lang: "en",
      category: "other",
      description: "Roadblock on the main road",
      date: "2026-11-01",
    };
    for (const place of [
      { iso3: "NGA", latitude: "6.83", longitude: "-5.29" },
      { iso3: "MLI", latitude: "15", longitude: "-18" },
    ]) {
      const refused = await postReportForm(app, { ...roadblock, ...place });
      expect(refused.statusCode, place.iso3).toBe(400);
      expect(refused.body).toContain("The point on the map lies outside the country chosen");
    }
    // With no country chosen, a point at sea would place the report in no country: refused at the coordinates.
    const atSea = await postReportForm(app, { ...roadblock, lang: "ar", latitude: "0.5", longitude: "-30" });
    expect(atSea.statusCode).toBe(400);
    expect(atSea.body).toContain("النقطة على الخريطة تقع في البحر خارج أي بلد");
    // A point on a coast, a few kilometres off the 1:50m border, is taken.
    const coast = await postReportForm(app, { ...roadblock, latitude: "6.40", longitude: "2.38" });
    expect(coast.statusCode, coast.body).toBe(303);
    expect(await reportCount()).toBe(before + 1);
  });

  it("turns a click on the map image into coordinates, without JavaScript", async () => {
    const response = await postReportForm(app, {
      lang: "en",
      "map.x": "200",
      "map.y": "85",
      description: "kept",
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('name="latitude" type="text" value="5"');
    expect(response.body).toContain('name="longitude" type="text" value="20"');
    expect(response.body).toContain("kept</textarea>");
    expect(response.body).toContain("/report/map.svg?lat=5&amp;lon=20&amp;mlat=5&amp;mlon=20");
    // The closer map draws the borders and marks the point chosen.
    const map = await app.inject({ method: "GET", url: "/report/map.svg?lat=5&lon=20&mlat=5&mlon=20" });
    expect(map.headers["content-type"]).toMatch(/image\/svg\+xml/);
    expect(map.body).toContain('viewBox="182 76 36 18"');
    expect(map.body).toMatch(/<path d="M[^"]{1000,}" fill="none" stroke="#6f8190"/);
    expect(map.body).toContain('<circle cx="200" cy="85" r="0.4"');
    const unmarked = await app.inject({ method: "GET", url: "/report/map.svg?mlat=x&mlon=20" });
    expect(unmarked.body).not.toContain("<circle");
  });

  it("takes a JSON report on the public API, geocodes the place, and shows its status by receipt", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: {
        category: "displacement",
        description: "Families are leaving the villages east of Bambari after threats.",
        place: "Bambari",
        date: "2026-11-19",
        language: "en",
        contact: REPORTER,
      },
    });
    expect(created.statusCode).toBe(201);
    apiReceipt = created.json<{ receipt: string }>().receipt;
    const status = await app.inject({
      method: "GET",
      url: `/api/public/reports/${apiReceipt.toLowerCase()}`,
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ status: "new", reply: null, category: "displacement" });
    const report = (await queue("&channel=api")).reports.find((r) =>
      r.description.includes("villages east of Bambari"),
    );
    expect(report).toMatchObject({ iso3: "CAF", adm2: "Bambari region", locationSource: "gazetteer" });
    expect((await app.inject({ method: "GET", url: "/api/public/reports/AAAA-BBBB-CCCC" })).statusCode).toBe(
      404,
    );
  });

  it("takes SMS through the signed webhook, once per message id, and answers STATUS", async () => {
    const message = {
      id: "gw-msg-1",
      from: SMS_PHONE,
      text: "ATTACK armed men looted the clinic @Bria, staff fled",
    };
    const first = await signedSms(app, message);
    expect(first.statusCode).toBe(200);
    smsReceipt = first.json<{ receipt: string }>().receipt;
    expect(first.json().reply).toContain(smsReceipt);
    const retry = await signedSms(app, message);
    expect(retry.json().receipt).toBe(smsReceipt);
    expect((await queue("&channel=sms")).total).toBe(1);
    const status = await signedSms(app, { id: "gw-msg-2", from: SMS_PHONE, text: `STATUS ${smsReceipt}` });
    expect(status.json().reply).toContain("received, not yet reviewed");
    // By SMS the receipt answers only the phone that sent the report.
    const overheard = await signedSms(app, {
      id: "gw-msg-3",
      from: "+23670000077",
      text: `STATUS ${smsReceipt}`,
    });
    expect(overheard.json().reply).not.toContain("received, not yet reviewed");
    // Nor does the web, where the code would be the only key.
    const online = await app.inject({ method: "GET", url: `/api/public/reports/${smsReceipt}` });
    expect([online.statusCode, online.json().error.message]).toEqual([
      403,
      "This report was sent by SMS: send STATUS and the code from the phone that sent it.",
    ]);
    const form = await postReportForm(app, { lang: "fr", receipt: smsReceipt }, "/report/status");
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain("envoyé par SMS");
    expect(form.body).not.toContain("received");
    // A gateway that reuses a message id for another sender's message: a new report with its own receipt,
    // never the first reporter's.
    const reused = await signedSms(app, {
      ...message,
      from: "+23670000099",
      text: "DISPLACED 40 families @Bria",
    });
    expect(reused.json().receipt).not.toBe(smsReceipt);
    expect((await queue("&channel=sms")).total).toBe(2);
  });

  it("answers STATUS in the language of the report, and STATUT or حالة in theirs", async () => {
    const from = "+23670000123";
    const sent = await signedSms(app, { id: "gw-ar-1", from, text: "هجوم على السوق @Bria" });
    const receipt = sent.json<{ receipt: string }>().receipt;
    const ask = async (id: string, text: string) =>
      (await signedSms(app, { id, from, text: `${text} ${receipt}` })).json<{ reply: string }>().reply;
    expect(await ask("gw-ar-2", "STATUS")).toMatch(/^بلاغك: /);
    expect(await ask("gw-ar-3", "STATUT")).toMatch(/^Votre signalement : /);
    expect(await ask("gw-ar-4", "حالة")).toMatch(/^بلاغك: /);
  });

  it("receives a report whose @place the gazetteer does not know, and tells the reporter how to name one", async () => {
    const from = "+23670000124";
    const send = async (id: string, text: string) =>
      (await signedSms(app, { id, from, text })).json<{ reply: string; receipt: string }>();
    const unknown = await send("gw-place-1", "ATTACK shots fired at the wells @Zzyzxville");
    expect(unknown.reply).toBe(
      `Thank you. Your report was received. Receipt: ${unknown.receipt}. Send STATUS ${unknown.receipt} to follow it. ` +
        'We did not find the place "Zzyzxville" on our map; it stays in your report as written. Next time name the nearest town or district in Latin letters, e.g. @Gao.',
    );
    // A gateway's retry gets the same answer.
    expect((await send("gw-place-1", "ATTACK shots fired at the wells @Zzyzxville")).reply).toBe(
      unknown.reply,
    );
    const stored = (await queue("&channel=sms")).reports.find((r) => r.description.includes("shots fired"));
    expect(stored).toMatchObject({ locationSource: "none", iso3: null });
    // Arabic script names no town in the gazetteer: the answer, in Arabic, asks for Latin letters.
    const arabic = await send("gw-place-2", "هجوم على البئر @تلعفر");
    expect(arabic.reply).toContain("لم نجد المكان «تلعفر» على خريطتنا");
    expect(arabic.reply).toContain("بحروف لاتينية");
    const french = await send("gw-place-3", "ATTAQUE au puits @Zzyzxville");
    expect(french.reply).toContain("Nous n'avons pas trouvé le lieu « Zzyzxville »");
    // A place the gazetteer knows, or none at all, needs no advice.
    expect((await send("gw-place-4", "ATTACK shots fired near the school @Bria")).reply).not.toContain(
      "place",
    );
    expect((await send("gw-place-5", "ATTACK shots fired near the market")).reply).not.toContain("place");
  });

  it("answers a NUL character in a message its route parses itself as the request's fault", async () => {
    const response = await signedSms(app, { id: "gw-nul\u0000", from: SMS_PHONE, text: "ATTACK at Bria" });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
    // Fields named as the gateway's body names them; an unknown one is refused like anywhere else.
    const unknown = await signedSms(app, { id: "gw-x", from: SMS_PHONE, text: "ATTACK at Bria", extra: 1 });
    expect(unknown.json().error.details).toEqual([
      { field: "body.extra", message: "not a field of this request" },
    ]);
    // What the reporter wrote cannot be stored: the reporter is answered, with how to report, and nothing is stored.
    const stored = (await queue("&channel=sms")).total;
    const control = await signedSms(app, { id: "gw-c", from: SMS_PHONE, text: "ATTACK \u0007 at Bria" });
    expect(control.statusCode).toBe(200);
    expect(control.json()).toMatchObject({ receipt: null });
    expect(control.json().reply).toMatch(/^We could not store this message as a report\. Send what happened/);
    expect((await queue("&channel=sms")).total).toBe(stored);
  });

  it("refuses forged, stale and unsigned SMS", async () => {
    const message = { id: "gw-forged", from: SMS_PHONE, text: "ATTACK forged" };
    const stored = (await queue("&channel=sms")).total;
    expect((await signedSms(app, message, "wrong-secret")).statusCode).toBe(401);
    expect((await signedSms(app, message, undefined, new Date(Date.now() - 3600_000))).statusCode).toBe(401);
    const unsigned = await app.inject({ method: "POST", url: "/api/public/sms", payload: message });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.code).toBe("unauthenticated");
    expect((await queue("&channel=sms")).total).toBe(stored);
  });

  it("imports a KoboToolbox export (CSV, then JSON) through a mapping drafted from the bundled XLSForm", async () => {
    const mapping = draftMapping(
      admin,
      {
        survey: read("data/bundled/voices/kobo_reach_irq_water_survey_xlsform_survey.csv"),
        choices: read("data/bundled/voices/kobo_reach_irq_water_survey_xlsform_choices.csv"),
      },
      { iso3: "IRQ", category: "services" },
    );
    // The same draft over HTTP, for an administrator while the server holds the database.
    const drafted = await staff.request("POST", "/api/voices/forms/draft", {
      survey: read("data/bundled/voices/kobo_reach_irq_water_survey_xlsform_survey.csv"),
      choices: read("data/bundled/voices/kobo_reach_irq_water_survey_xlsform_choices.csv"),
      iso3: "IRQ",
      category: "services",
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    expect(drafted.json()).toEqual(mapping);
    const notASurvey = await staff.request("POST", "/api/voices/forms/draft", {
      survey: read("docs/examples/voices/reach-irq-water-submissions.csv"),
      choices: "",
    });
    expect(notASurvey.statusCode).toBe(400);
    expect(notASurvey.json().error.details).toEqual([
      { field: "body.survey", message: "no type and name columns" },
    ]);
    const saved = await staff.request("PUT", "/api/voices/forms/reach_irq_water", {
      title: "REACH Iraq water survey",
      kind: "kobo",
      mapping,
    });
    expect(saved.statusCode).toBe(200);
    const csv = read("docs/examples/voices/reach-irq-water-submissions.csv");
    const first = await staff.request("POST", "/api/voices/forms/reach_irq_water/submissions", {
      format: "csv",
      content: csv,
    });
    expect(first.json()).toEqual({ rows: 3, created: 3, alreadyStored: 0, skipped: [] });
    const again = await staff.request("POST", "/api/voices/forms/reach_irq_water/submissions", {
      format: "csv",
      content: csv,
    });
    expect(again.json()).toMatchObject({ created: 0, alreadyStored: 3 });
    const json = read("docs/examples/voices/reach-irq-water-submissions.json");
    const fromJson = await staff.request("POST", "/api/voices/forms/reach_irq_water/submissions", {
      format: "json",
      content: json,
    });
    expect(fromJson.json()).toMatchObject({ rows: 2, created: 0, alreadyStored: 2 });
    const kobo = (await queue("&channel=kobo")).reports;
    expect(kobo).toHaveLength(3);
    expect(kobo.every((r) => r.iso3 === "IRQ" && r.locationSource === "coordinates")).toBe(true);
    // Each text opens on the same question; the summary a list shows leads with what this household answered.
    const pumping = kobo.find((r) => r.summary?.startsWith("Water reaches our street"));
    expect(pumping?.summary).toBe(
      "Water reaches our street two hours a week since the pumping station was damaged; families buy from trucks. · Complaints are not answered and people say the con…",
    );
    expect(pumping?.description).toMatch(/^Why is the level of service worse .*\?: Water reaches our street/);
    expect(new Set(kobo.map((r) => r.summary)).size).toBe(3);
    // Redacting the text drops the summary that quotes it.
    const redacted = await staff.request("POST", `/api/voices/reports/${pumping?.id}/redact`, {
      description: "A household reports water cut for days.",
    });
    expect(redacted.statusCode).toBe(200);
    expect(redacted.json()).toMatchObject({ summary: null, redacted: true });
    // Its reporters hold no receipt code: a reply would be recorded as answered and reach no one.
    const reply = await staff.request("POST", `/api/voices/reports/${kobo[0]?.id}/replies`, {
      body: "Thank you.",
    });
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.details).toEqual([
      { field: "channel", message: "no way back to a kobo reporter" },
    ]);
  });

  it("tells apart same-day submissions of one form by their answers, not their shared questions", async () => {
    const question = (topic: string) =>
      `Over the last thirty days, how would you describe the ${topic} situation for your household and neighbours?`;
    const saved = await staff.request("PUT", "/api/voices/forms/market_watch", {
      title: "Market watch",
      kind: "kobo",
      mapping: {
        date: "today",
        description: ["food", "fuel"],
        questions: { food: question("food"), fuel: question("fuel") },
        geopoint: "gps",
        country: { iso3: "IRQ" },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const content = [
      "_uuid,today,food,fuel,gps",
      "mw-1,2026-11-05,Bread doubled in price,No diesel,36.3712 42.4497",
      "mw-2,2026-11-05,Flour stolen at checkpoint,Generators idle,36.3715 42.4499",
    ].join("\n");
    const imported = await staff.request("POST", "/api/voices/forms/market_watch/submissions", {
      format: "csv",
      content,
    });
    expect(imported.json()).toMatchObject({ created: 2 });
    const reports = (await queue("&channel=kobo")).reports.filter((r) => r.summary?.match(/Bread|Flour/));
    expect(reports).toHaveLength(2);
    expect(reports.map((r) => r.possibleDuplicateOf)).toEqual([null, null]);
  });

  it("imports an Ushahidi export", async () => {
    const response = await staff.request("POST", "/api/voices/imports/ushahidi", {
      content: read("docs/examples/voices/ushahidi-export.csv"),
    });
    expect(response.json()).toMatchObject({ rows: 3, created: 3 });
    const [logged] = (
      await staff.request("GET", "/api/audit-log?action=voices.import&entityType=voices_imports")
    ).json();
    expect(logged).toMatchObject({ entityId: "ushahidi", withheld: false, after: { created: 3 } });
    // A stored incident is checked again: a file that is no longer valid is not reported as fine.
    const edited = await staff.request("POST", "/api/voices/imports/ushahidi", {
      content: read("docs/examples/voices/ushahidi-export.csv").replace(",6.4926,", ",999,"),
    });
    expect(edited.statusCode, edited.body).toBe(400);
    expect(edited.json().error.details).toEqual([expect.objectContaining({ field: "line 3" })]);
    const notUshahidi = await staff.request("POST", "/api/voices/imports/ushahidi", {
      content: "a,b\n1,2\n",
    });
    expect(notUshahidi.statusCode).toBe(400);
  });

  it("stores another organisation's import of the same incident numbers as its own reports", async () => {
    const content = read("docs/examples/voices/ushahidi-export.csv");
    const importer = async () => {
      const user = await buildUser(handle.db, (await buildOrganisation(handle.db)).id, "administrator");
      const session = await signIn(app, user.email, user.password);
      return () => session.request("POST", "/api/voices/imports/ushahidi", { content });
    };
    const [first, second] = [await importer(), await importer()];
    expect((await first()).json()).toMatchObject({ rows: 3, created: 3, alreadyStored: 0 });
    expect((await second()).json()).toMatchObject({ rows: 3, created: 3, alreadyStored: 0 });
    expect((await second()).json()).toMatchObject({ created: 0, alreadyStored: 3 });
  });

  it("puts form, SMS and Kobo reports in one triage queue", async () => {
    const { reports } = await queue();
    const channels = new Set(reports.map((r) => r.channel));
    for (const channel of ["web", "api", "sms", "kobo", "ushahidi"]) expect(channels).toContain(channel);
    // A reporter's own words lead their text: only imported forms need a summary for the list.
    const summarised = new Set(reports.filter((r) => r.summary !== null).map((r) => r.channel));
    expect([...summarised]).toEqual(["kobo"]);
  });

  it("marks a duplicate only of an original: not of itself, nor of a report that is itself a duplicate", async () => {
    const [a, b] = (await queue("&channel=ushahidi")).reports;
    const mark = (id: string | undefined, duplicateOf: string | undefined) =>
      staff.request("PATCH", `/api/voices/reports/${id}`, { status: "duplicate", duplicateOf });
    expect((await mark(a?.id, a?.id)).json().error.details).toEqual([
      { field: "body.duplicateOf", message: "the report itself" },
    ]);
    expect((await mark(a?.id, b?.id)).statusCode).toBe(200);
    const back = await mark(b?.id, a?.id);
    expect(back.statusCode).toBe(400);
    expect(back.json().error.details).toEqual([
      { field: "body.duplicateOf", message: `a duplicate of ${b?.id}` },
    ]);
    expect((await staff.request("PATCH", `/api/voices/reports/${a?.id}`, { status: "new" })).statusCode).toBe(
      200,
    );
  });

  it("triages, and replies through the report's channel: receipt page for web, gateway outbox for SMS", async () => {
    const webId = await idOf("web", "marché central de Bambari");
    const triaged = await staff.request("PATCH", `/api/voices/reports/${webId}`, {
      status: "verified",
      assignedTo: admin.userId,
      note: "Confirmed by our field monitor.",
    });
    expect(triaged.statusCode).toBe(200);
    expect(triaged.json()).toMatchObject({ status: "verified", assignedTo: admin.userId, factors: [1, 13] });
    expect(triaged.json().notes).toHaveLength(1);
    const reply = await staff.request("POST", `/api/voices/reports/${webId}/replies`, {
      body: "Merci, nous suivons la situation.",
    });
    expect(reply.json()).toMatchObject({ channel: "receipt", delivery: "shown" });
    const seen = await app.inject({ method: "GET", url: `/api/public/reports/${webReceipt}` });
    expect(seen.json()).toMatchObject({ status: "verified", reply: "Merci, nous suivons la situation." });
    expect(JSON.stringify(seen.json())).not.toMatch(/Testreporter|assigned|note/i);

    const smsId = await idOf("sms", "looted the clinic");
    const smsReply = await staff.request("POST", `/api/voices/reports/${smsId}/replies`, {
      body: "Thank you, we are checking.",
    });
    expect(smsReply.json()).toMatchObject({ channel: "sms", delivery: "queued" });
    const outbox = await signedGatewayCall(app, "GET", "/api/public/sms/outbox");
    expect(outbox.json()).toEqual([
      { id: smsReply.json().id, to: SMS_PHONE, text: "Thank you, we are checking." },
    ]);
    expect((await app.inject({ method: "GET", url: "/api/public/sms/outbox" })).statusCode).toBe(401);
    // Asked for by STATUS, the reply is read out in the answer, and the outbox no longer holds it to send again.
    const asked = await signedSms(app, {
      id: "gw-status-reply",
      from: SMS_PHONE,
      text: `STATUS ${smsReceipt}`,
    });
    expect(asked.json().reply).toContain("Thank you, we are checking.");
    expect((await signedGatewayCall(app, "GET", "/api/public/sms/outbox")).json()).toEqual([]);
    // A signature is good for its own call only: a captured confirmation neither reads the outbox nor
    // confirms another message.
    const sent = `/api/public/sms/outbox/${smsReply.json().id}/sent`;
    const elsewhere = `/api/public/sms/outbox/${randomUUID()}/sent`;
    expect(
      (await signedGatewayCall(app, "GET", "/api/public/sms/outbox", { method: "POST", path: sent }))
        .statusCode,
    ).toBe(401);
    expect((await signedGatewayCall(app, "POST", sent, { method: "POST", path: elsewhere })).statusCode).toBe(
      401,
    );
    expect((await signedGatewayCall(app, "POST", sent)).statusCode).toBe(204);
    expect((await signedGatewayCall(app, "GET", "/api/public/sms/outbox")).json()).toEqual([]);
  });

  it("assigns a report to a colleague who triages, and lists no one to another organisation", async () => {
    const [report] = (await queue("&status=new")).reports;
    const colleagues = (await staff.request("GET", `/api/voices/reports/${report?.id}/assignees`)).json();
    expect(colleagues.map((c: { userId: string }) => c.userId)).toEqual(
      expect.arrayContaining([analyst.userId, restrictedDesk.userId]),
    );
    const assigned = await staff.request("PATCH", `/api/voices/reports/${report?.id}`, {
      assignedTo: restrictedDesk.userId,
    });
    expect(assigned.json().assignedTo).toBe(restrictedDesk.userId);
    // Not to a colleague whose role does not triage, nor above the triager's own clearance.
    const viewer = await buildUser(handle.db, admin.orgId, "viewer", "confidential");
    const toViewer = await staff.request("PATCH", `/api/voices/reports/${report?.id}`, {
      assignedTo: viewer.userId,
    });
    expect(toViewer.statusCode).toBe(400);
    expect(toViewer.json().error.details[0].field).toBe("body.assignedTo");
    const desk = await signIn(app, restrictedDesk.email, restrictedDesk.password);
    const raised = await desk.request("PATCH", `/api/voices/reports/${report?.id}`, {
      clearance: "confidential",
    });
    expect(raised.statusCode).toBe(400);
    expect(raised.json().error.details[0].field).toBe("body.clearance");
    const other = await signIn(app, outsider.email, outsider.password);
    expect([403, 404]).toContain(
      (await other.request("GET", `/api/voices/reports/${report?.id}/assignees`)).statusCode,
    );
  });

  it("reveals the reporter only to cleared staff of the receiving organisation, and logs each reveal", async () => {
    const id = await idOf("api", "villages east of Bambari");
    const revealed = await staff.request("POST", `/api/voices/reports/${id}/reveal`, {
      reason: "Call back to confirm",
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json().contact).toEqual(REPORTER);
    const logged = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'voices.reveal' AND entity_id = ${id}`.execute(
      handle.db,
    );
    expect(logged.rows[0]?.n).toBe(1);

    const asAnalyst = await signIn(app, analyst.email, analyst.password);
    expect(
      (await asAnalyst.request("POST", `/api/voices/reports/${id}/reveal`, { reason: "curious" })).statusCode,
    ).toBe(403);
    const asRestricted = await signIn(app, restrictedDesk.email, restrictedDesk.password);
    expect(
      (await asRestricted.request("POST", `/api/voices/reports/${id}/reveal`, { reason: "curious" }))
        .statusCode,
    ).toBe(403);
    const asOutsider = await signIn(app, outsider.email, outsider.password);
    expect(
      (await asOutsider.request("POST", `/api/voices/reports/${id}/reveal`, { reason: "curious" }))
        .statusCode,
    ).toBe(404);
    expect((await asOutsider.request("GET", `/api/voices/reports/${id}`)).statusCode).toBe(404);
    expect((await asOutsider.request("GET", "/api/voices/reports")).json().total).toBe(0);
    // The refused attempts, by colleagues and by another organisation's person, are in the receiving
    // organisation's log, with who tried and why they were refused.
    const refused = await sql<{ actor: string; refusal: string; orgId: string }>`
      SELECT actor, after->>'refusal' AS refusal, org_id AS "orgId" FROM audit_log
      WHERE action = 'voices.reveal_refused' AND entity_id = ${id} ORDER BY id`.execute(handle.db);
    expect(refused.rows.map((r) => r.actor)).toEqual([analyst.email, restrictedDesk.email, outsider.email]);
    expect(refused.rows[1]?.refusal).toMatch(/confidential clearance/);
    expect(refused.rows[2]?.refusal).toBe("the report is hidden from them");
    expect(new Set(refused.rows.map((r) => r.orgId))).toEqual(new Set([analyst.orgId]));
  });

  it("shows other organisations a shared report coarsened to its PRIO-GRID cell", async () => {
    const id = await idOf("ushahidi", "Gunfire for an hour");
    const shared = await staff.request("PUT", `/api/voices/reports/${id}/shares`, {
      orgIds: [outsider.orgId],
    });
    expect(shared.statusCode).toBe(200);
    const own = (await staff.request("GET", `/api/voices/reports/${id}`)).json();
    const asOutsider = await signIn(app, outsider.email, outsider.password);
    const theirs = (await asOutsider.request("GET", `/api/voices/reports/${id}`)).json();
    expect(own).toMatchObject({
      latitude: 4.3735,
      longitude: 18.5623,
      coarsened: false,
      place: "Bangui, PK5",
    });
    expect(theirs).toMatchObject({
      latitude: 4.25,
      longitude: 18.75,
      coarsened: true,
      place: null,
      assignedTo: null,
    });
    expect(theirs.notes).toEqual([]);
  });

  it("keeps the reporter's name and phone out of every text and JSON column of every table", async () => {
    const columns = await sql<{ table_name: string; column_name: string }>`
      SELECT c.table_name, c.column_name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`.execute(
      handle.db,
    );
    expect(columns.rows.length).toBeGreaterThan(50);
    const needles = [
      "Testreporter",
      "7200 0111",
      "72000111",
      "amina.reporter",
      SMS_PHONE,
      SMS_PHONE.slice(1),
      "07700000101",
    ];
    const hits: string[] = [];
    for (const { table_name, column_name } of columns.rows) {
      for (const needle of needles) {
        const found = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)} WHERE ${sql.ref(column_name)}::text LIKE ${`%${needle}%`}`.execute(
          handle.db,
        );
        if ((found.rows[0]?.n ?? 0) > 0) hits.push(`${table_name}.${column_name} contains ${needle}`);
      }
    }
    expect(hits).toEqual([]);
    // …and yet they are there, sealed: the cleared reveal above returned them.
  });

  it("refuses malformed submissions with clear errors and stores nothing of them", async () => {
    const before = await reportCount();
    const post = (payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method: "POST",
        url: "/api/public/reports",
        headers: { "content-type": "application/json", ...headers },
        payload: payload as string,
      });
    const valid = { category: "other", description: "A valid report", date: "2026-11-01" };
    const oversized = await post(JSON.stringify({ ...valid, description: "x".repeat(5001) }));
    expect(oversized.statusCode).toBe(400);
    expect(oversized.json().error.details).toEqual([expect.objectContaining({ field: "body.description" })]);
    const atSea = await post(JSON.stringify({ ...valid, latitude: 0.5, longitude: -30 }));
    expect(atSea.statusCode).toBe(400);
    // Named as when the point lies in another country than the one given: latitude and longitude together.
    expect(atSea.json().error.details).toEqual([
      {
        field: "coordinates",
        message: "the point lies outside any country (at sea?): correct it, or leave the coordinates out",
      },
    ]);
    const coords = await post(JSON.stringify({ ...valid, latitude: 95, longitude: 200 }));
    expect(
      coords
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(["body.latitude", "body.longitude"]);
    const missing = await post(JSON.stringify({ description: "no category or date" }));
    expect(
      missing
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(["body.category", "body.date"]);
    const broken = Buffer.concat([
      Buffer.from('{"category":"other","date":"2026-11-01","description":"bad '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' bytes"}'),
    ]);
    const encoding = await app.inject({
      method: "POST",
      url: "/api/public/reports",
      headers: { "content-type": "application/json" },
      payload: broken,
    });
    expect(encoding.statusCode).toBe(400);
    expect(encoding.json().error.details[0].message).toContain("UTF-8");
    expect((await post("{not json")).statusCode).toBe(400);
    const huge = await post(JSON.stringify({ ...valid, description: "y".repeat(70_000) }));
    expect(huge.statusCode).toBe(413);
    const unknownCategory = await post(JSON.stringify({ ...valid, category: "gossip" }));
    expect(unknownCategory.json().error.details).toEqual([
      expect.objectContaining({ field: "body.category" }),
    ]);
    const future = await post(JSON.stringify({ ...valid, date: "2999-01-01" }));
    expect(future.statusCode).toBe(400);
    // Nigeria chosen, the point in Côte d'Ivoire: refused, naming the point.
    const elsewhere = await post(JSON.stringify({ ...valid, iso3: "NGA", latitude: 9, longitude: -5 }));
    expect(elsewhere.json().error.details).toEqual([
      expect.objectContaining({
        field: "coordinates",
        message: expect.stringMatching(/\(CIV\), not in NGA$/),
      }),
    ]);
    const ancient = await post(JSON.stringify({ ...valid, date: "1900-01-01" }));
    expect(ancient.json().error.details).toEqual([
      expect.objectContaining({ field: "body.date", message: "the date is more than ten years ago" }),
    ]);
    const badRows = `${read("docs/examples/voices/reach-irq-water-submissions.csv").trimEnd()}\n,,2026-99-01,,,al_askary1,yes,,text,,,no,,,,,,,90000009,5b1f7a52-1c0e-4f0e-9a51-0a2f3c9e0009,\n`;
    const importBad = await staff.request("POST", "/api/voices/forms/reach_irq_water/submissions", {
      format: "csv",
      content: badRows,
    });
    expect(importBad.statusCode).toBe(400);
    expect(importBad.json().error.details[0].field).toBe("line 5");
    const example = read("docs/examples/voices/reach-irq-water-submissions.csv");
    const importKobo = (content: string) =>
      staff.request("POST", "/api/voices/forms/reach_irq_water/submissions", { format: "csv", content });
    // A geopoint that is no point is an error on its line, not a report silently without a place.
    const noPoint = await importKobo(
      example.replace("36.3712 42.4497 291.0 4.5,36.3712,42.4497", "abc 999 0 5,,"),
    );
    expect(noPoint.json().error.details).toEqual([
      { field: "line 2", message: 'gpslocation: "abc 999 0 5" is not a point ("latitude longitude")' },
    ]);
    // A mapped column missing from the export is one error naming it, not the same error on every line.
    const renamed = await importKobo(example.replace("date_assessment", "date_of_visit"));
    expect(renamed.json().error.details).toEqual([
      { field: "date_assessment", message: "missing column (the date)" },
    ]);
    // Without any of the columns a place comes from, every report would lose its place: refused, naming them.
    const [header = "", ...lines] = example.split("\n");
    const placeless = await importKobo(
      [header.replaceAll("gpslocation", "gps_x").replace("neighbourhood", "area_x"), ...lines].join("\n"),
    );
    expect(placeless.json().error.details).toEqual([
      expect.objectContaining({ message: "missing column (the location)" }),
    ]);
    expect(await reportCount()).toBe(before);
  });

  it("limits public requests per address with 429 and Retry-After (limits from configuration)", async () => {
    const limited = await voicesApp(handle, orgSlug, {
      CONTINUUM_VOICES_RATE_ADDRESS: "2",
      CONTINUUM_VOICES_KEY: key,
    });
    try {
      const submit = () =>
        limited.app.inject({
          method: "POST",
          url: "/api/public/reports",
          remoteAddress: "203.0.113.9",
          payload: { category: "other", description: "Rate limit probe", date: "2026-11-01" },
        });
      expect((await submit()).statusCode).toBe(201);
      expect((await submit()).statusCode).toBe(201);
      const third = await submit();
      expect(third.statusCode).toBe(429);
      expect(Number(third.headers["retry-after"])).toBeGreaterThan(0);
      const otherAddress = await limited.app.inject({
        method: "POST",
        url: "/api/public/reports",
        remoteAddress: "203.0.113.10",
        payload: { category: "other", description: "Another address", date: "2026-11-01" },
      });
      expect(otherAddress.statusCode).toBe(201);
      // Over the limit, the form comes back with what the reporter typed and the reason.
      const typed = {
        lang: "en",
        category: "other",
        description: "Words kept over the limit",
        date: "2026-11-01",
      };
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push(await postReportForm(limited.app, typed));
      expect(statuses.map((r) => r.statusCode)).toEqual([303, 303, 429]);
      expect(statuses[2]?.body).toContain("Words kept over the limit");
    } finally {
      await limited.app.close();
    }
  });

  it("aggregates verified reports into country- and grid-months, withholding counts under k", async () => {
    const one = (await staff.request("GET", "/api/voices/signals?iso3=CAF")).json();
    expect(one.minCellCount).toBe(5);
    expect(one.countryMonths).toEqual([
      { iso3: "CAF", month: "2026-11-01", category: "armed_violence", count: null, suppressed: true },
    ]);
    // A cell with fewer than k reports is not listed at all: its place alone would point at the reporter.
    expect(one.gridMonths).toEqual([]);
    for (let i = 0; i < 5; i += 1) {
      const created = await app.inject({
        method: "POST",
        url: "/api/public/reports",
        payload: {
          category: "armed_violence",
          description: `Distinct clash number ${i} ${"abcdefghij"[i]} reported`,
          place: "Bangui",
          date: `2026-11-0${i + 1}`,
        },
      });
      expect(created.statusCode).toBe(201);
    }
    const clashes = (await queue("&status=new&iso3=CAF")).reports.filter((r) =>
      r.description.startsWith("Distinct clash"),
    );
    expect(clashes).toHaveLength(5);
    let surge: { surge: boolean; count: number; alert: string; alertError?: string } | undefined;
    const alertsSeen: string[] = [];
    for (const report of clashes) {
      const verified = await staff.request("PATCH", `/api/voices/reports/${report.id}`, {
        status: "verified",
      });
      expect(verified.statusCode).toBe(200);
      surge = verified.json().surge;
      alertsSeen.push(surge?.alert ?? "");
    }
    // Six verified reports in a month against a quiet baseline: the surge rule fires. The baseline rests on
    // fewer than k reports, so it (and the ratio, which would give it away) is withheld.
    expect(surge).toMatchObject({ surge: true, count: 6, baseline: null, ratio: null });
    const april = await staff.request("POST", "/api/voices/surge", { iso3: "CAF", month: "2026-04" });
    // The severity steps with the withheld ratio, so it is withheld with it.
    expect(april.json()).toMatchObject({ surge: false, count: null, severity: null });
    for (const [body, field] of [
      [{ iso3: "XXX", month: "2026-04" }, "body.iso3"],
      [{ iso3: "CAF", month: "2019-13" }, "body.month"],
      [{ iso3: "CAF", month: "9999-12" }, "body.month"],
    ] as const) {
      const refused = await staff.request("POST", "/api/voices/surge", body);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error.details).toEqual([expect.objectContaining({ field })]);
    }
    // The surge that raised the alert says so; later verifications in the month merge into it.
    expect(alertsSeen.filter((alert) => alert === "raised")).toHaveLength(1);
    expect(surge?.alert).toBe("merged");
    const alerts = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM alerts WHERE iso3 = 'CAF' AND cause = 'voices_surge:2026-11'`.execute(
      handle.db,
    );
    expect(alerts.rows[0]?.n).toBe(1);
    const message = await sql<{
      message: unknown;
    }>`SELECT message FROM alerts WHERE iso3 = 'CAF' AND cause = 'voices_surge:2026-11'`.execute(handle.db);
    // The alert is every organisation's to read: a baseline of a few reports stays out of it.
    expect(message.rows[0]?.message).toMatchObject({
      key: "voices_surge",
      month: "2026-11",
      ratio: null,
      baseline: null,
    });
    // Every organisation reads the surge alert: it names no triager, and a verification that leaves its severity
    // as it was adds no dated event from which one report's verification could be told.
    const events = await sql<{ kind: string; actor: string }>`
      SELECT e.kind, e.actor FROM alert_events e JOIN alerts a ON a.id = e.alert_id
      WHERE a.iso3 = 'CAF' AND a.cause = 'voices_surge:2026-11' ORDER BY e.at`.execute(handle.db);
    expect(events.rows).toEqual([{ kind: "raised", actor: "system: voices surge" }]);
    const six = (await staff.request("GET", "/api/voices/signals?iso3=CAF")).json();
    expect(six.countryMonths).toEqual([
      { iso3: "CAF", month: "2026-11-01", category: "armed_violence", count: 6, suppressed: false },
    ]);
    const csv = (await staff.request("GET", "/api/voices/signals.csv?iso3=CAF")).body;
    expect(csv.split("\n")[0]).toBe("priogrid_gid,latitude,longitude,iso3,month,category,count,suppressed");
    // One report of another kind in the same cell: the export leaves out the cell's categories together, or its
    // total in the signals less the six shown would give the one away.
    const other = await app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: {
        category: "attack_on_civilians",
        description: "Houses burnt at night",
        place: "Bangui",
        date: "2026-11-07",
      },
    });
    expect(other.statusCode).toBe(201);
    const burnt = (await queue("&status=new&iso3=CAF")).reports.find(
      (r) => r.description === "Houses burnt at night",
    );
    expect(
      (await staff.request("PATCH", `/api/voices/reports/${burnt?.id}`, { status: "verified" })).statusCode,
    ).toBe(200);
    const [cell] = (await staff.request("GET", "/api/voices/signals?iso3=CAF")).json().gridMonths;
    expect(cell.priogridGid).toBe(burnt?.priogridGid);
    const inCell = (text: string) => text.split("\n").filter((row) => row.startsWith(`${cell.priogridGid},`));
    expect(inCell(csv)).toHaveLength(1);
    expect(inCell((await staff.request("GET", "/api/voices/signals.csv?iso3=CAF")).body)).toEqual([]);
  });

  it("re-wraps every data key on rotation; the old master key alone then opens nothing", async () => {
    const ctx = contextFor(handle.db, admin);
    const next = generateMasterKey();
    const config = loadConfig({}, {});
    const result = await rotateMasterKey(ctx, {
      ...config,
      voices: { ...config.voices, key: next, previousKeys: [key] },
    });
    expect(result.rewrapped).toBe(await reportCount());
    const id = await idOf("api", "villages east of Bambari");
    const revealed = await revealReport(
      ctx,
      { keyring: makeKeyring(next), settings: loadConfig({}, {}).voices },
      id,
      "after rotation",
    );
    expect(revealed.contact.phone).toBe(REPORTER.phone);
    const sealed = await findSealed(handle.db, id);
    if (!sealed) throw new Error("report vanished");
    expect(() => unseal(makeKeyring(key), id, sealed)).toThrow(/not configured/);
  });

  it("imports the bundled incident feed, whose events lie years back, through its saved mapping", async () => {
    const form = JSON.parse(read("data/bundled/voices/awsd-form.json"));
    expect((await staff.request("PUT", "/api/voices/forms/awsd", form)).statusCode).toBe(200);
    const imported = await staff.request("POST", "/api/voices/forms/awsd/submissions", {
      format: "csv",
      content: read("data/bundled/voices/awsd_aid_worker_security_incidents_2015_2019.csv"),
      skipInvalid: true,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    // Incidents of 2015–2019 are history for the web form, not for an import; a point across a border is refused.
    const result = imported.json();
    expect(result).toMatchObject({ rows: 979, created: 965, alreadyStored: 0 });
    expect(result.skipped).toHaveLength(14);
    expect(result.skipped[0]).toEqual({
      row: 4,
      problems: ["coordinates: the point lies in Sudan (SDN), not in SSD"],
    });
    for (const skipped of result.skipped) expect(skipped.problems.join()).toMatch(/^coordinates: /);
  });

  it("pages through the queue with limit and offset, each page saying the total", async () => {
    type Page = { reports: { id: string }[]; total: number };
    const page = async (query: string) =>
      (await staff.request("GET", `/api/voices/reports?${query}`)).json<Page>();
    const all = await page("limit=1000");
    expect(all.total).toBeGreaterThan(100);
    const [first, second] = [await page("limit=50"), await page("limit=50&offset=50")];
    expect([first.total, second.total]).toEqual([all.total, all.total]);
    // Newest first, then by id: the pages follow each other without a gap or a report twice.
    expect([...first.reports, ...second.reports].map((r) => r.id)).toEqual(
      all.reports.slice(0, 100).map((r) => r.id),
    );
    const past = await page(`limit=50&offset=${all.total}`);
    expect(past).toEqual({ reports: [], total: all.total });
    // Without paging, a client gets the first 200 as before.
    expect((await page("")).reports).toHaveLength(Math.min(200, all.total));
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=1001", "limit"],
      ["offset=-1", "offset"],
      ["offset=ten", "offset"],
    ] as const) {
      const refused = await staff.request("GET", `/api/voices/reports?${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().error.details[0].field, query).toBe(`querystring.${field}`);
    }
  });
});
