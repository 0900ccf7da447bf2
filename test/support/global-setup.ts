import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/engine.ts";
import { migrate } from "../../src/db/migrate.ts";
import { systemDataContext } from "../../src/services/data/data-context.ts";
import { initialiseBundledData } from "../../src/services/data/initialise-bundled-data.ts";
import { adminQuery, postgresTemplates, withDatabaseName } from "./database-template.ts";

/**
 * Builds the databases every test file starts from, once for the whole run: a migrated empty one, and a
 * copy of it with the bundled conflict data imported (loading the data takes seconds; copying it does not).
 * The returned function removes them when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  const templates = url ? postgresTemplates(randomBytes(4).toString("hex")) : null;
  if (url && templates) {
    await adminQuery(url, `CREATE DATABASE ${templates.empty}`);
    const handle = await openDatabase({ databaseUrl: withDatabaseName(url, templates.empty) });
    await migrate(handle);
    await handle.close();
    await adminQuery(url, `CREATE DATABASE ${templates.withData} TEMPLATE ${templates.empty}`);
    const data = await openDatabase({ databaseUrl: withDatabaseName(url, templates.withData) });
    await initialiseBundledData(systemDataContext(data));
    await data.close();
  }
  project.provide("postgresTemplates", templates);
  const dir = mkdtempSync(join(tmpdir(), "continuum-test-"));
  const removeCopies = async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && templates) {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${templates.withData} WITH (FORCE)`);
      await adminQuery(url, `DROP DATABASE IF EXISTS ${templates.empty} WITH (FORCE)`);
    }
  };
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
    return removeCopies;
  }
  await initialiseBundledData(systemDataContext(handle));
  const withData = await handle.dumpDataDir?.();
  await handle.close();
  if (!withData) throw new Error("the embedded engine could not dump its data directory");
  const dataPath = join(dir, "template-data.tar.gz");
  writeFileSync(dataPath, Buffer.from(await withData.arrayBuffer()));
  project.provide("embeddedDataTemplate", dataPath);
  return removeCopies;
}
