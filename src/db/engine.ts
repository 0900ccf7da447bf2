import { existsSync, mkdirSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { DomainError, invalid } from "../core/shared/errors.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { keepDataDirPrivate } from "./private-data-dir.ts";
import type { Database } from "./schema.ts";

type EngineKind = "embedded" | "postgres";

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
  /**
   * Runs `work` in one transaction on one connection, where `copy` bulk-loads CSV text with COPY inside that
   * same transaction: a bulk load and everything around it commit or roll back together.
   */
  bulkTransaction<T>(work: (trx: Kysely<Database>, copy: BulkCopy) => Promise<T>): Promise<T>;
  /** Embedded engine only: the whole data directory as a gzipped tarball (backups, test templates). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
};

/** COPY … FROM (FORMAT csv) of CSV text into some columns of a table. */
export type BulkCopy = (table: string, columns: readonly string[], csv: string) => Promise<void>;

const copyStatement = (table: string, columns: readonly string[], from: string) =>
  `COPY ${table} (${columns.join(", ")}) FROM ${from} WITH (FORMAT csv)`;

type DatabaseLocation = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  template?: Blob;
  /** Refuse to create a missing data directory: a command mistyping it would leave an empty database behind. */
  existing?: boolean;
};

export const openDatabase = async (location: DatabaseLocation): Promise<DatabaseHandle> =>
  location.databaseUrl ? openPostgres(location.databaseUrl) : openEmbedded(location);

type MemFile = { contents: Uint8Array; usedBytes: number };
type MemFs = {
  resizeFileStorage?: (node: MemFile, size: number) => void;
  expandFileStorage?: (node: MemFile, capacity: number) => void;
};

/**
 * The in-memory file system resizes a file (ftruncate, which also serves posix_fallocate, used whenever
 * PostgreSQL extends a relation by several blocks) by copying it into an array of exactly the new size:
 * a bulk load copies the whole growing table again at every extension. Growing within spare capacity
 * (allocated geometrically, as plain writes already do) keeps the same bytes — the new range reads as
 * zeros — without the copies.
 */
const growFilesInPlace = (lite: PGlite) => {
  const fs = (lite.Module as { FS?: { root?: { mount?: { type?: MemFs } } } } | undefined)?.FS;
  const memfs = fs?.root?.mount?.type;
  const resize = memfs?.resizeFileStorage;
  const expand = memfs?.expandFileStorage;
  if (!memfs || !resize || !expand) return;
  memfs.resizeFileStorage = (node, size) => {
    if (!(node.contents instanceof Uint8Array) || size <= node.usedBytes) {
      resize.call(memfs, node, size);
      return;
    }
    if (node.contents.length < size) expand.call(memfs, node, size);
    else node.contents.fill(0, node.usedBytes, size);
    node.usedBytes = size;
  };
};

const openEmbedded = async ({ dataDir, template, existing }: DatabaseLocation): Promise<DatabaseHandle> => {
  if (dataDir && existing && !existsSync(dataDir))
    throw new DomainError(
      "not_initialised",
      `There is no data directory ${dataDir}: check --data-dir, or run \`continuum init\` to create one there.`,
    );
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let lite: PGlite;
  try {
    lite = await PGlite.create(dataDir, {
      parsers,
      // One embedded user and no replicas: minimal WAL lets a bulk load into a table created in the same
      // transaction (imports) skip writing every row twice; commits stay atomic.
      postgresqlconf: ["wal_level = minimal", "max_wal_senders = 0"],
      ...(template ? { loadDataDir: template } : {}),
    });
  } catch (error) {
    release();
    // The engine's file errors are plain objects ("[object Object]" as text): say which directory and why.
    if (error instanceof Error) throw error;
    throw new Error(
      `Cannot open the embedded database in ${dataDir ?? "memory"}: a file in it cannot be written by this user (${describeEngineError(error)}). Check the owner and permissions of the directory and every file in it.`,
    );
  }
  growFilesInPlace(lite);
  if (dataDir) keepDataDirPrivate(dataDir);
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
      await lite.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
    },
    bulkTransaction: (work) =>
      lite.transaction(async (tx) => {
        // Kysely over the open PGlite transaction (Kysely's own transactions would hold PGlite's lock, and a
        // COPY beside them would wait for it forever). Nothing here may close the real instance.
        const inside = {
          closed: false,
          ready: true,
          waitReady: Promise.resolve(),
          query: (text: string, params?: unknown[], options?: object) => tx.query(text, params, options),
          exec: (text: string, options?: object) => tx.exec(text, options),
          transaction: <R>(fn: (inner: typeof tx) => Promise<R>) => fn(tx),
          close: async () => {},
        } as unknown as PGlite; // only the members PGliteDialect calls
        const trx = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: inside }) });
        const copy: BulkCopy = async (table, columns, csv) => {
          await tx.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
        };
        return work(trx, copy);
      }),
    dumpDataDir: () => lite.dumpDataDir("gzip"),
    close: async () => {
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
  };
};

for (const [oid, parse] of Object.entries(parsers)) pg.types.setTypeParser(Number(oid), parse);

/** What a PGlite file error says about itself: its name and errno, where it has them. */
const describeEngineError = (error: unknown): string => {
  const { name, errno } = (error ?? {}) as { name?: unknown; errno?: unknown };
  return (
    [name, errno !== undefined ? `errno ${String(errno)}` : ""].filter(Boolean).join(", ") || String(error)
  );
};

/**
 * DATABASE_URL must be a postgres:// URL; the refusal names it otherwise. Checked by its scheme only: libpq's
 * socket URLs (`postgres://user@/db?host=/run/postgresql`) are no WHATWG URLs, yet the driver reads them.
 */
const assertPostgresUrl = (databaseUrl: string): void => {
  const expected = "a URL such as postgres://user@host:5432/database";
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(databaseUrl)?.[1];
  if (!scheme)
    throw invalid(`DATABASE_URL is not ${expected}.`, [{ field: "DATABASE_URL", message: "not a URL" }]);
  if (!/^postgres(ql)?$/i.test(scheme))
    throw invalid(`DATABASE_URL must be ${expected}, not a ${scheme}: URL.`, [
      { field: "DATABASE_URL", message: "not a postgres:// URL" },
    ]);
};

/**
 * The server and database a URL names, without its user or password: what an operator checks a message
 * against. A socket URL's server is its `host` (and `port`) parameter.
 */
export const serverOf = (databaseUrl: string): string => {
  const [address = "", query = ""] = databaseUrl.split("?");
  const parts = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/]*)(\/.*)?$/i.exec(address);
  const params = new URLSearchParams(query);
  const socket = [params.get("host"), params.get("port")].filter(Boolean).join(":");
  return `${decodeURIComponent(parts?.[1] ?? "") || socket}${parts?.[2] ?? ""}`;
};

const openPostgres = async (databaseUrl: string): Promise<DatabaseHandle> => {
  assertPostgresUrl(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end();
    throw new Error(
      `Cannot use the PostgreSQL database of DATABASE_URL (${serverOf(databaseUrl)}): ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  // An idle connection ended by the server (a restart, an administrator, a dropped database) is already out
  // of the pool; unheard, its error would crash the process. The next query opens a fresh connection and
  // reports any real failure itself.
  pool.on("error", () => {});
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
        await pipeline(Readable.from([csv]), client.query(copyFrom(copyStatement(table, columns, "STDIN"))));
      } finally {
        client.release();
      }
    },
    bulkTransaction: async (work) => {
      const client = await pool.connect();
      // Kysely on this one connection, so its queries and the COPY share the transaction.
      const borrowed = { query: client.query.bind(client), release: () => {} };
      const single = { connect: async () => borrowed, end: async () => {} };
      const trx = new Kysely<Database>({
        dialect: new PostgresDialect({ pool: single as unknown as pg.Pool }), // the two members the dialect uses
      });
      let failed = false;
      try {
        await client.query("BEGIN");
        const result = await work(trx, async (table, columns, csv) => {
          await pipeline(
            Readable.from([csv]),
            client.query(copyFrom(copyStatement(table, columns, "STDIN"))),
          );
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        failed = true;
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release(failed);
      }
    },
    close: async () => {
      await db.destroy();
    },
  };
};
