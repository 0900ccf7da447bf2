import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * What axe finds against WCAG 2.1 A and AA and its best practices on the page as it stands, one line per
 * element ("rule (impact): selector"); the aim is none. Evaluated through the browser's debugging protocol,
 * which the app's content security policy (no inline scripts) leaves alone.
 */
export const accessibilityViolations = async (page: Page): Promise<string[]> => {
  await page.evaluate(await axeSource);
  const results = await page.evaluate(() =>
    (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    ).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    }),
  );
  return results.violations.flatMap((rule) =>
    rule.nodes.map((node) => `${rule.id} (${rule.impact}): ${node.target.join(" ")}`),
  );
};
