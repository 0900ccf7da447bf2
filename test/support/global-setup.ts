import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/engine.ts";
import { migrate } from "../../src/db/migrate.ts";
import { systemDataContext } from "../../src/services/data/data-context.ts";
import { initialiseBundledData } from "../../src/services/data/initialise-bundled-data.ts";
import { DATA_TEMPLATE_DATABASE, TEMPLATE_DATABASE, withDatabaseName } from "./database-template.ts";

/**
 * Builds the databases every test file starts from, once for the whole run: a migrated empty one, and a
 * copy of it with the bundled conflict data imported (loading the data takes seconds; copying it does not).
 * The returned function removes the embedded copies when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${DATA_TEMPLATE_DATABASE} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
      const handle = await openDatabase({ databaseUrl: withDatabaseName(url, TEMPLATE_DATABASE) });
      await migrate(handle);
      await handle.close();
      await admin.query(`CREATE DATABASE ${DATA_TEMPLATE_DATABASE} TEMPLATE ${TEMPLATE_DATABASE}`);
      const data = await openDatabase({ databaseUrl: withDatabaseName(url, DATA_TEMPLATE_DATABASE) });
      await initialiseBundledData(systemDataContext(data));
      await data.close();
    } finally {
      await admin.end();
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "continuum-test-"));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const handle = await openDatabase({});
  await migrate(handle);
  const empty = await handle.dumpDataDir?.();
  if (!empty) throw new Error("the embedded engine could not dump its data directory");
  const emptyPath = join(dir, "template.tar.gz");
  writeFileSync(emptyPath, Buffer.from(await empty.arrayBuffer()));
  project.provide("embeddedTemplate", emptyPath);

  if (url) {
    // Test databases come from PostgreSQL in this run; no embedded copy with data is needed.
    await handle.close();
    project.provide("embeddedDataTemplate", "");
    return removeDir;
  }
  await initialiseBundledData(systemDataContext(handle));
  const withData = await handle.dumpDataDir?.();
  await handle.close();
  if (!withData) throw new Error("the embedded engine could not dump its data directory");
  const dataPath = join(dir, "template-data.tar.gz");
  writeFileSync(dataPath, Buffer.from(await withData.arrayBuffer()));
  project.provide("embeddedDataTemplate", dataPath);
  return removeDir;
}
