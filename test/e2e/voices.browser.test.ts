import { mkdirSync, readFileSync } from "node:fs";
import { sql } from "kysely";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { accessibilityViolations } from "../support/accessibility.ts";
import { signIn } from "../support/api.ts";
import { launchBrowser, listenOnLoopback, signInOnPage } from "../support/browser.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, type TestUser } from "../support/factories.ts";
import { voicesApp } from "../voices/support.ts";

let handle: DatabaseHandle;
let app: App;
let url: string;
let browser: Browser;
let staff: TestUser;
let receipt = "";
const shots = "test-results/screenshots";

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  handle = await createTestDatabase({ withBundledData: true });
  const org = await buildOrganisation(handle.db, "civil_society");
  staff = await buildUser(handle.db, org.id, "field_monitor", "confidential");
  ({ app } = await voicesApp(handle, org.slug));
  url = await listenOnLoopback(app);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await handle?.close();
});

/** Staff signed in, on the Reports page. */
const staffOnReports = async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await signInOnPage(page, staff);
  await page.getByRole("navigation").getByRole("link", { name: "Reports" }).click();
  return page;
};

describe("Voices in Chromium", () => {
  it("takes a report in Arabic, right to left, with JavaScript off, and shows its receipt", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 420, height: 900 },
    });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    await page.goto(`${url}/report?lang=ar`);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("أبلغ عمّا يحدث");
    // Right to left is rendered, not only declared: labels start at the right edge.
    const label = await page.locator('label[for="description"]').boundingBox();
    expect((label?.x ?? 0) + (label?.width ?? 0)).toBeGreaterThan(300);

    await page.getByLabel("ما نوع الحدث؟").selectOption("hate_speech");
    await page.getByLabel("ماذا حدث؟").fill("منشورات في السوق تطالب عائلات من حيّنا بالرحيل قبل نهاية الشهر.");
    await page.getByLabel("اسم المكان").fill("Aleppo");
    await page.getByLabel("البلد").selectOption("SYR");
    await page.getByLabel("متى حدث ذلك؟").fill("2026-11-18");
    await page.getByLabel("الهاتف").fill("+963 944 000 222");
    await page.screenshot({ path: `${shots}/voices-form-ar.png`, fullPage: true });
    await page.getByRole("button", { name: "أرسل البلاغ" }).click();

    await page.waitForURL(/\/report\/receipt\?lang=ar$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("تم استلام بلاغك");
    const code = (await page.locator("#receipt-code").textContent()) ?? "";
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    receipt = code;
    expect(await page.locator("#receipt-status").getAttribute("data-status")).toBe("new");
    await page.screenshot({ path: `${shots}/voices-receipt-ar.png`, fullPage: true });
    expect(scripts).toEqual([]);

    // Following the report later: type the code on the status page.
    await page.goto(`${url}/report/status?lang=ar`);
    await page.getByLabel("رمز الإيصال").fill(code.toLowerCase());
    await page.getByRole("button", { name: "اعرض الحالة" }).click();
    expect(await page.locator("#receipt-code").textContent()).toBe(code);
    await context.close();
  });

  it("offers the report form and the status page without accessibility faults, in each language", async () => {
    // The checker runs as a script: the pages are the same with JavaScript off, apart from the map's preview.
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const language of ["en", "fr", "ar"]) {
      for (const path of ["/report", "/report/status"]) {
        await page.goto(`${url}${path}?lang=${language}`);
        expect(await accessibilityViolations(page), `${path} ${language}`).toEqual([]);
      }
    }
    // A page sent back with errors says so in its title, takes the focus to what to correct, and links each
    // problem to its field.
    await page.goto(`${url}/report?lang=en`);
    await page.getByLabel("What kind of event?").selectOption("armed_violence");
    await page.getByLabel("What happened?").fill("Gunfire near the market since the morning.");
    await page.getByLabel("Latitude").fill("200");
    await page.getByLabel("Longitude").fill("20");
    await page.getByRole("button", { name: "Send report" }).click();
    await expect.poll(() => page.title()).toBe("Error: Report what is happening");
    const summary = page.getByRole("alert");
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await summary.getByRole("link", { name: /Latitude/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("latitude");
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it("sends the report on Enter in a field, and does not read a keyboard press on the map as a place", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${url}/report?lang=en`);
    await page.getByLabel("What kind of event?").selectOption("armed_violence");
    await page.getByLabel("What happened?").fill("Gunfire near the market since the morning.");
    await page.locator("input[name=map]").focus();
    await page.keyboard.press("Enter");
    await page.getByText("The map needs a mouse or a touch").waitFor();
    expect(await page.getByLabel("Latitude").inputValue()).toBe("");
    await page.getByLabel("Place name").fill("Mopti");
    await page.getByLabel("Place name").press("Enter");
    await page.waitForURL(/\/report\/receipt\?lang=en$/);
    await context.close();
  });

  it("picks coordinates on the map image without JavaScript", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 420, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${url}/report?lang=en`);
    // The map is for a pointer: it is left out of the tab order and of what a screen reader lists.
    const map = page.locator("input[name=map]");
    expect(await map.getAttribute("tabindex")).toBe("-1");
    await map.click({ position: { x: 200, y: 85 } });
    expect(await page.getByLabel("Latitude").inputValue()).toBe("5");
    expect(await page.getByLabel("Longitude").inputValue()).toBe("20");
    await map.click({ position: { x: 180, y: 90 } });
    expect(Number(await page.getByLabel("Latitude").inputValue())).toBeCloseTo(5, 0);
    expect(Number(await page.getByLabel("Longitude").inputValue())).toBeCloseTo(20, 0);
    await context.close();
  });

  it("never scales the report map on a narrow phone, so a click lands where it was made", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 340, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${url}/report?lang=fr`);
    const map = page.locator("input[name=map]");
    // 360 px of map and its two 1 px borders; a scaled map would be narrower than the 340 px screen.
    expect((await map.boundingBox())?.width).toBe(362);
    // The map's frame scrolls; the page itself does not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(340);
    await context.close();
    // On a 390 px phone the whole map shows, without scrolling its frame.
    const phone = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const form = await phone.newPage();
    await form.goto(`${url}/report?lang=ar`);
    const frame = await form.locator(".map-frame").evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(frame[0]).toBeLessThanOrEqual(frame[1] as number);
    await phone.close();
  });

  it("lets staff triage the report in the web app and reply; the reporter sees the reply", async () => {
    const page = await staffOnReports();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Community reports");
    // On a phone each report is a card: its channel (the last column) on screen, not off to the side.
    await page.setViewportSize({ width: 390, height: 844 });
    const channel = page.locator("table.triage-queue tbody tr").first().locator("td").last();
    const box = await channel.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${shots}/voices-queue-phone.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("link", { name: /منشورات في السوق/ }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Triage" }).isVisible()).toBe(true);
    // The tab is named after the report, without the clearance badge beside its heading.
    expect(await page.title()).toBe("Hate speech or incitement · Continuum");
    // The country is named, not given by its code.
    expect(await page.locator("dl.facts").textContent()).toMatch(/Aleppo.* · Syria/);
    await page.locator("select[name=status]").selectOption("verified");
    await page.getByLabel("Note (internal)").fill("Seen by our monitor.");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText("Seen by our monitor.").isVisible()).toBe(true);
    // The save is announced beside its form, for a screen reader too.
    expect(await page.getByRole("status").filter({ hasText: "Saved." }).count()).toBe(1);
    await page.getByLabel("Reply", { exact: true }).fill("شكراً، نحن نتابع الأمر.");
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => page.getByText("shown on the receipt page").isVisible()).toBe(true);
    await page.getByLabel("Reason").fill("Call back to confirm the location");
    await page.getByRole("button", { name: "Reveal" }).click();
    await expect.poll(() => page.getByText("+963 944 000 222").isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/voices-report.png`, fullPage: true });

    await page.getByRole("link", { name: /Community reports/ }).click();
    await page.getByRole("link", { name: "Map of reports" }).click();
    await expect.poll(() => page.getByRole("group", { name: "Map of reports" }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/voices-map.png` });

    const reporter = await browser.newContext({ javaScriptEnabled: false });
    const receiptPage = await reporter.newPage();
    await receiptPage.goto(`${url}/report/status?lang=ar`);
    await receiptPage.getByLabel("رمز الإيصال").fill(receipt);
    await receiptPage.getByRole("button", { name: "اعرض الحالة" }).click();
    expect(await receiptPage.locator("#receipt-status").getAttribute("data-status")).toBe("verified");
    expect(await receiptPage.locator(".replies").textContent()).toContain("شكراً، نحن نتابع الأمر.");
    // The reply's date reads year first, as everywhere else on the page, not turned around by the Arabic beside it.
    expect(await receiptPage.locator(".replies time").getAttribute("dir")).toBe("ltr");
    expect(await receiptPage.content()).not.toContain("Seen by our monitor.");
    await reporter.close();
  });

  it("offers an analyst triage but not the reply or the reveal the server would refuse", async () => {
    const analyst = await buildUser(handle.db, staff.orgId, "analyst", "confidential");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await signInOnPage(page, analyst);
    await page.getByRole("navigation").getByRole("link", { name: "Reports" }).click();
    await page.getByLabel("Status").selectOption("verified");
    await page.getByRole("link", { name: /منشورات في السوق/ }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Triage" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Send" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Reveal" }).count()).toBe(0);
    await page.close();
  });

  it("imports an Ushahidi export from the web, for monitors without a shell", async () => {
    const page = await staffOnReports();
    await page.getByRole("link", { name: "Import reports" }).click();
    await page.getByLabel("Source").selectOption("ushahidi");
    await page.getByLabel("File", { exact: true }).setInputFiles("docs/examples/voices/ushahidi-export.csv");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect
      .poll(() => page.getByText(/^Rows read: (\d+)\. Reports stored: \1; already stored: 0\.$/).isVisible())
      .toBe(true);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect
      .poll(() => page.getByText(/^Rows read: (\d+)\. Reports stored: 0; already stored: \1\.$/).isVisible())
      .toBe(true);
    await page.close();
  });

  it("lists imported Kobo submissions by their answers, and shows each question on the report", async () => {
    const admin = await buildUser(handle.db, staff.orgId, "administrator", "confidential");
    const api = await signIn(app, admin.email, admin.password);
    const read = (path: string) => readFileSync(path, "utf8");
    const draft = await api.request("POST", "/api/voices/forms/draft", {
      survey: read("data/bundled/voices/kobo_reach_irq_water_survey_xlsform_survey.csv"),
      choices: read("data/bundled/voices/kobo_reach_irq_water_survey_xlsform_choices.csv"),
      iso3: "IRQ",
      category: "services",
    });
    const form = { title: "REACH Iraq water survey", kind: "kobo", mapping: draft.json() };
    expect((await api.request("PUT", "/api/voices/forms/reach_irq_water", form)).statusCode).toBe(200);
    const imported = await api.request("POST", "/api/voices/forms/reach_irq_water/submissions", {
      format: "csv",
      content: read("docs/examples/voices/reach-irq-water-submissions.csv"),
    });
    expect(imported.json()).toMatchObject({ created: 3 });

    const page = await staffOnReports();
    await page.getByLabel("Channel").selectOption("kobo");
    const links = page.locator("table.triage-queue tbody tr td.card-title a");
    await expect.poll(() => links.count()).toBe(3);
    const titles = (await links.allTextContents()).map((title) => title.trim());
    expect(titles.toSorted()).toEqual([
      "No piped water for three weeks; armed men guard the tanker filling point and decide who…",
      "Service is the same as elsewhere, but the new pipes were only laid on the main road.",
      "Water reaches our street two hours a week since the pumping station was damaged;…",
    ]);
    await page.screenshot({ path: `${shots}/voices-kobo-queue.png` });
    await links.filter({ hasText: "No piped water" }).click();
    const text = page.locator("p.prose");
    await expect
      .poll(() => text.textContent())
      .toMatch(/^Why is the level of service worse .*\?: No piped water/);
    expect(await text.textContent()).toContain("Why not?: Afraid to complain.");
    await page.close();
  });

  it("pages the queue 50 reports at a time, and zooms the map to the country filtered on", async () => {
    // The bundled incident feed, imported by an administrator of the monitors' organisation: 155 in Syria.
    const admin = await buildUser(handle.db, staff.orgId, "administrator", "confidential");
    const api = await signIn(app, admin.email, admin.password);
    const read = (path: string) => readFileSync(path, "utf8");
    expect(
      (
        await api.request(
          "PUT",
          "/api/voices/forms/awsd",
          JSON.parse(read("data/bundled/voices/awsd-form.json")),
        )
      ).statusCode,
    ).toBe(200);
    const imported = await api.request("POST", "/api/voices/forms/awsd/submissions", {
      format: "csv",
      content: read("data/bundled/voices/awsd_aid_worker_security_incidents_2015_2019.csv"),
      skipInvalid: true,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const total = (await api.request("GET", "/api/voices/reports?iso3=SYR&limit=1")).json<{ total: number }>()
      .total;
    expect(total).toBeGreaterThan(150);

    const page = await staffOnReports();
    await page.getByLabel("Status").selectOption("");
    await page.getByLabel("Country (ISO3)").fill("SYR");
    const rows = page.locator("table.triage-queue tbody tr");
    await expect.poll(() => page.getByText(`1–50 of ${total} reports`).isVisible()).toBe(true);
    expect(await rows.count()).toBe(50);
    const firstOfPage1 = await rows.first().locator("a").textContent();
    const pages = page.getByRole("navigation", { name: "Pages of reports" });
    expect(await pages.textContent()).toContain(`Page 1 of ${Math.ceil(total / 50)}`);
    await pages.getByRole("button", { name: "Next page" }).click();
    await expect.poll(() => page.getByText(`51–100 of ${total} reports`).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
    expect(await rows.first().locator("a").textContent()).not.toBe(firstOfPage1);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The last page holds the rest; Next stays in place there, saying it is unavailable.
    const last = Math.ceil(total / 50);
    await page.goto(`${url}/reports?status=any&iso3=SYR&page=${last}`);
    await expect
      .poll(() => page.getByText(`${(last - 1) * 50 + 1}–${total} of ${total} reports`).isVisible())
      .toBe(true);
    expect(await rows.count()).toBe(total - (last - 1) * 50);
    expect(await pages.getByRole("button", { name: "Next page" }).getAttribute("aria-disabled")).toBe("true");
    // A new filter starts again at the first page.
    await page.getByLabel("Channel").selectOption("feed");
    await expect.poll(() => page.getByText(/^1–50 of \d+ reports$/).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get("page")).toBeNull();

    // The map follows the queue's country, zoomed to it.
    await page.getByRole("link", { name: "Map of reports" }).click();
    const zoomed = page.getByRole("group", { name: "Map of reports: Syria" });
    await expect.poll(() => zoomed.isVisible()).toBe(true);
    const map = await zoomed.boundingBox();
    const syria = await zoomed.locator("path.focused").boundingBox();
    if (!map || !syria) throw new Error("no map drawn");
    // On the world map Syria is some 15 px wide; zoomed, it fills most of the map's height.
    expect(syria.height).toBeGreaterThan(map.height / 2);
    expect(syria.x).toBeGreaterThanOrEqual(map.x);
    expect(syria.x + syria.width).toBeLessThanOrEqual(map.x + map.width);
    expect(await page.getByText("The map shows Syria and its surroundings.").isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/voices-map-country.png` });
    // Cleared, the filter shows the reports of every country: the map fits the area they cover, not the globe.
    await page.getByLabel("Country (ISO3)").fill("");
    const everywhere = page.getByRole("group", { name: "Map of reports", exact: true });
    await expect.poll(() => everywhere.isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText(/^The map shows the area where the reports shown lie/).isVisible())
      .toBe(true);
    expect(await everywhere.locator("path.focused").count()).toBe(0);
    const sphere = await everywhere.locator("path.sphere").boundingBox();
    expect(sphere?.width ?? 0).toBeGreaterThan(map.width + 8);
    const drawn = await everywhere.evaluate((svg) => {
      const edge = svg.getBoundingClientRect();
      const points = [...svg.querySelectorAll("a circle")].map((point) => point.getBoundingClientRect());
      const outside = points.filter(
        (p) => p.left < edge.left || p.right > edge.right || p.top < edge.top || p.bottom > edge.bottom,
      );
      return { shown: points.length, outside: outside.length };
    });
    expect(drawn.shown).toBeGreaterThan(0);
    expect(drawn.outside).toBe(0);
    // Every country's months run long: the table beside the map shows them 50 at a time.
    const signalsPager = page.getByRole("navigation", { name: "Verified reports by country and month" });
    expect(await signalsPager.textContent()).toMatch(/^Page 1 of \d+/);
    const signalRows = page
      .getByRole("figure", { name: "Verified reports by country and month" })
      .locator("tbody tr");
    expect(await signalRows.count()).toBe(50);
    const firstRow = await signalRows.first().textContent();
    await signalsPager.getByRole("button", { name: "Next page" }).click();
    await expect.poll(() => signalsPager.textContent()).toMatch(/^Page 2 of/);
    expect(await signalRows.first().textContent()).not.toBe(firstRow);
    await page.close();

    // In Arabic on a phone: the pager and the zoomed map, right to left.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(url);
    await phone.getByLabel("Language").selectOption("ar");
    await expect.poll(() => phone.locator("html").getAttribute("dir")).toBe("rtl");
    await phone.getByLabel("البريد الإلكتروني").fill(admin.email);
    await phone.getByLabel("كلمة المرور").fill(admin.password);
    await phone.getByRole("button", { name: "تسجيل الدخول" }).click();
    await phone.getByRole("button", { name: "تسجيل الدخول" }).waitFor({ state: "detached" });
    await phone.goto(`${url}/reports?status=any&iso3=SYR&page=2`);
    await expect.poll(() => phone.getByText(`51–100 من ${total} بلاغ`).isVisible()).toBe(true);
    const pager = phone.getByRole("navigation", { name: "صفحات البلاغات" });
    const [previous, next] = [
      pager.getByRole("button", { name: "الصفحة السابقة" }),
      pager.getByRole("button", { name: "الصفحة التالية" }),
    ];
    const [before, after] = [await previous.boundingBox(), await next.boundingBox()];
    // Right to left, Previous comes first, on the right; both fit the screen.
    expect(before?.x ?? 0).toBeGreaterThan(after?.x ?? 0);
    expect((before?.x ?? 0) + (before?.width ?? 0)).toBeLessThanOrEqual(390);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await pager.scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${shots}/voices-queue-pages-ar-phone.png` });
    await phone.goto(`${url}/reports/map?iso3=SYR`);
    await expect
      .poll(() => phone.getByRole("group", { name: "خريطة البلاغات: سوريا" }).isVisible())
      .toBe(true);
    await phone.screenshot({ path: `${shots}/voices-map-country-ar-phone.png` });
    await phone.close();
  });

  it("gathers tens of thousands of reports into circles with their counts, on a screen and on a phone", async () => {
    // Reports stored straight into the table, over 6° of the Central African Republic and 6° of Mali.
    for (const [iso3, latitude, longitude] of [
      ["CAF", 3, 16],
      ["MLI", 12, -8],
    ] as const) {
      await sql`INSERT INTO voices_reports (id, owner_org_id, clearance, receipt_hash, channel, category,
          description, incident_date, incident_month, iso3, latitude, longitude, status, sealed, wrapped_key, key_id)
        SELECT gen_random_uuid(), ${staff.orgId}, 'restricted', gen_random_uuid()::text, 'api', 'armed_violence',
          'Shots near the market', '2026-03-15', '2026-03-01', ${iso3}, ${latitude}::float8 + (i % 100) * 0.06,
          ${longitude}::float8 + (i / 100) * 0.06, 'new', 'sealed', 'key', 'test'
        FROM generate_series(0, 9999) AS i`.execute(handle.db);
    }
    const page = await staffOnReports();
    await page.goto(`${url}/reports/map?iso3=CAF`);
    const map = page.getByRole("group", { name: "Map of reports: Central African Republic" });
    await expect
      .poll(() => page.getByText(/^10,\d{3} reports with a place: too many/).isVisible())
      .toBe(true);
    const circles = map.locator("a[href^='/reports?iso3=CAF'] circle");
    const drawn = await circles.count();
    // A few dozen circles, not ten thousand dots; their counts add up to every report of the country.
    expect(drawn).toBeGreaterThan(3);
    expect(drawn).toBeLessThan(100);
    const counts = await map
      .locator("a")
      .evaluateAll((links) =>
        links.map((link) =>
          Number(/^([\d,]+) report/.exec(link.getAttribute("aria-label") ?? "")?.[1]?.replace(/,/g, "")),
        ),
      );
    const own = (
      await handle.db
        .selectFrom("voices_reports")
        .select((e) => e.fn.countAll<number>().as("n"))
        .where("owner_org_id", "=", staff.orgId)
        .where("iso3", "=", "CAF")
        .where("latitude", "is not", null)
        .executeTakeFirstOrThrow()
    ).n;
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(Number(own));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/voices-map-clusters.png` });
    await circles.first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get("iso3")).toBe("CAF");
    await page.close();

    // On a phone the map is drawn smaller: its circles keep their size, so fewer of them, none overlapping.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(url);
    await signInOnPage(phone, staff);
    await phone.getByRole("button", { name: "Sign in" }).waitFor({ state: "detached" });
    await phone.goto(`${url}/reports/map`);
    const everywhere = phone.getByRole("group", { name: "Map of reports", exact: true });
    await expect.poll(() => everywhere.locator("a circle").count()).toBeGreaterThan(1);
    const boxes = await everywhere.locator("a circle").evaluateAll((marks) =>
      marks.map((mark) => {
        const box = mark.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2, r: box.width / 2 };
      }),
    );
    const overlapping = boxes.filter((a, i) =>
      boxes.some((b, j) => j !== i && Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r),
    );
    expect(overlapping).toEqual([]);
    await phone.screenshot({ path: `${shots}/voices-map-clusters-phone.png` });
    await phone.close();
  });
});
