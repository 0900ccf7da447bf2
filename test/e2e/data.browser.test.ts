import { mkdirSync } from "node:fs";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { accessibilityViolations } from "../support/accessibility.ts";
import { launchBrowser, signInOnPage, startServer } from "../support/browser.ts";
import { gedColumn, gedRows } from "../support/bundled-ged.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, type TestUser } from "../support/factories.ts";

const COUNTRIES = { SYR: "652", MMR: "775", MEX: "70", CAF: "482" } as const;

/** The expected figures, from the bundled source file itself. */
const fileFigures = (gw: string) => {
  const months = new Map<string, [number, number, number]>();
  let events = 0;
  for (const row of gedRows.slice(1)) {
    if (row[gedColumn("country_id")] !== gw) continue;
    events += 1;
    const month = (row[gedColumn("date_start")] ?? "").slice(0, 7);
    const sums = months.get(month) ?? [0, 0, 0];
    const type = Number(row[gedColumn("type_of_violence")]) - 1;
    sums[type] = (sums[type] ?? 0) + Number(row[gedColumn("best")]);
    months.set(month, sums);
  }
  return { months, events };
};

let handle: DatabaseHandle;
let server: { app: App; url: string };
let browser: Browser;
let analyst: TestUser;
let page: Page;
const shots = "test-results/screenshots";

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  handle = await createTestDatabase({ withBundledData: true });
  const org = await buildOrganisation(handle.db, "un_entity");
  analyst = await buildUser(handle.db, org.id, "analyst");
  server = await startServer(handle);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await signInOnPage(page, analyst);
  await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await handle?.close();
});

describe("conflict data in Chromium", () => {
  it("colours the world map by fatalities and opens a country from it", async () => {
    const map = page
      .locator('section[aria-labelledby="fatality-map"]')
      .getByRole("group", { name: /^World map of recorded fatalities/ });
    await expect
      .poll(() => map.locator('path.country[fill^="rgb"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(20);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/overview-fatalities.png` });
    // One Tab stop for the whole map; the arrow keys walk the countries.
    const focusable = map.locator('path.country[tabindex="0"]');
    expect(await focusable.count()).toBe(1);
    await focusable.focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    const first = await focused();
    await page.keyboard.press("ArrowRight");
    expect(await focused()).not.toBe(first);
    // A letter moves on to the next country whose name starts with it, named as on every other page.
    await page.keyboard.press("s");
    expect(await focused()).toMatch(/^S/);
    await page.keyboard.press("c");
    await page.keyboard.press("c");
    expect(await focused()).toMatch(/^C/);
    expect(await map.getByRole("button", { name: /^Dem\. Rep\. Congo/ }).count()).toBe(0);
    // The month chosen is kept in the address: Back from a country returns to it.
    await page.getByRole("button", { name: "‹ Month before" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("month")).toMatch(/^\d{4}-\d{2}$/);
    const month = new URL(page.url()).searchParams.get("month");
    await map.getByRole("button", { name: /^Syria: / }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 30_000 })
      .toMatch(/Syria/);
    expect(new URL(page.url()).pathname).toBe("/countries/SYR");
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get("month")).toBe(month);
  });

  // Syria's thousands of event points take tens of seconds to draw, count and scan on a busy machine.
  for (const [iso3, gw] of Object.entries(COUNTRIES)) {
    it(`shows ${iso3}: every event on the map, and monthly sums equal to the source file's`, async () => {
      const expected = fileFigures(gw);
      await page.goto(`${server.url}/countries/${iso3}`);
      const count = page.getByTestId("event-count");
      await expect
        .poll(() => count.getAttribute("data-count"), { timeout: 30_000 })
        .toBe(String(expected.events));
      await expect
        .poll(() => page.locator("svg.event-map circle").count(), { timeout: 30_000 })
        .toBe(expected.events);
      expect(await page.locator("svg.event-map path.outline").getAttribute("d")).toMatch(/^M/);

      const table = page.getByTestId("monthly-table");
      await expect.poll(() => table.getAttribute("data-series"), { timeout: 30_000 }).toBe("events");
      const shown = await table
        .locator("tbody tr")
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.getAttribute("data-month") ?? "",
            ...["sbBest", "nsBest", "osBest"].map((key) =>
              Number(row.querySelector(`td[data-key="${key}"]`)?.getAttribute("data-value")),
            ),
          ]),
        );
      const months = [...expected.months.keys()].sort();
      expect(shown.length).toBeGreaterThanOrEqual(months.length);
      let withEvents = 0;
      for (const [month, sb, ns, os] of shown) {
        const sums = expected.months.get(String(month)) ?? [0, 0, 0];
        expect([sb, ns, os], `${iso3} ${month}`).toEqual(sums);
        if (expected.months.has(String(month))) withEvents += 1;
      }
      expect(withEvents).toBe(expected.months.size);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/country-${iso3}.png`, fullPage: true });
    }, 180_000);
  }

  it("says why a country's event map is empty: no data held, or none in the years chosen (even the wrong way round)", async () => {
    await page.goto(`${server.url}/countries/FRA`);
    await expect
      .poll(() => page.getByText(/^Event data are held only for /).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await page.goto(`${server.url}/countries/SYR?eventsFrom=2015&eventsTo=2014`);
    await expect
      .poll(
        () => page.getByText("No events are recorded for this country in the years chosen.").isVisible(),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    expect(await page.getByLabel("From year").inputValue()).toBe("2014");
  });

  it("shows an event's details when it is chosen on the map", async () => {
    await page.goto(`${server.url}/countries/CAF`);
    const circle = page.locator("svg.event-map circle").last();
    await expect.poll(() => circle.count(), { timeout: 30_000 }).toBe(1);
    await circle.click({ force: true });
    await expect
      .poll(() => page.locator(".event-detail dl").textContent(), { timeout: 30_000 })
      .toMatch(/ucdp-ged/);
    await expect
      .poll(() => page.getByTestId("conflicts-table").locator("tbody tr").count())
      .toBeGreaterThan(0);
    // A conflict is named by the sides of its latest year: Syria's conflict 299 began as a 1966 coup.
    await page.goto(`${server.url}/countries/SYR`);
    const syria = page.getByTestId("conflicts-table").locator("tr", { hasText: /^299/ });
    await expect.poll(() => syria.textContent(), { timeout: 30_000 }).toMatch(/Syrian insurgents/);
  });

  it("lists the catalogue with licences, and imports a file: preview, mapping, refusal with its errors", async () => {
    await page.goto(`${server.url}/data`);
    const ged = page.locator('[data-dataset="ucdp-ged"]');
    await expect.poll(() => ged.textContent(), { timeout: 30_000 }).toMatch(/CC BY 4\.0/);
    expect(await ged.textContent()).toMatch(/Sundberg/);

    await page.getByRole("link", { name: "Import" }).click();
    await page
      .getByLabel("File", { exact: true })
      .setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("") });
    await expect.poll(() => page.getByText("The file is empty").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Upload and import" }).isDisabled()).toBe(true);
    const rows = gedRows.slice(0, 4).map((r) => [...r]);
    // The preview reads the file as the server does: a semicolon-separated file is not shown as importable.
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "ged-semicolons.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(Papa.unparse(rows, { delimiter: ";" })),
    });
    await expect.poll(() => page.getByText("The columns are separated by semicolons").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Upload and import" }).isDisabled()).toBe(true);
    // The World Bank's own download, preamble and all, is recognised as indicators.
    await page.getByLabel("Kind").selectOption("indicators");
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "API_SP.POP.TOTL_DS2_en_csv_v2.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        '\uFEFF"Data Source","World Development Indicators",\n\n"Last Updated Date","2020-07-01",\n\n' +
          '"Country Name","Country Code","Indicator Name","Indicator Code","2018","2019",\n' +
          '"Mexico","MEX","Population, total","SP.POP.TOTL","125","126",\n',
      ),
    });
    await expect
      .poll(() => page.getByTestId("column-mapping").textContent())
      .toMatch(/All 2 required columns/);
    expect(await page.getByRole("button", { name: "Upload and import" }).isDisabled()).toBe(false);
    await page.getByLabel("Kind").selectOption("ged");
    const bestColumn = gedColumn("best");
    if (rows[2]) rows[2][bestColumn] = "many";
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "ged-three.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(Papa.unparse(rows)),
    });
    await expect
      .poll(() => page.getByTestId("import-preview").locator("tbody tr").count(), { timeout: 30_000 })
      .toBe(3);
    expect(await page.getByTestId("column-mapping").textContent()).toMatch(/All 49 required columns/);
    // An analyst imports under an id of their own: the shared ids are the platform administrators'.
    const datasetId = page.getByLabel("Dataset id", { exact: true });
    expect(await datasetId.getAttribute("required")).not.toBeNull();
    await datasetId.fill("ged-browser");
    await page.getByRole("button", { name: "Upload and import" }).click();
    const job = page.getByTestId("import-job");
    await expect.poll(() => job.getAttribute("data-state"), { timeout: 30_000 }).toBe("finished");
    const error = page.getByTestId("import-errors").locator("tbody tr").first();
    expect(await error.textContent()).toMatch(/ged-three\.csv.*3.*best.*many/);
    expect(await job.textContent()).toMatch(/ged-three\.csv was refused and nothing was imported/);

    if (rows[2]) rows[2][bestColumn] = "3";
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "ged-three.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(Papa.unparse(rows)),
    });
    await page.getByRole("button", { name: "Upload and import" }).click();
    await expect
      .poll(() => job.textContent(), { timeout: 30_000 })
      .toMatch(/ged-three\.csv was imported as ged-browser .*Rows read: 3; added: 3/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/data-import.png`, fullPage: true });
  });
});
