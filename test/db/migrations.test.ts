import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { listMigrations, migrate } from "../../src/db/migrate.ts";
import { appendAudit } from "../../src/repositories/audit-log.repository.ts";
import { findDataset, upsertDataset } from "../../src/repositories/data/datasets.repository.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation } from "../support/factories.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ unmigrated: true });
});
afterAll(() => handle.close());

/** A database as a release that stopped at `last` left it. */
const migrateUpTo = async (last: string) => {
  await handle.runScript(
    "CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  for (const { version, script } of listMigrations().filter((m) => m.version <= last))
    await handle.runScript(
      `BEGIN;\n${script}\nINSERT INTO schema_migrations (version) VALUES ('${version}');\nCOMMIT;`,
    );
};

const dataset = (id: string) => ({
  id,
  kind: "views-cm",
  title: id,
  version: "v1",
  licence: "",
  licenceUrl: null,
  citation: "",
  source: "file.csv",
  fileName: "file.csv",
  fileSha256: "0".repeat(64),
  ownerOrgId: null,
  importedBy: "analyst@ecowas.int",
  rowCount: 1,
  skippedCount: 0,
  spanStart: "2020-01-01",
  spanEnd: "2020-01-01",
  coverage: null,
});

describe("upgrading a database", () => {
  it("gives datasets created before owners existed back to the organisation that imported them", async () => {
    await migrateUpTo("0021_recommendation_follow_ups");
    const org = await buildOrganisation(handle.db);
    for (const id of ["ecowas-cm", "views-cm"]) {
      await upsertDataset(handle.db, dataset(id));
      await appendAudit(handle.db, {
        actor: "analyst@ecowas.int",
        actorUserId: null,
        orgId: org.id,
        via: "cli",
        action: "dataset.import",
        entityType: "dataset",
        entityId: id,
      });
    }
    expect(await migrate(handle)).toContain("0022_dataset_owner_backfill");
    expect((await findDataset(handle.db, "ecowas-cm"))?.ownerOrgId).toBe(org.id);
    // A platform administrator's import into a bundled dataset leaves it every organisation's.
    expect((await findDataset(handle.db, "views-cm"))?.ownerOrgId).toBeNull();
  });
});
