import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database.ts";

const url = process.env.DATABASE_URL;

describe("PostgreSQL engine", () => {
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
