import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliOn, runCli, SLOW_CLI_MS } from "../support/cli.ts";
import { tempDir } from "../support/temp-dir.ts";

/** The CLI on its own embedded data directory with the bundled data, as a new user would run it. */
const dir = tempDir("audit-cli");
const dataDir = join(dir, "data");
const cli = cliOn(dataDir);
const env = {
  CONTINUUM_ADMIN_EMAIL: "chief@example.org",
  CONTINUUM_ADMIN_PASSWORD: "a long admin passphrase",
};

describe("continuum alerts / reviews / frameworks CLI", () => {
  it("initialises with the bundled data and the default framework", { timeout: 900_000 }, () => {
    const init = runCli(["--data-dir", dataDir, "init"], { ...env, DATABASE_URL: "" }, SLOW_CLI_MS);
    expect(init.status, init.stderr).toBe(0);
    const frameworks = JSON.parse(cli("--json", "frameworks", "list").stdout);
    expect(frameworks).toEqual([
      expect.objectContaining({ slug: "un-atrocity-crimes", factorCount: 14, isDefault: true }),
    ]);
  });

  it("raises, lists with the fields scripts rely on, merges duplicates and escalates", () => {
    expect(
      cli("alerts", "desks", "set", "*", "--org", "continuum", "--person", "chief@example.org").status,
    ).toBe(0);
    const raised = cli(
      "--json",
      "alerts",
      "raise",
      "--iso3",
      "CAF",
      "--severity",
      "critical",
      "--summary",
      "Attacks on displacement sites",
      "--cause",
      "site_attacks",
    );
    expect(raised.status, raised.stderr).toBe(0);
    expect(
      cli(
        "alerts",
        "raise",
        "--iso3",
        "CAF",
        "--severity",
        "high",
        "--summary",
        "More attacks",
        "--cause",
        "site_attacks",
      ).stdout,
    ).toMatch(/Merged into/);
    const list = JSON.parse(cli("--json", "alerts", "list").stdout);
    expect(list).toHaveLength(1);
    for (const key of ["iso3", "severity", "status", "owner", "deadline"])
      expect(list[0]).toHaveProperty(key);
    expect(list[0]).toMatchObject({ iso3: "CAF", severity: "critical", status: "new", occurrences: 2 });
    expect(list[0].owner.email).toBe("chief@example.org");
    expect(JSON.parse(cli("--json", "alerts", "list", "--overdue").stdout)).toEqual([]);
    const escalate = cli("alerts", "escalate");
    expect(escalate.status).toBe(0);
    expect(escalate.stdout).toMatch(/0 alerts escalated/);
    expect(cli("alerts", "acknowledge", list[0].id).stdout).toMatch(/acknowledged/);
    expect(cli("alerts", "close", list[0].id).status).toBe(2);
  });

  it("refuses an invalid rule naming the field (exit 2)", () => {
    const file = join(dir, "rule.json");
    writeFileSync(
      file,
      JSON.stringify({
        name: "Bad",
        severity: "high",
        definition: { kind: "fatalities_above_range", lookbackMonths: 1 },
      }),
    );
    const result = cli("alerts", "rules", "add", file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/definition\.lookbackMonths/);
    writeFileSync(file, "{ not json");
    const garbled = cli("alerts", "rules", "add", file);
    expect([garbled.status, garbled.stderr]).toEqual([2, expect.stringMatching(/rule\.json is not JSON/)]);
    expect(cli("alerts", "rules", "add", join(dir, "missing.json")).status).toBe(3);
  });

  it("opens a review on the bundled data and exports a printable brief", () => {
    const created = cli("--json", "review", "create", "--iso3", "SYR");
    expect(created.status, created.stderr).toBe(0);
    const review = JSON.parse(created.stdout);
    expect(review.evidence.window.to).toBe("2019-12");
    expect(review.evidence.totals.fatalities).toBeGreaterThan(1000);
    expect(review.evidence.conflicts.length).toBeGreaterThan(0);
    expect(
      cli(
        "review",
        "assess",
        review.id,
        "1",
        "--level",
        "severe",
        "--confidence",
        "high",
        "--trend",
        "stable",
      ).status,
    ).toBe(0);
    const out = join(dir, "brief.html");
    expect(cli("review", "export", review.id, "--format", "html", "--out", out).status).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("Situations of armed conflict or other forms of instability");
    expect(html).toContain("@media print");
  });
});
