import { readdirSync, readFileSync } from "node:fs";
import { sql } from "kysely";
import type { DatabaseHandle } from "./engine.ts";

const migrationsDir = new URL("./migrations/", import.meta.url);

export type Migration = { version: string; script: string };

/** Migrations are plain SQL files named NNNN_what.sql, applied in order, each in its own transaction. */
export const listMigrations = (): Migration[] =>
  readdirSync(migrationsDir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: file.replace(/\.sql$/, ""),
      script: readFileSync(new URL(file, migrationsDir), "utf8"),
    }));

/** Applies the migrations not yet applied and returns their versions. */
export const migrate = async (handle: DatabaseHandle): Promise<string[]> => {
  await handle.runScript(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied = await sql<{ version: string }>`SELECT version FROM schema_migrations`.execute(handle.db);
  const done = new Set(applied.rows.map((row) => row.version));
  const pending = listMigrations().filter((migration) => !done.has(migration.version));
  for (const { version, script } of pending) {
    // The insert fails on the primary key if another process applied the same migration meanwhile.
    await handle.runScript(
      `BEGIN;\n${script}\nINSERT INTO schema_migrations (version) VALUES ('${version}');\nCOMMIT;`,
    );
  }
  return pending.map((migration) => migration.version);
};

export const pendingMigrations = async (handle: DatabaseHandle): Promise<number> => {
  const exists = await sql<{
    present: boolean;
  }>`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`.execute(handle.db);
  if (!exists.rows[0]?.present) return listMigrations().length;
  const applied = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations`.execute(
    handle.db,
  );
  return listMigrations().length - (applied.rows[0]?.n ?? 0);
};
