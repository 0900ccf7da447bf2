import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cliOn, runCli } from "../support/cli.ts";
import { tempDir } from "../support/temp-dir.ts";

/**
 * The CLI on its own embedded data directory, as an operator would run it: init (bundled data), a report,
 * a Kobo form drafted from the bundled XLSForm and its export imported, the queue, triage, reveal, and a
 * rotation of the development key after which the reporter can still be revealed.
 */
const dir = tempDir("voices-cli");
const cli = cliOn(dir, { CONTINUUM_VOICES_KEY: "" });
const json = <T>(...args: string[]): T => {
  const result = cli("--json", ...args);
  if (result.status !== 0) throw new Error(`${args.join(" ")}: ${result.status} ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
};

beforeAll(() => {
  const init = cli("init");
  if (init.status !== 0) throw new Error(init.stderr);
}, 300_000);

describe("continuum voices (CLI)", () => {
  it("submits, imports, lists, triages, reveals and rotates the key", () => {
    const submitted = json<{ receipt: string; id: string }>(
      "voices",
      "submit",
      "--category",
      "armed_violence",
      "--description",
      "Shooting near the market in Bambari",
      "--place",
      "Bambari",
    );
    expect(submitted.receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(json<{ status: string }>("voices", "status", submitted.receipt.toLowerCase()).status).toBe("new");

    const draft = cli(
      "voices",
      "forms",
      "draft",
      "--id",
      "reach_irq_water",
      "--survey",
      "data/bundled/voices/kobo_reach_irq_water_survey_xlsform_survey.csv",
      "--choices",
      "data/bundled/voices/kobo_reach_irq_water_survey_xlsform_choices.csv",
      "--iso3",
      "IRQ",
      "--category",
      "services",
      "--save",
    );
    expect(draft.status).toBe(0);
    const imported = json<{ created: number }>(
      "voices",
      "import-kobo",
      "docs/examples/voices/reach-irq-water-submissions.csv",
      "--form",
      "reach_irq_water",
    );
    expect(imported.created).toBe(3);
    expect(
      cli(
        "voices",
        "import-kobo",
        "docs/examples/voices/reach-irq-water-submissions.csv",
        "--form",
        "no_such_form",
      ).status,
    ).toBe(3);

    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "#,INCIDENT TITLE\n1,x\n");
    const refused = cli("voices", "import-ushahidi", bad);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("not an Ushahidi export");
    // A file's shape is refused naming the file, as its rows are.
    const ragged = join(dir, "ragged.csv");
    writeFileSync(ragged, "_uuid,date_assessment\nabc,2026-01-01\nabc\n");
    const shapeless = cli("voices", "import-kobo", ragged, "--form", "reach_irq_water");
    expect(shapeless.stderr).toMatch(/ragged\.csv: Line 3 has 1 cells where the header has 2/);

    const queue = json<{ id: string; channel: string; place: string }[]>("voices", "list");
    expect(queue.map((r) => r.channel).sort()).toEqual(["api", "kobo", "kobo", "kobo"]);
    expect(queue.find((r) => r.channel === "api")?.place).toBe("Bambari region");
    // A page of the queue: its reports in the same order, and which of them the page holds.
    const second = cli("voices", "list", "--limit", "2", "--offset", "1");
    expect(second.stdout).toContain(queue[1]?.id);
    expect(second.stdout).toContain(queue[2]?.id);
    expect(second.stdout).not.toContain(queue[0]?.id);
    expect(second.stderr).toContain("2–3 of 4 reports");
    expect(cli("voices", "list", "--offset", "-1").stderr).toContain('--offset must be at least 0, got "-1"');

    const kobo = queue.find((r) => r.channel === "kobo") as { id: string };
    expect(
      json<{ status: string }>("voices", "triage", kobo.id, "--status", "verified", "--note", "checked")
        .status,
    ).toBe("verified");
    // One verified report in the month: the surge rule's count covers every organisation, so under k it is withheld.
    const { date } = json<{ date: string }>("voices", "show", kobo.id);
    const surge = json<{ count: number | null; baseline: number | null }>(
      "voices",
      "surge",
      "--iso3",
      "IRQ",
      "--month",
      date.slice(0, 7),
    );
    expect(surge).toMatchObject({ count: null, baseline: null });
    expect(cli("voices", "surge", "--iso3", "IRQ", "--month", "2026-13").stderr).toMatch(
      /--month: a month as YYYY-MM/,
    );
    const phones = queue
      .filter((r) => r.channel === "kobo")
      .map(
        (r) =>
          json<{ contact: { phone: string | null } }>("voices", "reveal", r.id, "--reason", "follow-up")
            .contact.phone,
      );
    expect(phones.sort()).toEqual(["07700000101", "07700000103", null]);

    const keyBefore = readFileSync(join(dir, "voices.key"), "utf8");
    const rotated = json<{ rewrapped: number }>("voices", "rotate-key");
    expect(rotated.rewrapped).toBe(4);
    expect(readFileSync(join(dir, "voices.key"), "utf8")).not.toBe(keyBefore);
    expect(
      json<{ contact: { phone: string | null } }>("voices", "reveal", kobo.id, "--reason", "after rotation")
        .contact.phone,
    ).toMatch(/^0770/);

    // A process with another key (a second server on the same database) is refused before it seals anything.
    const otherKey = runCli(["--data-dir", dir, "voices", "list"], {
      DATABASE_URL: "",
      CONTINUUM_VOICES_KEY: randomBytes(32).toString("base64"),
    });
    expect(otherKey.status).toBe(5);
    expect(otherKey.stderr).toMatch(/sealed with master key \w+, which this process does not hold/);

    const audit = json<{ action: string }[]>("audit", "list", "--action", "voices.reveal");
    expect(audit).toHaveLength(4);

    // Another organisation reads a public report as the API shows it: coarsened, without the triage.
    json("voices", "triage", kobo.id, "--clearance", "public");
    expect(cli("org", "add", "donorfund", "Donor Fund", "--kind", "donor").status).toBe(0);
    const donor = ["--as", "donor@example.org"];
    expect(cli("user", "add", "donor@example.org", "--org", "donorfund", "--role", "donor").status).toBe(0);
    const shown = json<Record<string, unknown>>(...donor, "voices", "show", kobo.id);
    expect(shown).toMatchObject({ coarsened: true, place: null, adm2: null, hasContact: false, notes: [] });
    const listed = json<{ id: string; place: string | null }[]>(...donor, "voices", "list");
    expect(listed.map((r) => r.id)).toEqual([kobo.id]);
    // The commands check what the API checks: a donor neither raises a surge alert, rebuilds the gazetteer,
    // escalates alerts nor sends the instance's e-mail.
    for (const command of [
      ["voices", "surge", "--iso3", "CAF", "--month", "2026-01"],
      ["voices", "gazetteer"],
      ["alerts", "escalate"],
      ["notifications", "send"],
    ])
      expect(cli(...donor, ...command).status, command.join(" ")).toBe(4);

    // A monitor entering a report they took down files it with their own organisation, under their name.
    expect(cli("org", "add", "voicenet", "Voice Network", "--kind", "civil_society").status).toBe(0);
    const monitor = ["--as", "monitor@example.org"];
    expect(
      cli("user", "add", "monitor@example.org", "--org", "voicenet", "--role", "field_monitor").status,
    ).toBe(0);
    const entered = cli(
      ...monitor,
      "voices",
      "submit",
      "--category",
      "armed_violence",
      "--description",
      "Checkpoint on the Bria road",
      "--place",
      "Bria",
    );
    expect(entered.stdout).toMatch(/received by the organisation of monitor@example\.org/);
    const id = /report ([0-9a-f-]{36})/.exec(entered.stdout)?.[1] ?? "";
    expect(json<{ id: string }>(...monitor, "voices", "show", id).id).toBe(id);
    const submissions = json<{ actor: string; entityId: string }[]>(
      "audit",
      "list",
      "--action",
      "voices.submit",
    );
    expect(submissions.find((entry) => entry.entityId === id)?.actor).toMatch(/^monitor@example\.org/);
    // Each command opens the embedded database anew (a few seconds on a busy 2-core machine).
  }, 240_000);
});
