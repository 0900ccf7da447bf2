import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/engine.ts";
import { migrate } from "../../src/db/migrate.ts";
import { TEMPLATE_DATABASE, withDatabaseName } from "./database-template.ts";

/** Builds one migrated database for the whole run; every test file starts from a copy of it. */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const handle = await openDatabase({ databaseUrl: withDatabaseName(url, TEMPLATE_DATABASE) });
    await migrate(handle);
    await handle.close();
  }
  const handle = await openDatabase({});
  await migrate(handle);
  const dump = await handle.dumpDataDir?.();
  await handle.close();
  if (!dump) throw new Error("the embedded engine could not dump its data directory");
  const path = join(mkdtempSync(join(tmpdir(), "continuum-test-")), "template.tar.gz");
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide("embeddedTemplate", path);
}
