import type { DataTables } from "./tables/data.ts";
import type { FoundationTables } from "./tables/foundation.ts";
import type { VoicesTables } from "./tables/voices.ts";
import type { WarningTables } from "./tables/warning.ts";

export type { ProtectedColumns } from "./tables/foundation.ts";

/** Every table, by capability: each capability declares its tables in tables/<capability>.ts. */
export type Database = FoundationTables & DataTables & WarningTables & VoicesTables;
