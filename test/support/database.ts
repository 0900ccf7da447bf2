import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/engine.ts";
import { DATA_TEMPLATE_DATABASE, TEMPLATE_DATABASE, withDatabaseName } from "./database-template.ts";

/**
 * A fresh, migrated, empty database (or, on request, one holding the bundled data) for one test file: the embedded engine by default, or a new database
 * on the PostgreSQL server named by DATABASE_URL (copied from the migrated template, dropped on close).
 */
export const createTestDatabase = async ({
  withBundledData = false,
}: {
  /** Start from a copy with the bundled conflict data already imported (built once per run). */
  withBundledData?: boolean;
} = {}): Promise<DatabaseHandle> => {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const path = inject(withBundledData ? "embeddedDataTemplate" : "embeddedTemplate");
    const template = new Blob([readFileSync(path)]);
    return openDatabase({ template });
  }
  const name = `continuum_test_${randomBytes(6).toString("hex")}`;
  const source = withBundledData ? DATA_TEMPLATE_DATABASE : TEMPLATE_DATABASE;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${source}`);
  const handle = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
};

const adminQuery = async (url: string, statement: string): Promise<void> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};
