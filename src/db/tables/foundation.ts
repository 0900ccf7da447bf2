import type { Generated } from "kysely";
import type { Json, Timestamp } from "./columns.ts";

type OrganisationsTable = {
  id: Generated<string>;
  slug: string;
  name: string;
  kind: string;
  created_at: Timestamp;
};

type UsersTable = {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  platform_admin: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  language: Generated<string>;
  must_change_password: Generated<boolean>;
  created_at: Timestamp;
};

type MembershipsTable = {
  user_id: string;
  org_id: string;
  role: string;
  clearance: string;
  created_at: Timestamp;
};

type SessionsTable = {
  token_hash: string;
  user_id: string;
  org_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
};

type ApiTokensTable = {
  id: Generated<string>;
  token_hash: string;
  prefix: string;
  name: string;
  user_id: string;
  org_id: string;
  created_at: Timestamp;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

type AuditLogTable = {
  id: Generated<string>;
  at: Timestamp;
  actor: string;
  actor_user_id: string | null;
  org_id: string | null;
  via: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json;
  after: Json;
};

type RecordSharesTable = {
  record_type: string;
  record_id: string;
  org_id: string;
  shared_by: string | null;
  shared_at: Timestamp;
};

/** Columns every record under clearance carries; see repositories/access/visibility.ts. */
export type ProtectedColumns = { owner_org_id: string; clearance: string };

type AnalysesTable = ProtectedColumns & {
  id: Generated<string>;
  iso3: string | null;
  title: string;
  body: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

type SettingsTable = { key: string; value: Json };

export type FoundationTables = {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  record_shares: RecordSharesTable;
  analyses: AnalysesTable;
  settings: SettingsTable;
};
