import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { resetPassword } from "../../src/services/users/reset-password.ts";
import { accessibilityViolations } from "../support/accessibility.ts";
import { launchBrowser, signInOnPage, startServer } from "../support/browser.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, contextFor, type TestUser } from "../support/factories.ts";

let handle: DatabaseHandle;
let server: { app: App; url: string };
let browser: Browser;
let person: TestUser;
let platform: TestUser;
const shots = "test-results/screenshots";
const GIVEN = "handed over on paper";
const OWN = "only I know this one";

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  handle = await createTestDatabase();
  const org = await buildOrganisation(handle.db, "un_entity");
  platform = await buildUser(handle.db, org.id, "administrator", "confidential", true);
  person = await buildUser(handle.db, org.id, "analyst");
  await resetPassword(contextFor(handle.db, platform), { email: person.email, newPassword: GIVEN });
  server = await startServer(handle);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await handle?.close();
});

describe("a password set by an administrator, in Chromium", () => {
  it("has the person choose their own before anything else, then opens the page they asked for", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/account`);
    await signInOnPage(page, { email: person.email, password: GIVEN });
    await page.getByRole("heading", { level: 1, name: "Choose your own password" }).waitFor();
    expect(await page.getByRole("navigation").count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/choose-password.png` });

    const fill = async (repeat: string) => {
      await page.getByLabel("Password you were given").fill(GIVEN);
      await page.getByLabel("New password (at least 12 characters)").fill(OWN);
      await page.getByLabel("New password again").fill(repeat);
      await page.getByRole("button", { name: "Save my password and continue" }).click();
    };
    await fill("only I know this 1");
    await page.getByRole("alert").filter({ hasText: "The two new passwords differ" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await fill(OWN);
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    await context.close();
  });

  it("reads right to left in Arabic", async () => {
    await resetPassword(contextFor(handle.db, platform), {
      email: person.email,
      newPassword: GIVEN,
    });
    const context = await browser.newContext({ locale: "ar-EG" });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel("البريد الإلكتروني").fill(person.email);
    await page.getByLabel("كلمة المرور").fill(GIVEN);
    await page.getByRole("button", { name: "تسجيل الدخول" }).click();
    await page.getByRole("heading", { level: 1, name: "اختر كلمة مرور خاصة بك" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/choose-password-ar.png` });
    await context.close();
  });
});
