import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DataDirInUseError } from "../../src/db/data-dir-lock.ts";
import { openDatabase } from "../../src/db/engine.ts";
import { runCli } from "../support/cli.ts";
import { createTestDatabase } from "../support/database.ts";
import { tempDir } from "../support/temp-dir.ts";

const url = process.env.DATABASE_URL;

describe("PostgreSQL engine", () => {
  it("names DATABASE_URL, and never its password, when it is no postgres:// URL or its server does not answer", async () => {
    await expect(openDatabase({ databaseUrl: "notaurl" })).rejects.toThrow(
      /^DATABASE_URL is not a URL such as/,
    );
    await expect(openDatabase({ databaseUrl: "mysql://u@127.0.0.1:3306/x" })).rejects.toThrow(
      /not a mysql: URL/,
    );
    const refused = openDatabase({ databaseUrl: "postgres://app:s3cret@127.0.0.1:9/continuum" });
    await expect(refused).rejects.toThrow(
      /^Cannot use the PostgreSQL database of DATABASE_URL \(127\.0\.0\.1:9\/continuum\): /,
    );
    await expect(refused).rejects.not.toThrow(/s3cret/);
    // libpq's socket URLs are no WHATWG URLs, yet valid: named by their socket.
    await expect(
      openDatabase({ databaseUrl: "postgres://app@/continuum?host=/nonexistent-socket-dir&port=5" }),
    ).rejects.toThrow(
      /^Cannot use the PostgreSQL database of DATABASE_URL \(\/nonexistent-socket-dir:5\/continuum\)/,
    );
  });

  it.skipIf(!url)(
    "survives the server ending an idle connection, and the next query reconnects",
    async () => {
      const handle = await createTestDatabase();
      try {
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(handle.db);
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
          await admin.query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
        } finally {
          await admin.end();
        }
        // Let the pool hear of the termination before the next query.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const again = await sql<{ one: number }>`SELECT 1 AS one`.execute(handle.db);
        expect(again.rows).toEqual([{ one: 1 }]);
      } finally {
        await handle.close();
      }
    },
  );
});

describe("embedded engine data directory", () => {
  const root = tempDir("lock");

  it("is refused to a second opener while open, in this process or another, and nothing is lost", async () => {
    const dataDir = join(root, "shared");
    const first = await openDatabase({ dataDir });
    try {
      await sql`CREATE TABLE kept (note text)`.execute(first.db);
      await sql`INSERT INTO kept VALUES ('written by the holder')`.execute(first.db);
      await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirInUseError);
      const cli = runCli(["--data-dir", dataDir, "migrate"], { DATABASE_URL: "" });
      expect(cli.status).toBe(5);
      expect(cli.stderr).toContain(
        `the embedded database in ${dataDir} is in use by another Continuum process (pid ${process.pid})`,
      );
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir });
    try {
      const { rows } = await sql<{ note: string }>`SELECT note FROM kept`.execute(again.db);
      expect(rows).toEqual([{ note: "written by the holder" }]);
    } finally {
      await again.close();
    }
    expect(existsSync(join(dataDir, "continuum.pid"))).toBe(false);
  });

  it("keeps every file of the data directory to its owner", async () => {
    const dataDir = join(root, "private");
    const handle = await openDatabase({ dataDir });
    await handle.close();
    const open = readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => (statSync(path).mode & 0o077) !== 0);
    expect(open).toEqual([]);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it("takes over the claim left by a process that no longer runs", async () => {
    const dataDir = join(root, "abandoned");
    const ended = spawnSync(process.execPath, ["-e", ""]);
    await (await openDatabase({ dataDir })).close();
    writeFileSync(join(dataDir, "continuum.pid"), `${ended.pid}\n`);
    const handle = await openDatabase({ dataDir });
    await handle.close();
    expect(existsSync(join(dataDir, "continuum.pid"))).toBe(false);
  });
});
