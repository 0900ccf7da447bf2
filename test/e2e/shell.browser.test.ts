import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { insertApiToken } from "../../src/repositories/credentials.repository.ts";
import { upsertMembership } from "../../src/repositories/users.repository.ts";
import { digest } from "../../src/services/auth/secrets.ts";
import { accessibilityViolations } from "../support/accessibility.ts";
import { launchBrowser, signInOnPage, startServer } from "../support/browser.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, type TestUser } from "../support/factories.ts";

let handle: DatabaseHandle;
let server: { app: App; url: string };
let browser: Browser;
let admin: TestUser;
let viewer: TestUser;
const shots = "test-results/screenshots";

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  handle = await createTestDatabase();
  const org = await buildOrganisation(handle.db, "un_entity");
  admin = await buildUser(handle.db, org.id, "administrator", "confidential");
  viewer = await buildUser(handle.db, org.id, "viewer", "public");
  server = await startServer(handle);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await handle?.close();
});

describe("web shell in Chromium", () => {
  it("serves the page for the app's own paths, and a missing asset or API path as not found", async () => {
    const get = (path: string) => fetch(`${server.url}${path}`);
    const page = await get("/countries/SYR");
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const script = (await page.text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect((await get(script ?? "/assets/none")).headers.get("content-type")).toMatch(/javascript/);
    // A browser given the page for a script it asked for would stop with a type error instead of a plain 404.
    for (const path of ["/assets/gone-1234.js", "/api/nowhere"])
      expect((await get(path)).status, path).toBe(404);
  });

  it("opens in the browser's language the first time, Arabic right to left", async () => {
    const context = await browser.newContext({ locale: "ar-EG" });
    const page = await context.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    await page.getByRole("button", { name: "تسجيل الدخول" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it("leaves a way back from an alert or review the reader may not see", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await signInOnPage(page, viewer);
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    const unknown = "00000000-0000-4000-8000-000000000000";
    await page.goto(`${server.url}/alerts/${unknown}`);
    await page.getByRole("alert").filter({ hasText: "Alert was not found." }).waitFor();
    await page.getByRole("main").getByRole("link", { name: "Inbox" }).click();
    await page.getByRole("heading", { level: 1, name: "Alerts" }).waitFor();
    await page.goto(`${server.url}/reviews/${unknown}`);
    await page.getByRole("alert").filter({ hasText: "Review was not found." }).waitFor();
    await page.getByRole("main").getByRole("link", { name: "Reviews" }).click();
    await page.getByRole("heading", { level: 1, name: "Reviews" }).waitFor();
    await context.close();
  });

  it("writes dates in the browser's own variant of the language, and filters by day, in UTC", async () => {
    const context = await browser.newContext({ locale: "en-GB", timezoneId: "America/Los_Angeles" });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin`);
    await signInOnPage(page, admin);
    const firstEntry = page.locator("#audit-log tbody time").first();
    await firstEntry.waitFor();
    // British order (24 Nov 2026, 15:04), not the American one (Nov 24, 2026, 3:04 PM).
    expect(await firstEntry.textContent()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/);
    // The day filters are UTC days too, whatever the browser's time zone: today's sign-in is found.
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel("From (UTC)").fill(today);
    await page.getByLabel("To (UTC)").fill(today);
    await expect.poll(() => page.getByRole("cell", { name: "auth.sign_in" }).count()).toBeGreaterThan(0);
    // A range that ends before it starts is refused, naming the field by its label.
    await page.getByLabel("To (UTC)").fill("2000-01-01");
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("To (UTC): must not be before since");
    await context.close();
  });

  it("changes a person's role only when the administrator says so, not at each step through the list", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin`);
    await signInOnPage(page, admin);
    const membership = page.getByRole("form", { name: new RegExp(`^${viewer.email}`) });
    const role = membership.getByRole("combobox", { name: /^Role/ });
    await role.focus();
    for (let step = 0; step < 3; step++) await page.keyboard.press("ArrowUp");
    const stored = async () =>
      (
        await handle.db
          .selectFrom("memberships")
          .select("role")
          .where("user_id", "=", viewer.userId)
          .executeTakeFirstOrThrow()
      ).role;
    expect(await stored()).toBe("viewer");
    await role.selectOption("analyst");
    await membership.getByRole("button", { name: "Change" }).click();
    await expect.poll(stored).toBe("analyst");
    await page.close();
  });

  it("shows the administrator who has not yet chosen their own password", async () => {
    const held = (value: boolean) =>
      handle.db
        .updateTable("users")
        .set({ must_change_password: value })
        .where("id", "=", viewer.userId)
        .execute();
    await held(true);
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin`);
    await signInOnPage(page, admin);
    const people = page
      .getByRole("table")
      .filter({ has: page.getByRole("columnheader", { name: "Memberships" }) });
    const note = people.getByText("Has not yet chosen their own password");
    await expect.poll(() => note.count()).toBe(1);
    const heldRow = people.getByRole("row").filter({ hasText: "Has not yet chosen their own password" });
    expect(await heldRow.textContent()).toContain(viewer.email);
    await page.close();
    await held(false);
  });

  it("lets an administrator revoke a member's API token from the Admin page, stopping it at once", async () => {
    const record = await insertApiToken(handle.db, {
      tokenHash: digest("ctk_browser-test-token"),
      prefix: "ctk_browse",
      name: "nightly import",
      userId: viewer.userId,
      orgId: viewer.orgId,
      expiresAt: null,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${server.url}/admin`);
    await signInOnPage(page, admin);
    const revoke = page.getByRole("button", { name: `Revoke the token nightly import of ${viewer.email}` });
    await revoke.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await revoke.click();
    await page.getByRole("status").filter({ hasText: "Token revoked" }).waitFor();
    const revokedAt = await handle.db
      .selectFrom("api_tokens")
      .select("revoked_at")
      .where("id", "=", record.id)
      .executeTakeFirstOrThrow();
    expect(revokedAt.revoked_at).not.toBeNull();
    await page.close();
  });

  it("lets a person in two organisations choose, on the Account page, which one they act for", async () => {
    const first = await buildOrganisation(handle.db, "regional_organisation");
    const second = await buildOrganisation(handle.db, "civil_society");
    const person = await buildUser(handle.db, first.id, "analyst", "restricted");
    await upsertMembership(handle.db, {
      userId: person.userId,
      orgId: second.id,
      role: "viewer",
      clearance: "public",
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${server.url}/account`);
    await signInOnPage(page, person);
    const form = page.getByRole("form", { name: "Acting for" });
    await form.getByRole("combobox", { name: "Acting for" }).selectOption({ label: second.name });
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Act for this organisation" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("banner")
          .getByRole("link", { name: new RegExp(second.name) })
          .count(),
      )
      .toBe(1);
    const session = await handle.db
      .selectFrom("sessions")
      .select("org_id")
      .where("user_id", "=", person.userId);
    expect((await session.executeTakeFirstOrThrow()).org_id).toBe(second.id);
    await page.close();
  });

  it("signs in, opens the overview, switches to French, reaches the audit log by keyboard, and signs out", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(server.url);
    await signInOnPage(page, admin);

    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Overview");
    await expect.poll(() => page.title()).toBe("Overview · Continuum");
    // The sign-in form that had the focus is gone: the page it opened takes the focus to its content.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    expect(
      await page
        .getByRole("group", { name: /^World map of recorded fatalities/ })
        .locator("path.country")
        .count(),
    ).toBeGreaterThan(150);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/overview.png` });

    await page.getByRole("navigation").getByRole("link", { name: "Admin" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("heading", { name: "Audit log" }).isVisible()).toBe(true);
    // A new page takes the focus to its content, as a page load would.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    // The heading renders before the log has loaded: wait for the rows.
    await expect.poll(() => page.getByRole("cell", { name: "auth.sign_in" }).count()).toBeGreaterThan(0);
    const filters = page.getByRole("form", { name: "Filter the audit log" });
    await filters.getByLabel("Via").selectOption("cli");
    await expect.poll(() => page.getByText("0 entries shown.").isVisible()).toBe(true);
    await filters.getByRole("button", { name: "Clear filters" }).click();
    await filters.getByLabel("Action").selectOption("auth.sign_in");
    const actions = page.locator("#audit-log tbody td:nth-child(4)");
    await expect.poll(() => actions.allTextContents()).toContain("auth.sign_in");
    expect(new Set(await actions.allTextContents())).toEqual(new Set(["auth.sign_in"]));
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("combobox").first().selectOption("fr");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Administration");
    await expect.poll(() => page.title()).toBe("Administration · Continuum");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("fr");
    // Notifications to this person are now written in French.
    const language = async () =>
      (await (await page.request.get(`${server.url}/api/auth/me`)).json()).language;
    await expect.poll(language).toBe("fr");
    await page.getByRole("combobox").first().selectOption("en");
    await expect.poll(language).toBe("en");

    // An address with no page says so, instead of jumping to the overview.
    for (const address of ["/analyses/not-a-page", "/alerts/x/y", "/reviews/x/y", "/warning/not-a-page"]) {
      await page.goto(`${server.url}${address}`);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).last().textContent())
        .toBe("There is no page at this address.");
    }
    await page.getByRole("link", { name: "Go to the overview" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Overview");

    // On a phone the navigation folds behind a button; Escape folds it again and returns the focus.
    await page.setViewportSize({ width: 390, height: 844 });
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await page.getByRole("link", { name: "Overview" }).focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Sign in" }).isVisible()).toBe(true);
    expect((await page.request.get(`${server.url}/api/auth/me`)).status()).toBe(401);
  });
});
