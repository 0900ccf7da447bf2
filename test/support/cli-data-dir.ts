import { openDatabase } from "../../src/db/engine.ts";
import { migrate } from "../../src/db/migrate.ts";
import { systemDataContext } from "../../src/services/data/data-context.ts";
import { initialiseBundledData } from "../../src/services/data/initialise-bundled-data.ts";
import { ensureFirstAdministrator } from "../../src/services/system/ensure-first-administrator.ts";
import { createTestDatabase } from "./database.ts";

/**
 * An embedded data directory holding the bundled data and a first platform administrator, for CLI tests.
 * The bundled-data template restores in seconds where `init` imports it all again; on a PostgreSQL run no
 * embedded template exists, so the data are imported into the directory directly.
 */
export const createCliDataDir = async (
  dataDir: string,
  administrator: { email: string; password: string },
): Promise<void> => {
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  if (process.env.DATABASE_URL) {
    handle = await openDatabase({ dataDir });
    await migrate(handle);
    await initialiseBundledData(systemDataContext(handle));
  } else {
    const source = await createTestDatabase({ withBundledData: true });
    const dump = await source.dumpDataDir?.();
    await source.close();
    if (!dump) throw new Error("the embedded engine could not dump its data directory");
    handle = await openDatabase({ dataDir, template: dump });
  }
  await ensureFirstAdministrator(handle.db, administrator);
  await handle.close();
};
