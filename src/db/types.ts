import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** A database or an open transaction: repositories accept either, so services decide the transaction. */
export type Db = Kysely<Database>;
