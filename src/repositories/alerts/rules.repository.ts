import {
  type Severity,
  type TAlertRuleDefinition,
  ZAlertRuleDefinition,
} from "../../core/alerts/alert.schemas.ts";
import type { Db } from "../../db/types.ts";

export type AlertRuleRecord = {
  id: string;
  name: string;
  enabled: boolean;
  severity: Severity;
  definition: TAlertRuleDefinition;
  updatedAt: Date;
};

const columns = ["id", "name", "enabled", "severity", "definition", "updated_at as updatedAt"] as const;

// Definitions are validated before they are written, and read through the same schema so that a setting
// added later takes its default in rules stored before it existed.
const typed = (row: {
  id: string;
  name: string;
  enabled: boolean;
  severity: string;
  definition: unknown;
  updatedAt: Date;
}): AlertRuleRecord => ({
  ...row,
  severity: row.severity as Severity,
  definition: ZAlertRuleDefinition.parse(row.definition),
});

export const listAlertRules = async (db: Db): Promise<AlertRuleRecord[]> =>
  (await db.selectFrom("alert_rules").select(columns).orderBy("name").execute()).map(typed);

export const findAlertRule = async (db: Db, id: string): Promise<AlertRuleRecord | undefined> => {
  const row = await db.selectFrom("alert_rules").select(columns).where("id", "=", id).executeTakeFirst();
  return row && typed(row);
};

export const findAlertRuleByName = async (db: Db, name: string) =>
  db.selectFrom("alert_rules").select("id").where("name", "=", name).executeTakeFirst();

export const insertAlertRule = async (
  db: Db,
  input: Omit<AlertRuleRecord, "id" | "updatedAt"> & { createdBy: string },
): Promise<AlertRuleRecord> =>
  typed(
    await db
      .insertInto("alert_rules")
      .values({
        name: input.name,
        enabled: input.enabled,
        severity: input.severity,
        definition: JSON.stringify(input.definition),
        created_by: input.createdBy,
      })
      .returning(columns)
      .executeTakeFirstOrThrow(),
  );

export const updateAlertRule = async (
  db: Db,
  id: string,
  input: Omit<AlertRuleRecord, "id" | "updatedAt">,
  now: Date,
): Promise<AlertRuleRecord> =>
  typed(
    await db
      .updateTable("alert_rules")
      .set({
        name: input.name,
        enabled: input.enabled,
        severity: input.severity,
        definition: JSON.stringify(input.definition),
        updated_at: now,
      })
      .where("id", "=", id)
      .returning(columns)
      .executeTakeFirstOrThrow(),
  );

export const deleteAlertRule = async (db: Db, id: string): Promise<void> => {
  await db.deleteFrom("alert_rules").where("id", "=", id).execute();
};
