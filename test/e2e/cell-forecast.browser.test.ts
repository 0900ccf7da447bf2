import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priogridCell } from "../../src/core/data/priogrid.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { insertCellForecastRun } from "../../src/repositories/warning/cell-forecast-runs.repository.ts";
import { accessibilityViolations } from "../support/accessibility.ts";
import { launchBrowser, signInOnPage, startServer } from "../support/browser.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser } from "../support/factories.ts";

let handle: DatabaseHandle;
let server: { app: App; url: string };
let browser: Browser;
let page: Page;
let analyst: { email: string; password: string };

/** Three cells around Bangui, two months ahead: the layer draws exactly the cells of the months chosen. */
const bangui = [135758, 135759, 136478];
const forecasts = bangui.flatMap((gid, i) =>
  [1, 2].map((horizon) => ({
    priogridGid: gid,
    ...priogridCell(gid),
    month: `2020-0${horizon}`,
    horizon,
    pGt0: ((i + 1) / 8) * horizon,
  })),
);

beforeAll(async () => {
  handle = await createTestDatabase({ withBundledData: true });
  const org = await buildOrganisation(handle.db, "un_entity");
  const viewer = await buildUser(handle.db, org.id, "viewer");
  analyst = await buildUser(handle.db, org.id, "analyst");
  await insertCellForecastRun(
    handle.db,
    {
      iso3: "CAF",
      origin: "2019-12",
      maxHorizon: 2,
      modelVersion: "cell-xgboost@test",
      parameters: {},
      datasetVersions: [],
      trainingRows: 10,
      trigger: "cli",
      requestedBy: "test",
    },
    forecasts,
  );
  server = await startServer(handle);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await signInOnPage(page, viewer);
  await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await handle?.close();
});

describe("the cell forecast on a country's event map", () => {
  it("draws each cell's probability for the months ahead chosen, with its legend", async () => {
    await page.goto(`${server.url}/countries/CAF`);
    const choice = page.getByLabel("Forecast per PRIO-GRID cell");
    await expect.poll(() => choice.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId("cell-forecast-layer").count()).toBe(0);
    await choice.selectOption("2");
    const cells = page.getByTestId("cell-forecast-layer").locator("path");
    await expect.poll(() => cells.count(), { timeout: 30_000 }).toBe(3);
    const shown = await cells.evaluateAll((paths) => paths.map((p) => p.getAttribute("data-p")));
    expect(shown.sort()).toEqual(["0.25", "0.5", "0.75"]);
    expect(await page.locator("p.legend").last().textContent()).toMatch(
      /Chance of at least one state-based death in 2020-02.*forecast from 2019-12/,
    );
    expect(new URL(page.url()).searchParams.get("cellHorizon")).toBe("2");
    const download = page
      .locator("p.export-links", { hasText: "Download the cell forecast" })
      .getByRole("link");
    expect(await download.evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual([
      "/api/warning/countries/CAF/cell-forecast/export?origin=2019-12&format=csv",
      "/api/warning/countries/CAF/cell-forecast/export?origin=2019-12&format=geojson",
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    // A viewer reads the forecast but may not run it.
    expect(await page.getByRole("button", { name: /Forecast the cells/ }).count()).toBe(0);
  });

  it("reads its months left to right in Arabic, as every page does", async () => {
    await page.evaluate(() => localStorage.setItem("continuum.language", "ar"));
    try {
      await page.goto(`${server.url}/countries/CAF?cellHorizon=2`);
      const legend = page.locator("p.legend").last();
      await expect.poll(() => legend.textContent(), { timeout: 30_000 }).toMatch(/2020-\u2060?02/);
      // Where the year and the month are drawn: reordered by the bidi algorithm, "2020-02" would read "02-2020".
      const order = await legend.evaluate((p) => {
        const text = [...p.querySelectorAll("span")].map((s) => s.firstChild).find((n) => n?.nodeType === 3);
        if (!text?.textContent) return [];
        return [...text.textContent.matchAll(/(\d{4})-\u2060?(\d{2})/g)].map((m) => {
          const at = (from: number, to: number) => {
            const range = document.createRange();
            range.setStart(text, from);
            range.setEnd(text, to);
            return range.getBoundingClientRect().left;
          };
          const start = m.index ?? 0;
          return at(start, start + 4) < at(start + m[0].length - 2, start + m[0].length);
        });
      });
      expect(order).toEqual([true, true]);
    } finally {
      await page.evaluate(() => localStorage.setItem("continuum.language", "en"));
    }
  });

  it("lets an analyst forecast the cells again from the map, which then shows the new run", async () => {
    const own = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await own.goto(server.url);
      await signInOnPage(own, analyst);
      await own.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
      await own.goto(`${server.url}/countries/CAF`);
      const again = own.getByRole("button", { name: "Forecast the cells again" });
      await expect.poll(() => again.count(), { timeout: 30_000 }).toBe(1);
      await again.click();
      // The new run is the model's, one month ahead, over every cell it forecasts (the stored one had three).
      const cells = own.getByTestId("cell-forecast-layer").locator("path");
      await expect.poll(() => cells.count(), { timeout: 60_000 }).toBeGreaterThan(3);
      expect(new URL(own.url()).searchParams.get("cellHorizon")).toBe("1");
      expect(await own.locator("p.legend").last().textContent()).toMatch(/in 2020-01.*forecast from 2019-12/);
      expect(await accessibilityViolations(own)).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it("offers no layer where no cell forecast is stored", async () => {
    await page.goto(`${server.url}/countries/MEX`);
    await expect.poll(() => page.getByTestId("event-count").count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByLabel("Forecast per PRIO-GRID cell").count()).toBe(0);
    expect(await page.getByText("Download the cell forecast").count()).toBe(0);
  });
});
