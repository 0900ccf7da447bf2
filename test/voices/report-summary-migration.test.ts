import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { listMigrations, migrate } from "../../src/db/migrate.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation } from "../support/factories.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ unmigrated: true });
});
afterAll(() => handle.close());

const LAST_WITHOUT_SUMMARY = "0023_cell_forecasts";

const migrateUpTo = async (last: string) => {
  await handle.runScript(
    "CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  for (const { version, script } of listMigrations().filter((m) => m.version <= last))
    await handle.runScript(
      `BEGIN;\n${script}\nINSERT INTO schema_migrations (version) VALUES ('${version}');\nCOMMIT;`,
    );
};

const mapping = {
  description: ["why_worse", "why_no_trust"],
  questions: { why_worse: "Why is it worse?", why_no_trust: "Why not: trust?" },
};

/** A report as a release before summaries stored it: only the columns it had. */
const insertOldReport = async (
  orgId: string,
  report: { channel: string; formId: string | null; description: string; redacted?: boolean },
) => {
  const id = randomUUID();
  await sql`INSERT INTO voices_reports (id, owner_org_id, clearance, receipt_hash, channel, form_id, category,
      description, redacted, incident_date, incident_month, sealed, wrapped_key, key_id)
    VALUES (${id}, ${orgId}, 'restricted', ${id}, ${report.channel}, ${report.formId}, 'other',
      ${report.description}, ${report.redacted ?? false}, '2026-11-02', '2026-11-01', 's', 'w', 'k')`.execute(
    handle.db,
  );
  return id;
};

const summaryOf = async (id: string) =>
  (
    await sql<{ summary: string | null }>`SELECT summary FROM voices_reports WHERE id = ${id}`.execute(
      handle.db,
    )
  ).rows[0]?.summary;

describe("upgrading a database with imported reports", () => {
  it("gives each earlier form submission a summary of its answers, and no other report one", async () => {
    await migrateUpTo(LAST_WITHOUT_SUMMARY);
    const org = await buildOrganisation(handle.db);
    await sql`INSERT INTO voices_forms (id, owner_org_id, title, kind, mapping)
      VALUES ('water', ${org.id}, 'Water', 'kobo', ${JSON.stringify(mapping)}::jsonb)`.execute(handle.db);
    const kobo = await insertOldReport(org.id, {
      channel: "kobo",
      formId: "water",
      description: "Why is it worse?: Pumps damaged\nsince June\nWhy not: trust?: No answer",
    });
    const long = await insertOldReport(org.id, {
      channel: "kobo",
      formId: "water",
      description: `Why is it worse?: ${"word ".repeat(60)}`,
    });
    const redacted = await insertOldReport(org.id, {
      channel: "kobo",
      formId: "water",
      description: "A household reports water cut.",
      redacted: true,
    });
    const web = await insertOldReport(org.id, {
      channel: "web",
      formId: null,
      description: "Why is it worse?: armed men at the pump",
    });
    expect(await migrate(handle)).toContain("0024_voices_report_summary");
    // A line no question heads (the rest of a multi-line answer) is kept whole.
    expect(await summaryOf(kobo)).toBe("Pumps damaged · since June · No answer");
    expect(await summaryOf(long)).toHaveLength(160);
    expect(await summaryOf(long)).toMatch(/word…$/);
    expect(await summaryOf(redacted)).toBeNull();
    expect(await summaryOf(web)).toBeNull();
  });
});
