import { mkdirSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR } from "../../src/core/alerts/alert.schemas.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { escalateOverdueAlerts } from "../../src/services/alerts/escalate-overdue-alerts.ts";
import { evaluateAlertRules } from "../../src/services/alerts/evaluate-alert-rules.ts";
import { raiseAlert } from "../../src/services/alerts/raise-alert.ts";
import { setDesk } from "../../src/services/alerts/set-desk.ts";
import { addRecommendation } from "../../src/services/reviews/add-recommendation.ts";
import { assessRiskFactor } from "../../src/services/reviews/assess-risk-factor.ts";
import { changeReviewStatus } from "../../src/services/reviews/change-review-status.ts";
import { createReview } from "../../src/services/reviews/create-review.ts";
import { createReviewCycle } from "../../src/services/reviews/create-review-cycle.ts";
import { accessibilityViolations } from "../support/accessibility.ts";
import { testApp } from "../support/api.ts";
import { launchBrowser, listenOnLoopback, signInOnPage } from "../support/browser.ts";
import { createTestDatabase } from "../support/database.ts";
import {
  buildCountries,
  buildOrganisation,
  buildUser,
  contextFor,
  type TestUser,
} from "../support/factories.ts";
import { insertForecastRun } from "../support/forecast-rows.ts";

let handle: DatabaseHandle;
let app: App;
let url: string;
let browser: Browser;
let admin: TestUser;
let desk: TestUser;
let analyst: TestUser;
let partner: TestUser;
let deskOrgName: string;
let partnerName: string;
// The server runs on a clock the test moves, so that the measures show the durations it produced.
let clock = new Date("2026-05-04T08:00:00Z");
const shots = "test-results/screenshots";

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  handle = await createTestDatabase();
  await buildCountries(handle.db, ["SYR", "MLI"]);
  const un = await buildOrganisation(handle.db, "un_entity");
  deskOrgName = un.name;
  admin = await buildUser(handle.db, un.id, "administrator", "confidential", true);
  desk = await buildUser(handle.db, un.id, "desk_officer", "confidential");
  analyst = await buildUser(handle.db, un.id, "analyst", "confidential");
  const regional = await buildOrganisation(handle.db, "regional_organisation");
  partnerName = regional.name;
  partner = await buildUser(handle.db, regional.id, "analyst", "confidential");
  const ctx = contextFor(handle.db, admin, () => clock);
  await setDesk(ctx, { iso3: "*", orgId: un.id, userId: desk.userId });
  await insertForecastRun(handle.db, "2026-04", [{ iso3: "SYR", pGe25: 0.88 }]);
  await evaluateAlertRules(ctx, { now: clock });
  app = await testApp(handle.db, { now: () => clock });
  url = await listenOnLoopback(app);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await handle?.close();
});

const signInAs = async (user: TestUser): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await signInOnPage(page, user);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Overview");
  return page;
};

const later = (hours: number) => {
  clock = new Date(clock.getTime() + hours * HOUR);
};

describe("Peacebuilding Audit and early action in Chromium", () => {
  it("takes one alert from new to closed with a decision, and the measures show its durations", async () => {
    const page = await signInAs(desk);
    await page.getByRole("navigation").getByRole("link", { name: "Alerts" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Alerts");
    const link = page.getByRole("link", { name: /Forecast: 88% probability/ });
    await expect.poll(() => link.count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/alerts-inbox.png` });
    // On a phone each alert is a card, its summary on screen rather than off to the side of a table.
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await link.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${shots}/alerts-inbox-phone.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await link.click();
    const status = page.getByTestId("alert-status");
    await expect.poll(() => status.textContent()).toBe("New");

    later(1);
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect.poll(() => status.textContent()).toBe("Acknowledged");
    // The step's form is gone: the keyboard is on the new status, which a screen reader reads out.
    await expect.poll(() => status.evaluate((element) => element === document.activeElement)).toBe(true);
    later(2);
    await page
      .getByLabel("Assessment")
      .fill("Offensive on Idlib likely within weeks; displacement towards the border.");
    await page.getByRole("button", { name: "Record assessment" }).click();
    await expect.poll(() => status.textContent()).toBe("Assessed");
    later(3);
    await page.getByLabel("Decision", { exact: true }).fill("Request a Security Council briefing");
    await page.getByLabel("Rationale").fill("The forecast and field reports agree; time matters.");
    // A decision names the options weighed: with none ticked or typed, the form says so and sends nothing.
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect
      .poll(() => page.getByRole("alert").filter({ hasText: "at least one option" }).count())
      .toBe(1);
    expect(await status.textContent()).toBe("Assessed");
    await page.getByLabel("Briefing to the Security Council or a regional body").check();
    await page.getByLabel("Other options considered (one per line)").fill("Quiet diplomacy via Ankara");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect.poll(() => status.textContent()).toBe("Decision recorded");
    expect(
      await page
        .getByText("Briefing to the Security Council or a regional body; Quiet diplomacy via Ankara")
        .count(),
    ).toBe(1);
    later(4);
    await page.getByLabel("What is being done").fill("Briefing requested by the Secretary-General's office");
    await page.getByRole("button", { name: "Record the action under way" }).click();
    await expect.poll(() => status.textContent()).toBe("Action under way");
    await page.getByLabel("Outcome").fill("Briefing held; humanitarian pause agreed.");
    await page.getByRole("button", { name: "Close with outcome" }).click();
    await expect.poll(() => status.textContent()).toBe("Closed");
    const timeline = page.getByRole("list").filter({ hasText: "Raised" });
    for (const step of [
      "Raised",
      "Acknowledged",
      "Assessed",
      "Decision recorded",
      "Action under way",
      "Closed",
    ])
      expect(await timeline.getByText(step, { exact: true }).count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/alert-closed.png`, fullPage: true });

    await page.getByRole("link", { name: "Measures" }).click();
    const row = page.getByRole("row").filter({ hasText: "High" });
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(3)).toEqual(["1 hr", "6 hr", "10 hr", "100% (1/1)"]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/measures.png`, fullPage: true });
    await page.close();
  });

  it("takes one review from draft to adopted with two recommendations, and follows one up in the next", async () => {
    const page = await signInAs(analyst);
    await page.getByRole("navigation").getByRole("link", { name: "Reviews" }).click();
    await page.getByRole("combobox", { name: "Country", exact: true }).selectOption("SYR");
    await page.getByRole("button", { name: "Open review" }).click();
    const status = page.getByTestId("review-status");
    await expect.poll(() => status.textContent()).toBe("Draft");

    await page.getByText("7. Enabling circumstances or preparatory action").click();
    const form = page.getByRole("form", { name: "Assess risk factor 7" });
    await form.getByLabel("Level").selectOption("severe");
    await form.getByLabel("Trend").selectOption("worsening");
    await form.getByLabel("Confidence").selectOption("medium");
    await form
      .getByLabel("Assessment")
      .fill("Militia mobilisation and hate speech against displaced communities.");
    await form
      .getByLabel("Evidence link (URL)")
      .fill("https://www.ohchr.org/en/hr-bodies/hrc/iici-syria/independent-international-commission");
    await form.getByRole("button", { name: "Save assessment" }).click();
    await expect.poll(() => page.getByText("— Severe").count()).toBe(1);
    // Saving is announced beside the form (a status region), not only seen in the list above.
    expect(await form.getByRole("status").textContent()).toBe("Saved.");
    // A refused link is explained beside the form, by the field's label.
    await form.getByLabel("Evidence link (URL)").fill("ftp://example.org/report.pdf");
    await form.getByRole("button", { name: "Save assessment" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toContain("Evidence link (URL)");
    // A second link joins the first.
    await form.getByLabel("Evidence link label").fill("HRW report");
    await form.getByLabel("Evidence link (URL)").fill("https://www.hrw.org/middle-east/n-africa/syria");
    await form.getByRole("button", { name: "Save assessment" }).click();
    await expect.poll(() => page.getByRole("link", { name: "HRW report" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: /independent-international-commission/ }).count()).toBe(1);

    const recommend = page.getByRole("form", { name: "New recommendation" });
    for (const text of [
      "Allow cross-border humanitarian access through all crossings",
      "Release arbitrarily detained persons",
    ]) {
      await recommend.getByLabel("Recommendation").fill(text);
      await recommend.getByLabel("To").fill("Government of the Syrian Arab Republic");
      await recommend.getByLabel("From").fill("Office of the Special Envoy");
      await recommend.getByRole("button", { name: "Add recommendation" }).click();
      await expect.poll(() => page.getByText(text).count()).toBe(1);
    }
    await page
      .getByRole("textbox", { name: "Findings" })
      .fill("Risk of atrocity crimes is high and rising in the north-west.");
    await page.getByRole("button", { name: "Save findings" }).click();
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect.poll(() => status.textContent()).toBe("In review");
    await expect.poll(() => status.evaluate((element) => element === document.activeElement)).toBe(true);
    const reviewUrl = page.url();
    await page.close();

    const adopter = await signInAs(desk);
    await adopter.goto(reviewUrl);
    await adopter.getByRole("button", { name: "Adopt" }).click();
    await expect.poll(() => adopter.getByTestId("review-status").textContent()).toBe("Adopted");
    expect(await adopter.getByRole("button", { name: "Save findings" }).count()).toBe(0);
    // A desk officer adopts but does not write reviews: the controls the server would refuse are left out.
    expect(await adopter.getByRole("button", { name: "Supported" }).count()).toBe(0);
    expect(await accessibilityViolations(adopter)).toEqual([]);
    await adopter.screenshot({ path: `${shots}/review-adopted.png`, fullPage: true });

    // The brief is kept as a file too, named after its country and language.
    const [download] = await Promise.all([
      adopter.waitForEvent("download"),
      adopter.getByRole("link", { name: "Download the brief (HTML)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("review-SYR-en.html");
    expect(readFileSync((await download.path()) ?? "", "utf8")).toContain(
      "Release arbitrarily detained persons",
    );
    const brief = await adopter.request.get(
      `${reviewUrl.replace("/reviews/", "/api/reviews/")}/export?format=html`,
    );
    expect(brief.status()).toBe(200);
    const html = await brief.text();
    expect(html).toContain("Release arbitrarily detained persons");
    expect(html).toMatch(/adopted \d{4}-\d{2}-\d{2} by Test desk_officer/);
    await adopter.goto(brief.url());
    expect(await accessibilityViolations(adopter)).toEqual([]);
    await adopter.goBack();
    await adopter.getByRole("navigation").getByRole("link", { name: "Reviews" }).click();
    await expect.poll(() => adopter.getByRole("heading", { level: 1 }).textContent()).toBe("Reviews");
    expect(await adopter.getByRole("button", { name: "Open review" }).count()).toBe(0);
    // Instead of the form, the page says who opens and writes reviews, so the list's emptiness is explained.
    expect(await adopter.getByText(/analysts and administrators open and write reviews/).count()).toBe(1);
    // On a phone the list of reviews scrolls in its own box, not the whole page, even in French's longer words.
    await buildCountries(handle.db, [{ iso3: "CAF", name: "Central African Republic", iso2: "CF" }]);
    await createReview(
      contextFor(handle.db, analyst, () => clock),
      { iso3: "CAF", title: "Central African Republic: Cycle 2026" },
      { minCellCount: 5 },
    );
    await adopter.evaluate(() => localStorage.setItem("continuum.language", "fr"));
    await adopter.setViewportSize({ width: 390, height: 844 });
    await adopter.reload();
    await expect.poll(() => adopter.getByRole("heading", { level: 1 }).textContent()).toBe("Examens");
    expect(await adopter.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await adopter.evaluate(() => localStorage.setItem("continuum.language", "en"));
    await adopter.close();

    // The next review follows the recommendations up and shows what it recorded.
    const next = await signInAs(analyst);
    await next.getByRole("navigation").getByRole("link", { name: "Reviews" }).click();
    await next.getByRole("combobox", { name: "Country", exact: true }).selectOption("SYR");
    await next.getByRole("button", { name: "Open review" }).click();
    await expect.poll(() => next.getByTestId("review-status").textContent()).toBe("Draft");
    const followUp = next.locator("form", { hasText: "Release arbitrarily detained persons" });
    await followUp.getByLabel("Implementation").selectOption("partial");
    await followUp.getByLabel("Note").fill("Some detainees released in March.");
    await followUp.getByRole("button", { name: "Record follow-up" }).click();
    await expect
      .poll(() => followUp.getByTestId("follow-up-recorded").textContent())
      .toMatch(/Recorded in this review: Partial \(\d{4}-\d{2}-\d{2}\)\. Some detainees released in March\./);
    expect(await followUp.getByRole("button", { name: "Change follow-up" }).count()).toBe(1);
    const nextUrl = next.url();
    await next.close();
    // The desk officer who will adopt the next review reads what it found, though they may not change it.
    const reader = await signInAs(desk);
    await reader.goto(nextUrl);
    await expect
      .poll(() => reader.getByTestId("follow-up-recorded").first().textContent())
      .toMatch(/Release arbitrarily detained persons.*Partial.*Some detainees released in March\./);
    // Parts not written yet say so to a reader, rather than leave a bare heading.
    expect(await reader.getByText("No findings written.").count()).toBe(1);
    expect(await reader.getByText("No recommendations.").count()).toBe(1);
    await reader.close();
  });

  it("offers the follow-up only on the organisation's own recommendations, showing a partner's as context", async () => {
    const evidence = { minCellCount: 5 };
    const writer = contextFor(handle.db, analyst, () => clock);
    const published = await createReview(
      writer,
      { iso3: "MLI", title: "Mali, public review", clearance: "public" },
      evidence,
    );
    await assessRiskFactor(writer, published.id, "1", { level: "low", confidence: "low" });
    const text = "Open humanitarian corridors around Ménaka";
    await addRecommendation(writer, published.id, {
      body: text,
      addressedTo: "Parties",
      recommendedBy: "UN",
    });
    await changeReviewStatus(writer, published.id, { to: "in_review" }, evidence);
    await changeReviewStatus(
      contextFor(handle.db, desk, () => clock),
      published.id,
      { to: "adopted" },
      evidence,
    );

    const page = await signInAs(partner);
    await page.getByRole("navigation").getByRole("link", { name: "Reviews" }).click();
    await page.getByRole("combobox", { name: "Country", exact: true }).selectOption("MLI");
    await page.getByRole("button", { name: "Open review" }).click();
    await expect.poll(() => page.getByTestId("review-status").textContent()).toBe("Draft");
    // The other organisation follows it up in its own reviews: here it is context, without a form.
    await expect
      .poll(() => page.locator("p", { hasText: text }).textContent())
      .toContain("another organisation's recommendation");
    expect(await page.locator("form", { hasText: text }).count()).toBe(0);
    await page.close();
  });

  it("writes a scenario and its contingency plan on the country page and shares the scenario with a partner", async () => {
    const page = await signInAs(analyst);
    await page.goto(`${url}/countries/SYR`);
    await page.getByText("Write a scenario").click();
    await page.getByLabel("Title").last().fill("Offensive on Idlib");
    await page.getByLabel("Narrative").fill("Government offensive displaces civilians towards the border.");
    await page.getByRole("button", { name: "Save scenario" }).click();
    const scenario = page.getByTestId("scenario");
    await expect.poll(() => scenario.count()).toBe(1);
    await scenario.getByText("Write a contingency plan").click();
    const planForm = scenario.getByRole("form", { name: "Write a contingency plan" });
    await planForm.getByLabel("Title").fill("Cross-border aid surge");
    await planForm.getByLabel(/^Actions/).fill("Pre-position supplies | OCHA | 2 weeks");
    await planForm.getByRole("button", { name: "Save plan" }).click();
    await expect
      .poll(() => scenario.getByTestId("plan").textContent())
      .toMatch(/Pre-position supplies — OCHA \(2 weeks\)/);
    expect(await scenario.locator("p", { hasText: "Not shared beyond its organisation." }).count()).toBe(2);
    await scenario.getByText("Share with other organisations").first().click();
    await scenario.getByLabel(partnerName).first().check();
    await scenario.getByRole("button", { name: "Save sharing" }).first().click();
    await expect.poll(() => scenario.getByText(`Shared with: ${partnerName}`).count()).toBe(1);
    await page.close();

    // The partner reads the shared scenario on its own country page; the plan was not shared.
    const theirs = await signInAs(partner);
    await theirs.goto(`${url}/countries/SYR`);
    await expect.poll(() => theirs.getByTestId("scenario").textContent()).toMatch(/Offensive on Idlib/);
    expect(await theirs.getByTestId("plan").count()).toBe(0);
    expect(await theirs.getByText("Share with other organisations").count()).toBe(0);
    await theirs.close();
  });

  it("keeps the framework version an adopted review used, and saves the edit as a new version", async () => {
    const page = await signInAs(admin);
    await page.goto(`${url}/reviews/frameworks`);
    await page.getByText("14. Serious threats to humanitarian or peacekeeping operations").click();
    const guidance = page.getByLabel("Guidance").last();
    await guidance.fill("Consult the UN Department of Safety and Security incident records.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/new version/);
    await page.getByLabel("New version").fill("2014-r1");
    await page.getByRole("button", { name: "Save as new version" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Saved.");
    await expect
      .poll(() => page.getByRole("combobox", { name: "Framework" }).textContent())
      .toMatch(/2014-r1/);
    await page.close();
  });

  it("lets an administrator add a rule and assign a desk, and shows others the rules without the forms", async () => {
    const page = await signInAs(admin);
    await page.goto(`${url}/alerts/setup`);
    const rules = page.getByRole("region", { name: "Alert rules" }).first();
    await expect
      .poll(() => rules.textContent())
      .toContain("Probability of 25 or more deaths at 50% or more within 3 months");
    await page.getByLabel("Name").fill("Any violence very likely");
    await page.getByLabel("Measure").selectOption("p_gt0");
    await page.getByLabel("Probability at or above (%)").fill("90");
    await page.getByRole("button", { name: "Add rule" }).click();
    const added = rules.getByRole("row").filter({ hasText: "Any violence very likely" });
    await expect
      .poll(() => added.textContent())
      .toContain("Probability of any fatal violence at 90% or more within 3 months");
    const on = page.getByLabel("Rule “Any violence very likely” on");
    // The box shows the stored state: it turns off once the server has saved the change.
    await on.click();
    await expect.poll(() => on.isChecked()).toBe(false);

    const desks = page.getByRole("region", { name: "Desks" }).first();
    await expect.poll(() => desks.textContent()).toContain("Test desk_officer");
    await desks.locator("select[name=iso3]").selectOption("SYR");
    // An organisation with someone who may decide alerts (the partner's has only an analyst).
    await desks.locator("select[name=orgId]").selectOption({ label: deskOrgName });
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    await expect.poll(() => desks.getByRole("row").count()).toBe(3);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/alert-setup.png`, fullPage: true });
    await page.close();

    const officer = await signInAs(desk);
    // The setup page's parts by name lead to it; a word that names no record is a page that does not exist.
    await officer.goto(`${url}/alerts/rules`);
    await expect.poll(() => new URL(officer.url()).pathname).toBe("/alerts/setup");
    for (const address of ["/alerts/not-an-alert", "/reviews/not-a-review", "/reports/not-a-report"]) {
      await officer.goto(`${url}${address}`);
      await expect
        .poll(() => officer.getByRole("heading", { level: 1 }).textContent(), { message: address })
        .toBe("There is no page at this address.");
    }
    await officer.goto(`${url}/alerts/setup`);
    await expect
      .poll(() => officer.getByRole("region", { name: "Alert rules" }).first().textContent())
      .toContain("Any violence very likely");
    expect(await officer.getByRole("button", { name: "Add rule" }).count()).toBe(0);
    expect(await officer.getByRole("button", { name: "Assign", exact: true }).count()).toBe(0);
    expect(await officer.getByRole("button", { name: "Evaluate the rules now" }).count()).toBe(1);
    await officer.close();
  });
  it("opens the review schedule on the cycle running today, not on one planned for later", async () => {
    // The page reads the browser's own date: the cycles are placed around it.
    const today = new Date();
    const monthStart = (yearsAhead: number) =>
      `${today.getUTCFullYear() + yearsAhead}-${String(today.getUTCMonth() + 1).padStart(2, "0")}-01`;
    const ctx = contextFor(handle.db, admin, () => clock);
    const running = await createReviewCycle(ctx, {
      name: "Running cycle",
      startsOn: monthStart(0),
      lengthMonths: 12,
    });
    await createReviewCycle(ctx, { name: "Planned cycle", startsOn: monthStart(5), lengthMonths: 12 });
    const page = await signInAs(analyst);
    await page.getByRole("navigation").getByRole("link", { name: "Reviews" }).click();
    const schedule = page
      .getByRole("region", { name: "Review cycles" })
      .getByRole("combobox", { name: "Cycle" });
    await expect.poll(() => schedule.inputValue()).toBe(running.id);
    await page.close();
  });

  it("tells a French reader on a phone where an overdue alert went, in French, without widening the page", async () => {
    const ctx = contextFor(handle.db, desk, () => clock);
    const { alert } = await raiseAlert(ctx, {
      iso3: "MLI",
      severity: "critical",
      summary: "Mouvements de milices près de Mopti",
    });
    later(26);
    await escalateOverdueAlerts({ ...ctx, via: "system" }, { now: clock });
    const page = await signInAs(desk);
    await page.evaluate(() => localStorage.setItem("continuum.language", "fr"));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}/alerts/${alert.id}`);
    // French sets a space before the colon, in the alert's heading too.
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("MLI\u00a0: Mouvements de milices près de Mopti");
    const escalation = page.getByRole("list").filter({ hasText: "Remontée" });
    await expect
      .poll(() => escalation.textContent())
      .toContain("(niveau 1) : transmise aux administrateurs de l’organisation.");
    expect(await escalation.textContent()).not.toContain("Overdue since");
    // The alerts' own links wrap on a narrow screen in French rather than push the page sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/alert-escalated-fr-phone.png`, fullPage: true });
    await page.close();
  });
});
