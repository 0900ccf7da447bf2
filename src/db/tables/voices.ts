import type { Generated } from "kysely";
import type { DateColumn, Json, Timestamp } from "./columns.ts";
import type { ProtectedColumns } from "./foundation.ts";

// Voices (migration 0005): community reports, triage, replies, import forms, gazetteer.

type VoicesCategoriesTable = {
  code: string;
  label: string;
  factors: number[];
  position: Generated<number>;
};

type VoicesFormsTable = {
  id: string;
  owner_org_id: string;
  title: string;
  kind: string;
  mapping: Json;
  clearance: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

type VoicesReportsTable = ProtectedColumns & {
  id: string;
  receipt_hash: string;
  channel: string;
  form_id: string | null;
  source_ref: string | null;
  category: string;
  description: string;
  summary: string | null;
  redacted: Generated<boolean>;
  language: string;
  incident_date: DateColumn;
  incident_month: DateColumn;
  iso3: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  priogrid_gid: number | null;
  adm1: string | null;
  adm2: string | null;
  location_source: string;
  status: Generated<string>;
  duplicate_of: string | null;
  possible_duplicate_of: string | null;
  duplicate_score: number | null;
  assigned_to: string | null;
  has_contact: boolean;
  sealed: string;
  wrapped_key: string;
  key_id: string;
  submitted_at: Timestamp;
  updated_at: Timestamp;
};

type VoicesNotesTable = {
  id: Generated<string>;
  report_id: string;
  author_id: string | null;
  author: string;
  body: string;
  created_at: Timestamp;
};

type VoicesRepliesTable = {
  id: Generated<string>;
  report_id: string;
  body: string;
  channel: string;
  delivery: string;
  author_id: string | null;
  created_at: Timestamp;
  sent_at: Date | null;
};

type VoicesGazetteerTable = {
  id: Generated<number>;
  iso3: string;
  level: string;
  name: string;
  key: string;
  adm1: string | null;
  latitude: number | null;
  longitude: number | null;
  weight: number;
};

export type VoicesTables = {
  voices_categories: VoicesCategoriesTable;
  voices_forms: VoicesFormsTable;
  voices_reports: VoicesReportsTable;
  voices_notes: VoicesNotesTable;
  voices_replies: VoicesRepliesTable;
  voices_gazetteer: VoicesGazetteerTable;
};
