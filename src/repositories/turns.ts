import { sql } from "kysely";
import type { Db } from "../db/types.ts";

/**
 * Waits, inside a transaction, until no other transaction holds the same key, and holds it until this one
 * ends: processes sharing one database (several servers, the CLI beside them) take turns at the same work
 * instead of both deciding from what neither has committed yet.
 */
export const takeTurn = async (trx: Db, key: string): Promise<void> => {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`continuum.${key}`}, 0))`.execute(trx);
};
