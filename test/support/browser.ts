import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { testApp } from "./api.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with the flags a machine without outside network needs. */
export const launchBrowser = (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM}: install it with \`apt-get install chromium\`.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--enable-unsafe-swiftshader",
    ],
  });
};

/** Serves the app, with the built web app, on a free loopback port; answers its address. */
export const listenOnLoopback = (app: App): Promise<string> => app.listen({ port: 0, host: "127.0.0.1" });

/** The real server on a free loopback port. */
export const startServer = async (handle: DatabaseHandle): Promise<{ app: App; url: string }> => {
  const app = await testApp(handle);
  return { app, url: await listenOnLoopback(app) };
};

/** Fills in and sends the sign-in form the page shows. */
export const signInOnPage = async (page: Page, user: { email: string; password: string }): Promise<void> => {
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
};
