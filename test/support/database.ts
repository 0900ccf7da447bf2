import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/engine.ts";
import { adminQuery, withDatabaseName } from "./database-template.ts";

type Start = "empty" | "migrated" | "bundled-data";

/**
 * A fresh database for one test file: the embedded engine by default, or a new database on the PostgreSQL
 * server named by DATABASE_URL (dropped on close). It starts migrated and empty; or, on request, with the
 * bundled data imported (copied from a template built once per run), or with no tables at all (to test the
 * migrations themselves).
 */
export const createTestDatabase = async ({
  withBundledData = false,
  unmigrated = false,
}: {
  withBundledData?: boolean;
  unmigrated?: boolean;
} = {}): Promise<DatabaseHandle> => {
  const start: Start = unmigrated ? "empty" : withBundledData ? "bundled-data" : "migrated";
  const url = process.env.DATABASE_URL;
  if (!url) {
    if (start === "empty") return openDatabase({});
    const path = inject(start === "bundled-data" ? "embeddedDataTemplate" : "embeddedTemplate");
    return openDatabase({ template: new Blob([readFileSync(path)]) });
  }
  const templates = inject("postgresTemplates");
  if (!templates) throw new Error("DATABASE_URL was set after the test run's setup");
  const name = `continuum_test_${randomBytes(6).toString("hex")}`;
  const template = {
    empty: "",
    migrated: ` TEMPLATE ${templates.empty}`,
    "bundled-data": ` TEMPLATE ${templates.withData}`,
  }[start];
  await adminQuery(url, `CREATE DATABASE ${name}${template}`);
  const handle = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
};
