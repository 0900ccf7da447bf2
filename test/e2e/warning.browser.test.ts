import { mkdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import {
  insertBacktestRun,
  updateBacktestRun,
} from "../../src/repositories/warning/backtest-runs.repository.ts";
import { createReview } from "../../src/services/reviews/create-review.ts";
import { startBacktestRun } from "../../src/services/warning/run-backtest.ts";
import { startForecastRun } from "../../src/services/warning/run-forecast.ts";
import { accessibilityViolations } from "../support/accessibility.ts";
import { launchBrowser, signInOnPage, startServer } from "../support/browser.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, contextFor, type TestUser } from "../support/factories.ts";

let handle: DatabaseHandle;
let server: { app: App; url: string };
let browser: Browser;
let analyst: TestUser;
let page: Page;
const shots = "test-results/screenshots";
// Small models, published as if standard: this test is about the pages; the CLI test runs the model at full size.
const quick = { maxHorizon: 3, options: { rounds: 5 }, publish: true };

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  handle = await createTestDatabase({ withBundledData: true });
  const org = await buildOrganisation(handle.db, "un_entity");
  analyst = await buildUser(handle.db, org.id, "analyst");
  // Two runs, so the watchlist has a change to show, published by a platform administrator as only they may;
  // and one backtest for its page.
  const platform = contextFor(
    handle.db,
    await buildUser(handle.db, org.id, "administrator", "confidential", true),
  );
  // A backtest the server stopped before it finished, an hour before the one that did.
  const stopped = await insertBacktestRun(handle.db, {
    origins: ["2016-12"],
    maxHorizon: 12,
    modelVersion: "test",
    parameters: {},
    datasetVersions: [],
    requestedBy: analyst.userId,
    startedAt: new Date(Date.now() - 3_600_000),
  });
  await updateBacktestRun(handle.db, stopped, {
    status: "failed",
    finishedAt: new Date(),
    error: "interrupted: the process running it stopped before it finished",
  });
  for (const origin of ["2019-11", "2019-12"])
    await (await startForecastRun(platform, { trigger: "api", origin, ...quick })).completion;
  await (await startBacktestRun(contextFor(handle.db, analyst), { origins: ["2018-12"], ...quick }))
    .completion;
  server = await startServer(handle);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await signInOnPage(page, analyst);
  await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await handle?.close();
});

describe("early warning in Chromium", () => {
  it("colours the overview map by forecast risk and moves through the horizon", async () => {
    await page.getByRole("heading", { name: "Forecast risk of state-based armed conflict" }).waitFor();
    const map = page.getByRole("group", { name: /World map of forecast risk for 2020-01/ });
    await map.waitFor();
    const fills = await map
      .locator("path.country")
      .evaluateAll((paths) => paths.map((p) => p.getAttribute("fill")));
    // Countries without a forecast are hatched (a pattern fill); the rest are coloured by risk.
    expect(fills.filter((f) => !f?.startsWith("url(")).length).toBeGreaterThan(150);
    expect(new Set(fills).size).toBeGreaterThan(10);
    // States too small for the atlas's shapes are dots on their capitals, and open like any other country.
    await map.getByRole("button", { name: /^Malta: / }).waitFor();
    // Each arrow key writes the month into the address: the page stays, and so does the focus, step after step
    // (the first change after sign-in as well).
    const focused = (slider: Locator) => slider.evaluate((input) => input === document.activeElement);
    const months = page.getByRole("slider", { name: /^Month: / });
    await months.focus();
    const held = Number(await months.inputValue());
    for (const key of ["ArrowLeft", "ArrowLeft", "ArrowLeft"]) await page.keyboard.press(key);
    await expect.poll(() => months.inputValue()).toBe(String(held - 3));
    expect(await focused(months)).toBe(true);
    for (const key of ["ArrowRight", "ArrowRight", "ArrowRight"]) await page.keyboard.press(key);
    await expect.poll(() => months.inputValue()).toBe(String(held));
    expect(await focused(months)).toBe(true);
    // Its name follows the month chosen.
    const ahead = page.getByRole("slider", { name: /^Month forecast: / });
    expect(await ahead.getAttribute("aria-valuetext")).toBe("2020-01");
    await ahead.focus();
    // The run forecasts 3 months: two steps reach the last.
    for (const key of ["ArrowRight", "ArrowRight"]) await page.keyboard.press(key);
    await page.getByRole("group", { name: /World map of forecast risk for 2020-03/ }).waitFor();
    expect(await focused(ahead)).toBe(true);
    await ahead.fill("3");
    await page.getByRole("group", { name: /World map of forecast risk for 2020-03/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/warning-overview.png`, fullPage: true });
  });

  it("ranks the watchlist with the change since the previous run and the drivers in plain words", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Watchlist" }).click();
    await page.getByRole("heading", { level: 1, name: "Watchlist" }).waitFor();
    await expect
      .poll(() =>
        page
          .getByText("Changes are against the run from 2019-11 at the same number of months ahead", {
            exact: false,
          })
          .isVisible(),
      )
      .toBe(true);
    const rows = page.locator("table.watchlist tbody tr");
    // Stepping through a control with the arrow keys keeps the focus there while the list reloads.
    const horizonSelect = page.getByLabel("Months ahead");
    await horizonSelect.focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.locator("table.watchlist caption").textContent()).toContain("2020-02");
    expect(await horizonSelect.evaluate((select) => select === document.activeElement)).toBe(true);
    await horizonSelect.selectOption("1");
    await expect.poll(() => page.locator("table.watchlist caption").textContent()).toContain("2020-01");
    // The 30 riskiest first; every country forecast is counted and listed on request.
    await expect.poll(() => rows.count()).toBe(30);
    const first = rows.first();
    expect(await first.locator("td").nth(3).textContent()).toMatch(/^[+−±]\d/);
    const counted = Number(
      /countries forecast: (\d+)/.exec(
        (await page.locator("table.watchlist caption").textContent()) ?? "",
      )?.[1],
    );
    expect(counted).toBeGreaterThan(150);
    await page.getByRole("button", { name: `Show all countries (${counted})` }).click();
    await expect.poll(() => rows.count()).toBe(counted);
    // The button toggles, so the keyboard stays on it.
    const toggle = page.getByRole("button", { name: "Show only the 30 riskiest" });
    await expect.poll(() => toggle.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await first.locator("td").nth(4).textContent()).toMatch(/^[\d,]+ \(80%: [\d,]+–[\d,]+\)$/);
    expect(await first.locator(".drivers li").first().textContent()).toMatch(/ [+-]\d+(\.\d)? points$/);
    expect(await page.locator("table.watchlist").textContent()).not.toMatch(/ln_sb|_hl\d/);
    // A new run replaces every organisation's forecast: the button asks first, and "Not now" starts nothing.
    await page.getByRole("button", { name: "Run a new forecast" }).click();
    await page.getByText(/replaces the published one that every organisation sees/).waitFor();
    const go = page.getByRole("button", { name: "Run and publish" });
    await expect.poll(() => go.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.getByRole("button", { name: "Not now" }).click();
    const run = page.getByRole("button", { name: "Run a new forecast" });
    await expect.poll(() => run.evaluate((button) => button === document.activeElement)).toBe(true);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the forecasts (CSV)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("continuum-forecast-2019-12.csv");
    const csv = await readFile((await file.path()) as string, "utf8");
    expect(csv.split("\n")[0]).toBe("iso3,month,horizon,p_gt0,p_ge25,mean,q10,q50,q90");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/warning-watchlist.png`, fullPage: true });
  });

  it("shows a country's fan chart and drivers, also on the country page", async () => {
    await page.goto(`${server.url}/warning/countries/SYR`);
    const chart = page.getByRole("figure", { name: /Fan chart of recorded and forecast deaths in Syria/ });
    await chart.locator("svg").first().waitFor();
    expect(await chart.locator("path").count()).toBeGreaterThan(3);
    // These runs are experiments, with no reference backtest behind them: the legend claims no backtest figure.
    const legend = page.locator(".country-forecast > p").first();
    expect(await legend.textContent()).toContain("the shaded band the range");
    expect(await legend.textContent()).not.toContain("backtest");
    await page.getByRole("heading", { name: "What drives the forecast" }).waitFor();
    // One list per published probability, each driver with its effect in points.
    for (const heading of ["P(at least 1 death)", "P(25 or more deaths)"]) {
      const list = page.locator(".driver-columns section").filter({ hasText: heading });
      expect(await list.locator(".drivers li").count(), heading).toBeGreaterThan(0);
    }
    expect(await page.locator(".country-forecast .driver-columns").textContent()).toMatch(/: \d[\d,]*/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/warning-country.png`, fullPage: true });

    // From the forecast to an alert: the raise form opens with the country and the forecast filled in.
    await page.getByRole("link", { name: "Raise an alert about Syria" }).click();
    const raise = page.getByRole("region", { name: "Raise an alert" });
    // The keyboard lands on the form filled in, not at the top of the Alerts page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("raise-alert");
    await expect.poll(() => raise.locator("select[name=iso3]").inputValue()).toBe("SYR");
    expect(await raise.getByLabel("Summary").inputValue()).toMatch(
      /^Forecast from data up to 2019-12: \d+% chance of 25 or more deaths in 2020-01 \(\d+% of at least one\)$/,
    );
    await raise.getByRole("button", { name: "Raise alert" }).click();
    await page
      .getByText(/chance of 25 or more deaths in 2020-01/)
      .first()
      .waitFor();
    expect(page.url()).toMatch(/\/alerts\/[0-9a-f-]{36}$/);
    // An analyst owns what they raised with no desk set, but may not decide it: the page says who does.
    await page.getByText(/^Desk officers and administrators of .+ decide on this alert/).waitFor();

    // From the alert to a review of the same country: the form opens with the country filled in.
    await page.getByRole("link", { name: "Open a review of Syria" }).click();
    const review = page.getByRole("region", { name: "Open a review" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("open-review");
    await expect.poll(() => review.locator("select[name=iso3]").inputValue()).toBe("SYR");

    await page.goto(`${server.url}/countries/SYR`);
    await page
      .getByRole("figure", { name: /Fan chart/ })
      .locator("svg")
      .first()
      .waitFor();
  });

  it("shows the backtest beside the baselines, the reliability diagram and the per-horizon table", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Backtest" }).click();
    await page.getByRole("heading", { level: 1, name: "Backtest" }).waitFor();
    await page.getByRole("columnheader", { name: "No change" }).first().waitFor();
    for (const name of ["Model", "Last 12 months", "Base rate"])
      expect(await page.getByRole("columnheader", { name }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("rowheader", { name: /ROC AUC, ≥1 death/ }).count()).toBe(2);
    // Each row marks its best method, in words for a screen reader too.
    const aucRow = page.getByRole("row", { name: /ROC AUC, ≥1 death/ }).first();
    expect(await aucRow.locator("strong").count()).toBe(1);
    expect(await aucRow.locator("strong").textContent()).toMatch(/^0\.\d+ \(best\)$/);
    // Every score says which way it improves, and the terms are explained in plain words.
    const scoreNames = await page.locator(".score-table").first().locator("tbody th").allTextContents();
    expect(scoreNames.length).toBeGreaterThan(10);
    for (const name of scoreNames)
      expect(name).toMatch(
        /\((higher is better|lower is better|closest to 1 is best|closest to 80% is best)\)$/,
      );
    await page.getByText("What the scores mean").click();
    await page.getByText(/^How well the forecast ranks/).waitFor();
    // A backtest the server stopped is listed with what happened to it.
    await page.getByText("1 backtest did not finish").click();
    await page
      .getByText(/origins 2016-12, 1–12 months ahead — interrupted: the process running it stopped/)
      .waitFor();
    // A shorter backtest can be asked for.
    expect(await page.getByLabel("Months ahead (1–36)").inputValue()).toBe("12");
    const reliability = page.getByRole("figure", { name: /Reliability/ });
    await reliability.locator("svg").first().waitFor();
    expect(await reliability.textContent()).toContain("Base rate");
    expect(await reliability.textContent()).not.toMatch(/base_rate|xgboost_hurdle/);
    await page.getByLabel("Risk of").selectOption("pGe25");
    const ge25 = page.getByRole("figure", { name: /Reliability.*25 or more/ });
    expect(await ge25.locator("circle").count()).toBeGreaterThan(0);
    // The diagram's points as a table, for a screen reader.
    await page.getByText("The diagram as a table").click();
    const points = page.locator("details table tbody tr");
    expect(await points.count()).toBeGreaterThan(3);
    expect(await points.first().locator("th").textContent()).toBe("Model");
    const perHorizon = page.locator("table").last().locator("tbody tr");
    expect(await perHorizon.count()).toBe(3);
    expect(await perHorizon.locator("strong").count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "Run backtest" }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/warning-backtest.png`, fullPage: true });
  });

  it("runs a backtest with other boosting rounds as an experiment that says what it changed", async () => {
    const rounds = page.getByLabel("Boosting rounds (1–1,000; empty: the model's own)");
    // Empty keeps the model's own rounds; the browser refuses what the API would.
    expect(await rounds.inputValue()).toBe("");
    await rounds.fill("1001");
    expect(await rounds.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);
    await rounds.fill("2.5");
    expect(await rounds.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);
    await rounds.fill("3");
    await page.getByLabel("Origins (YYYY-MM, comma-separated)").fill("2018-12");
    await page.getByLabel("Months ahead (1–36)").fill("1");
    await page.getByRole("button", { name: "Run backtest" }).click();
    // Once it is done the page shows it, saying in words what sets it apart from the reference backtest.
    await page
      .getByText(/^An experiment: 3 boosting rounds, 1 month ahead, origins 2018-12\. /)
      .waitFor({ timeout: 120_000 });
  });

  it("keeps the English names of a review's evidence in order on an Arabic page, under the watchlist's words", async () => {
    const review = await createReview(contextFor(handle.db, analyst), { iso3: "SYR" }, { minCellCount: 5 });
    const arabic = JSON.parse(readFileSync("web/src/i18n/locales/ar.json", "utf8")) as {
      warning: { pGe25: string };
    };
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    await phone.goto(server.url);
    await signInOnPage(phone, analyst);
    await phone.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    await phone.evaluate(() => localStorage.setItem("continuum.language", "ar"));
    await phone.goto(`${server.url}/reviews/${review.id}`);
    await phone.locator("html[dir=rtl]").waitFor();
    const pack = phone.locator("section[aria-labelledby=evidence] .two-columns");
    await pack.getByRole("columnheader", { name: arabic.warning.pGe25 }).waitFor();
    // Each indicator's and conflict's English name is isolated, so its brackets and figures stay where they belong.
    const items = pack.locator("li").filter({ hasText: /\d{4}/ });
    expect(await items.count()).toBeGreaterThan(0);
    for (const item of await items.all()) expect(await item.locator("bdi").count()).toBe(1);
    // The server's refusal, in English, keeps its words and full stop in order inside the Arabic note.
    await phone.locator(".inline-form button").first().click();
    const refusal = phone.getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.locator("bdi").first().textContent()).toBe(
      "Assess at least one risk factor before submitting.",
    );
    // So are the framework's English descriptions, indicators and guidance.
    const factor = phone.locator("details.factor").first();
    await factor.locator("summary").click();
    expect(await factor.locator("li").count()).toBeGreaterThan(0);
    expect(await factor.locator("li > bdi").count()).toBe(await factor.locator("li").count());
    expect(await factor.locator("p > bdi").count()).toBe(2);
    // A factor not yet assessed starts on no level and no confidence: saving it unread records nothing.
    for (const name of ["level", "confidence"]) {
      const choice = factor.locator(`select[name=${name}]`);
      expect(await choice.inputValue(), name).toBe("");
      expect(await choice.evaluate((select: HTMLSelectElement) => select.required), name).toBe(true);
    }
    await phone.screenshot({ path: `${shots}/review-evidence-ar.png`, fullPage: true });
    await context.close();
  });
});
