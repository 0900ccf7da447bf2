import { mkdirSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "./schema.ts";

export type EngineKind = "embedded" | "postgres";

/** Type OIDs whose default JS conversion differs between the two engines; both get the same parsers. */
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parsers = { [INT8]: Number, [NUMERIC]: Number, [DATE]: (value: string) => value };

/** An open database: Kysely for queries, plus the few engine-specific operations (scripts, bulk COPY). */
export type DatabaseHandle = {
  db: Kysely<Database>;
  engine: EngineKind;
  /** Runs a multi-statement SQL script (migrations). */
  runScript(script: string): Promise<void>;
  /**
   * Bulk-loads CSV text into a table with COPY, on its own connection and outside any open transaction:
   * load a staging table with it, then move rows into place inside one transaction.
   */
  copyCsvInto(table: string, columns: readonly string[], csv: string): Promise<void>;
  /** Embedded engine only: the whole data directory as a gzipped tarball (backups, test templates). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
};

export type DatabaseLocation = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  template?: Blob;
};

export const openDatabase = async (location: DatabaseLocation): Promise<DatabaseHandle> =>
  location.databaseUrl ? openPostgres(location.databaseUrl) : openEmbedded(location);

const openEmbedded = async ({ dataDir, template }: DatabaseLocation): Promise<DatabaseHandle> => {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lite = await PGlite.create(dataDir, { parsers, ...(template ? { loadDataDir: template } : {}) });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: lite }) });
  return {
    db,
    engine: "embedded",
    runScript: async (script) => {
      try {
        await lite.exec(script);
      } catch (error) {
        await lite.exec("ROLLBACK");
        throw error;
      }
    },
    copyCsvInto: async (table, columns, csv) => {
      await lite.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    dumpDataDir: () => lite.dumpDataDir("gzip"),
    close: async () => {
      await db.destroy();
    },
  };
};

for (const [oid, parse] of Object.entries(parsers)) pg.types.setTypeParser(Number(oid), parse);

const openPostgres = async (databaseUrl: string): Promise<DatabaseHandle> => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "postgres",
    runScript: async (script) => {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    copyCsvInto: async (table, columns, csv) => {
      const client = await pool.connect();
      try {
        const stream = client.query(
          copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`),
        );
        await pipeline(Readable.from([csv]), stream);
      } finally {
        client.release();
      }
    },
    close: async () => {
      await db.destroy();
    },
  };
};
