import { defineConfig } from "vitest/config";

/** CI asks for a JSON report beside the console output, to print its one-line summary. */
const report = process.env.CONTINUUM_TEST_REPORT;

/**
 * `CONTINUUM_TEST_SCOPE=database` keeps the tests that exercise the database engine (unit, service,
 * repository and API tests) and leaves out the browser and CLI tests, whose engine-specific parts
 * those already cover: CI uses it for its second, PostgreSQL, pass.
 */
const databaseScope = process.env.CONTINUUM_TEST_SCOPE === "database";

export default defineConfig({
  test: {
    reporters: report ? ["default", ["json", { outputFile: report }]] : ["default"],
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", ...(databaseScope ? ["test/e2e/**", "**/*.cli.test.ts"] : [])],
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/remove-temp-dirs.ts"],
    testTimeout: 60_000,
    // Browser tests poll the page for what a slow, shared CI machine may take seconds to render.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
