/**
 * Every kind of record under clearance, by the table that holds it. Such a table has the columns
 * `id uuid`, `owner_org_id` and `clearance`; sharing lives in `record_shares` for all of them.
 * A capability that adds protected records declares its table here and gets visibility and sharing.
 */
export const protectedRecordTables = [
  "analyses",
  "voices_reports",
  "scenarios",
  "contingency_plans",
  "alerts",
  "reviews",
] as const;
export type ProtectedRecordTable = (typeof protectedRecordTables)[number];
