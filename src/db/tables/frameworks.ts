import type { Generated } from "kysely";
import type { Json, Timestamp } from "./columns.ts";

// Peacebuilding Audit and early action (migration 0004): risk-factor frameworks as data.

type FrameworksTable = {
  id: Generated<string>;
  slug: string;
  version: string;
  title: string;
  description: Generated<string>;
  source: Generated<string>;
  is_default: Generated<boolean>;
  factors: Json;
  /** Migration 0020: the title in other languages, by language code. */
  title_translations: Json;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type FrameworkTables = { frameworks: FrameworksTable };
