import type { Generated } from "kysely";
import type { Json, Timestamp } from "./columns.ts";
import type { ProtectedColumns } from "./foundation.ts";

// Alerts (migration 0004): desks, rules as data, alerts with their timeline, and what rules raised from.

type AlertDesksTable = {
  iso3: string;
  org_id: string;
  user_id: string | null;
  escalation_user_id: string | null;
  updated_at: Timestamp;
};

type AlertRulesTable = {
  id: Generated<string>;
  name: string;
  enabled: Generated<boolean>;
  severity: string;
  definition: Json;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

type AlertsTable = ProtectedColumns & {
  id: Generated<string>;
  iso3: string;
  cause: string;
  /** `audienceKey` of the alert (migration 0015): repeats merge only into an alert with the same readers. */
  audience: Generated<string>;
  severity: string;
  source: string;
  summary: string;
  message: Json;
  details: Json;
  status: Generated<string>;
  owner_user_id: string | null;
  raised_by: string | null;
  raised_at: Date;
  deadline: Date;
  escalation_level: Generated<number>;
  escalated_at: Date | null;
  occurrences: Generated<number>;
  last_seen_at: Date;
  acknowledged_at: Date | null;
  assessed_at: Date | null;
  assessment: string | null;
  decided_at: Date | null;
  decision: Json;
  action_at: Date | null;
  action_note: string | null;
  closed_at: Date | null;
  outcome: string | null;
  updated_at: Timestamp;
};

type AlertEventsTable = {
  id: Generated<string>;
  alert_id: string;
  at: Date;
  kind: string;
  actor_user_id: string | null;
  actor: string;
  note: Generated<string>;
  data: Json;
};

type AlertTriggersTable = {
  rule_id: string;
  iso3: string;
  evidence_key: string;
  alert_id: string;
  at: Date;
};

export type AlertTables = {
  alert_desks: AlertDesksTable;
  alert_rules: AlertRulesTable;
  alerts: AlertsTable;
  alert_events: AlertEventsTable;
  alert_triggers: AlertTriggersTable;
};
