import { sql } from "kysely";
import type { Db } from "../db/types.ts";

/** Whether the database answers a trivial query. */
export const databaseAnswers = async (db: Db): Promise<boolean> => {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
};
