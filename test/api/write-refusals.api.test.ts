import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { idleModelJobs } from "../../src/services/warning/model-jobs.ts";
import { type ApiSession, signIn } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, type TestUser } from "../support/factories.ts";
import { voicesApp } from "../voices/support.ts";

/**
 * Every state-changing route, sent a valid request by each person who must be refused, then by the person who may.
 *
 * Why: refusals were tested route by route, and one test "proved" a refusal with a body the schema rejected, so
 * its 400 came from validation and said nothing about access control. Here every refusal carries the body the
 * positive control later succeeds with, the database is compared before and after the refusals (nothing may
 * change), and each 403 must be in the audit log. Expectations are data, written from the policies
 * (src/core/access/policies.ts) rather than computed from them, so a change of rule fails a row.
 */

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "embedded";
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** Small models keep the forecast and backtest positive controls to seconds (as test/warning does). */
const quick = { rounds: 5 };

/**
 * Who calls. The owner organisation holds every record; all its seats and the outsider are cleared
 * confidential, so a 403 means "seen but not allowed" and a 404 "not seen", never a clearance gap.
 * `admin` administers the owner organisation but is no platform administrator; `platform` is one (in an
 * organisation of its own, so it owns none of the records).
 */
const seatNames = ["admin", "analyst", "viewer", "outsider", "platform"] as const;
type Seat = (typeof seatNames)[number];

/** The records the routes act on, made through the API in beforeAll. */
type Fixtures = {
  ownerOrg: string;
  otherOrg: string;
  adminUser: string;
  member: string;
  analysis: string;
  scenario: string;
  plan: string;
  rule: string;
  alert: string;
  framework: string;
  cycle: string;
  draftReview: string;
  draftRecommendation: string;
  adoptedRecommendation: string;
  report: string;
  token: string;
  memberToken: string;
  notification: string;
  formMapping: unknown;
};

/**
 * 403: the seat may see the record (or the route names none) but its role, organisation or platform standing
 * does not allow the write. 404: the record is hidden from the seat, so its existence stays secret.
 * "own only": the route answers 200 but acts only on the caller's own records, so it must change nothing here.
 */
type Refusal = 403 | 404 | "own only";

type Row = {
  /** As registered (method and route URL): the audit log names refusals this way. */
  route: string;
  /** The fixture each path parameter takes, or a literal value. */
  params?: Record<string, keyof Fixtures | { literal: string }>;
  body?: object | ((f: Fixtures) => object);
  refused: Partial<Record<Seat, Refusal>>;
  /** Who then makes the same call successfully, and the status they get. */
  allowed: Seat;
  ok: number;
};

const FORM_ID = "refusal_form";
const triageSeats = { viewer: 403, outsider: 404 } as const;
const platformOnly = { admin: 403, outsider: 403 } as const;
const memberAdministration = { analyst: 403, outsider: 403 } as const;

const rows: Row[] = [
  // alerts
  {
    route: "POST /api/alerts",
    body: { iso3: "CAF", severity: "low", summary: "Checkpoints closed on the main road" },
    refused: { viewer: 403 },
    allowed: "analyst",
    ok: 201,
  },
  {
    route: "POST /api/alerts/:id/assign",
    params: { id: "alert" },
    body: (f) => ({ userId: f.adminUser, note: "Yours" }),
    refused: triageSeats,
    allowed: "admin",
    ok: 200,
  },
  // The lifecycle in its order, so each positive control finds the alert where its step starts.
  {
    route: "POST /api/alerts/:id/acknowledge",
    params: { id: "alert" },
    body: { note: "Seen" },
    refused: { ...triageSeats, analyst: 403 },
    allowed: "admin",
    ok: 200,
  },
  {
    route: "POST /api/alerts/:id/assess",
    params: { id: "alert" },
    body: { assessment: "Credible and rising" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "POST /api/alerts/:id/decide",
    params: { id: "alert" },
    body: { options: ["Wait", "Send a mission"], decision: "Send a mission", rationale: "Rising risk" },
    refused: { ...triageSeats, analyst: 403 },
    allowed: "admin",
    ok: 200,
  },
  {
    route: "POST /api/alerts/:id/act",
    params: { id: "alert" },
    body: { note: "Mission under way" },
    refused: { ...triageSeats, analyst: 403 },
    allowed: "admin",
    ok: 200,
  },
  {
    route: "POST /api/alerts/:id/close",
    params: { id: "alert" },
    body: { outcome: "Mission reported back" },
    refused: { ...triageSeats, analyst: 403 },
    allowed: "admin",
    ok: 200,
  },
  // alert.evaluate is granted to every organisation's writers (not only platform administrators): evaluating
  // the shared rules again is idempotent, so only people who cannot raise or assess alerts are refused.
  { route: "POST /api/alerts/evaluate", refused: { viewer: 403 }, allowed: "analyst", ok: 200 },
  { route: "POST /api/alerts/escalate", refused: platformOnly, allowed: "platform", ok: 200 },
  {
    route: "POST /api/alerts/rules",
    body: {
      name: "Refusal test rule",
      severity: "high",
      definition: { kind: "report_surge", minReports: 50 },
    },
    refused: platformOnly,
    allowed: "platform",
    ok: 201,
  },
  {
    route: "PATCH /api/alerts/rules/:id",
    params: { id: "rule" },
    body: { enabled: false },
    refused: platformOnly,
    allowed: "platform",
    ok: 200,
  },
  {
    route: "DELETE /api/alerts/rules/:id",
    params: { id: "rule" },
    refused: platformOnly,
    allowed: "platform",
    ok: 204,
  },
  {
    route: "PUT /api/alerts/desks",
    body: (f) => ({ iso3: "NER", orgId: f.ownerOrg }),
    refused: platformOnly,
    allowed: "platform",
    ok: 200,
  },
  {
    route: "DELETE /api/alerts/desks/:iso3",
    params: { iso3: { literal: "MLI" } },
    refused: platformOnly,
    allowed: "platform",
    ok: 204,
  },
  // analyses
  {
    route: "POST /api/analyses",
    body: { title: "Refusal outlook", clearance: "restricted" },
    refused: { viewer: 403 },
    allowed: "analyst",
    ok: 201,
  },
  {
    route: "PATCH /api/analyses/:id",
    params: { id: "analysis" },
    body: { body: "Edited" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "PUT /api/analyses/:id/shares",
    params: { id: "analysis" },
    body: (f) => ({ orgIds: [f.otherOrg] }),
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "DELETE /api/analyses/:id",
    params: { id: "analysis" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 204,
  },
  // auth
  {
    route: "POST /api/auth/organisation",
    body: (f) => ({ orgId: f.ownerOrg }),
    refused: { outsider: 404 },
    allowed: "admin",
    ok: 204,
  },
  {
    route: "DELETE /api/tokens/:id",
    params: { id: "token" },
    // Tokens are looked up among the caller's own: another person's is not found, whoever asks.
    refused: { admin: 404, outsider: 404, platform: 404 },
    allowed: "analyst",
    ok: 204,
  },
  // frameworks
  {
    route: "POST /api/frameworks",
    body: {
      slug: "refusal-test",
      version: "1",
      title: "Refusal test framework",
      factors: [{ code: "A", name: "Arms flows", category: "security" }],
    },
    refused: platformOnly,
    allowed: "platform",
    ok: 201,
  },
  {
    route: "PATCH /api/frameworks/:id",
    params: { id: "framework" },
    body: { description: "Edited" },
    refused: platformOnly,
    allowed: "platform",
    ok: 200,
  },
  // notifications: marks only the caller's own, so another person's stays unread
  {
    route: "POST /api/notifications/read",
    body: (f) => ({ ids: [f.notification] }),
    refused: { viewer: "own only", outsider: "own only", platform: "own only" },
    allowed: "admin",
    ok: 200,
  },
  // organisations
  {
    route: "POST /api/organisations",
    body: { slug: "refusal-test-org", name: "Refusal test", kind: "donor" },
    refused: platformOnly,
    allowed: "platform",
    ok: 201,
  },
  // reviews
  {
    route: "POST /api/reviews",
    body: { iso3: "CAF", title: "Refusal review" },
    refused: { viewer: 403 },
    allowed: "analyst",
    ok: 201,
  },
  {
    route: "PUT /api/reviews/settings",
    body: { cycleMonths: 48 },
    refused: platformOnly,
    allowed: "platform",
    ok: 200,
  },
  {
    route: "POST /api/reviews/cycles",
    body: { name: "Refusal cycle", startsOn: "2026-01-01" },
    refused: platformOnly,
    allowed: "platform",
    ok: 201,
  },
  {
    route: "POST /api/reviews/cycles/:id/bring-forward",
    params: { id: "cycle" },
    refused: platformOnly,
    allowed: "platform",
    ok: 200,
  },
  {
    route: "PATCH /api/reviews/:id",
    params: { id: "draftReview" },
    body: { findings: "Edited findings" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "POST /api/reviews/:id/evidence",
    params: { id: "draftReview" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "PUT /api/reviews/:id/assessments/:factorCode",
    params: { id: "draftReview", factorCode: { literal: "1" } },
    body: { level: "high", confidence: "medium" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "POST /api/reviews/:id/recommendations",
    params: { id: "draftReview" },
    body: { body: "Open a dialogue", addressedTo: "The government", recommendedBy: "The desk" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 201,
  },
  {
    route: "POST /api/reviews/:id/status",
    params: { id: "draftReview" },
    body: { to: "in_review" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "DELETE /api/reviews/recommendations/:id",
    params: { id: "draftRecommendation" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 204,
  },
  {
    route: "POST /api/reviews/recommendations/:id/response",
    params: { id: "adoptedRecommendation" },
    body: { response: "supported" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "POST /api/reviews/recommendations/:id/follow-up",
    params: { id: "adoptedRecommendation" },
    body: { implementation: "partial" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  // scenarios
  {
    route: "POST /api/scenarios",
    body: { iso3: "CAF", title: "Refusal scenario", likelihood: "possible", impact: "major" },
    refused: { viewer: 403 },
    allowed: "analyst",
    ok: 201,
  },
  {
    route: "POST /api/scenarios/plans",
    body: { iso3: "CAF", title: "Refusal plan" },
    refused: { viewer: 403 },
    allowed: "analyst",
    ok: 201,
  },
  {
    route: "PUT /api/scenarios/plans/:id/shares",
    params: { id: "plan" },
    body: (f) => ({ orgIds: [f.otherOrg] }),
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "PATCH /api/scenarios/:id",
    params: { id: "scenario" },
    body: { narrative: "Edited narrative" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "PUT /api/scenarios/:id/shares",
    params: { id: "scenario" },
    body: (f) => ({ orgIds: [f.otherOrg] }),
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "DELETE /api/scenarios/:id",
    params: { id: "scenario" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 204,
  },
  // users
  {
    route: "POST /api/users",
    body: (f) => ({
      email: "refusal-new-person@example.org",
      name: "New Person",
      password: "twelve chars min",
      orgId: f.ownerOrg,
      role: "viewer",
      clearance: "public",
    }),
    refused: memberAdministration,
    allowed: "admin",
    ok: 201,
  },
  {
    route: "PUT /api/users/:userId/memberships/:orgId",
    params: { userId: "member", orgId: "ownerOrg" },
    body: { role: "analyst" },
    refused: memberAdministration,
    allowed: "admin",
    ok: 200,
  },
  {
    route: "POST /api/users/:userId/unlock",
    params: { userId: "member" },
    // The outsider administers their own people; this person is not one of them.
    refused: { analyst: 403, outsider: 404 },
    allowed: "admin",
    ok: 200,
  },
  {
    route: "DELETE /api/users/tokens/:id",
    params: { id: "memberToken" },
    // An administrator revokes a member's token; another organisation's is not found, even by its administrator.
    refused: { analyst: 403, viewer: 403, outsider: 404 },
    allowed: "admin",
    ok: 204,
  },
  {
    route: "DELETE /api/users/:userId/memberships/:orgId",
    params: { userId: "member", orgId: "ownerOrg" },
    refused: memberAdministration,
    allowed: "admin",
    ok: 204,
  },
  // voices
  {
    route: "PATCH /api/voices/reports/:id",
    params: { id: "report" },
    body: { note: "Checked with the field office" },
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "POST /api/voices/reports/:id/redact",
    params: { id: "report" },
    body: { description: "Gunfire near the market [place withheld]." },
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "POST /api/voices/reports/:id/reveal",
    params: { id: "report" },
    body: { reason: "Safety follow-up" },
    refused: { ...triageSeats, analyst: 403 },
    allowed: "admin",
    ok: 200,
  },
  {
    route: "POST /api/voices/reports/:id/replies",
    params: { id: "report" },
    body: { body: "Thank you, we are following up." },
    refused: { ...triageSeats, analyst: 403 },
    allowed: "admin",
    ok: 201,
  },
  {
    route: "PUT /api/voices/reports/:id/shares",
    params: { id: "report" },
    body: (f) => ({ orgIds: [f.otherOrg] }),
    refused: triageSeats,
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "POST /api/voices/surge",
    body: { iso3: "CAF", month: "2025-06" },
    refused: { viewer: 403 },
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "POST /api/voices/forms/draft",
    body: {
      survey: read("data/bundled/voices/kobo_reach_irq_water_survey_xlsform_survey.csv"),
      choices: read("data/bundled/voices/kobo_reach_irq_water_survey_xlsform_choices.csv"),
      iso3: "IRQ",
      category: "services",
    },
    refused: { analyst: 403, viewer: 403 },
    allowed: "admin",
    ok: 200,
  },
  {
    route: "PUT /api/voices/forms/:formId",
    params: { formId: { literal: FORM_ID } },
    body: (f) => ({ title: "Refusal form, renamed", kind: "kobo", mapping: f.formMapping }),
    // The outsider may keep forms of their own, but not take over this organisation's id.
    refused: { analyst: 403, outsider: 403 },
    allowed: "admin",
    ok: 200,
  },
  {
    route: "POST /api/voices/forms/:formId/submissions",
    params: { formId: { literal: FORM_ID } },
    body: { format: "csv", content: read("docs/examples/voices/reach-irq-water-submissions.csv") },
    refused: { viewer: 403, outsider: 404 },
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "POST /api/voices/imports/ushahidi",
    body: { content: read("docs/examples/voices/ushahidi-export.csv") },
    refused: { viewer: 403 },
    allowed: "analyst",
    ok: 200,
  },
  {
    route: "POST /api/voices/gazetteer",
    // voices.configure, which every organisation's administrator holds (the gazetteer is derived from the shared
    // data only): the refused are those who administer nothing.
    refused: { analyst: 403, viewer: 403 },
    allowed: "admin",
    ok: 200,
  },
  // warning: publishing a run the rules keep as an experiment is for platform administrators only.
  {
    route: "POST /api/warning/forecast-runs",
    body: { origin: "2019-12", maxHorizon: 1, options: quick, publish: true },
    refused: { viewer: 403, analyst: 403, admin: 403, outsider: 403 },
    allowed: "platform",
    ok: 202,
  },
  {
    route: "POST /api/warning/cell-forecast-runs",
    body: { iso3: "SYR", maxHorizon: 1 },
    refused: { viewer: 403 },
    allowed: "analyst",
    ok: 201,
  },
  {
    route: "POST /api/warning/backtest-runs",
    body: { origins: ["2018-12"], maxHorizon: 1, options: quick },
    refused: { viewer: 403 },
    allowed: "analyst",
    ok: 202,
  },
];

let handle: DatabaseHandle;
let app: App;
const users = {} as Record<Seat, TestUser>;
const sessions = {} as Record<Seat, ApiSession>;
const f = {} as Fixtures;

type Method = Parameters<ApiSession["request"]>[0];
const methodOf = (row: Row) => row.route.split(" ")[0] as Method;
const pathOf = (row: Row) => row.route.split(" ")[1] ?? "";

const urlOf = (row: Row): string =>
  pathOf(row).replace(/:(\w+)/g, (_, name: string) => {
    const param = row.params?.[name];
    if (!param) throw new Error(`${row.route}: no value for :${name}`);
    return typeof param === "object" ? param.literal : String(f[param]);
  });

const send = (seat: Seat, row: Row) =>
  sessions[seat].request(methodOf(row), urlOf(row), typeof row.body === "function" ? row.body(f) : row.body);

/** Asserts a 2xx while setting up, naming the call. */
const made = async <T>(response: Awaited<ReturnType<ApiSession["request"]>>, what: string): Promise<T> => {
  expect(response.statusCode, `${what}: ${response.body}`).toBeLessThan(300);
  return (response.body ? response.json() : undefined) as T;
};

/**
 * Each table's row count and an order-independent checksum of its rows (a sum of each row's hash, so the
 * bundled data's large tables need no sort or giant string). The audit log is left out: refusals are
 * recorded there on purpose, and are checked separately. Sessions stay in: no refusal touches them.
 */
const snapshot = async (): Promise<Record<string, string>> => {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'audit_log'
    ORDER BY table_name`.execute(handle.db);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const { rows: sums } = await sql<{ n: string; checksum: string | null }>`
      SELECT count(*)::text AS n,
        sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint::numeric)::text AS checksum
      FROM ${sql.table(name)} t`.execute(handle.db);
    result[name] = `${sums[0]?.n}:${sums[0]?.checksum ?? "-"}`;
  }
  return result;
};

beforeAll(async () => {
  handle = await createTestDatabase({ withBundledData: true });
  const owner = await buildOrganisation(handle.db, "civil_society");
  const other = await buildOrganisation(handle.db);
  const platformOrg = await buildOrganisation(handle.db, "un_entity");
  users.admin = await buildUser(handle.db, owner.id, "administrator", "confidential");
  users.analyst = await buildUser(handle.db, owner.id, "analyst", "confidential");
  users.viewer = await buildUser(handle.db, owner.id, "viewer", "confidential");
  users.outsider = await buildUser(handle.db, other.id, "administrator", "confidential");
  users.platform = await buildUser(handle.db, platformOrg.id, "administrator", "confidential", true);
  const member = await buildUser(handle.db, owner.id, "viewer", "restricted");
  // Public reports go to the owner organisation.
  ({ app } = await voicesApp(handle, owner.slug));
  for (const seat of seatNames) sessions[seat] = await signIn(app, users[seat].email, users[seat].password);
  const { admin, analyst, platform } = sessions;
  Object.assign(f, {
    ownerOrg: owner.id,
    otherOrg: other.id,
    adminUser: users.admin.userId,
    member: member.userId,
  });

  f.analysis = (
    await made<{ id: string }>(
      await analyst.request("POST", "/api/analyses", { title: "Outlook", clearance: "restricted" }),
      "analysis",
    )
  ).id;
  f.scenario = (
    await made<{ id: string }>(
      await analyst.request("POST", "/api/scenarios", {
        iso3: "CAF",
        title: "Escalation",
        likelihood: "likely",
        impact: "major",
      }),
      "scenario",
    )
  ).id;
  f.plan = (
    await made<{ id: string }>(
      await analyst.request("POST", "/api/scenarios/plans", { iso3: "CAF", title: "Plan" }),
      "plan",
    )
  ).id;
  f.rule = (
    await made<{ id: string }>(
      await platform.request("POST", "/api/alerts/rules", {
        name: "Fixture rule",
        severity: "medium",
        definition: { kind: "report_surge", minReports: 100 },
      }),
      "rule",
    )
  ).id;
  // The Central African Republic's alerts go to the owner's administrator, who is then notified of one.
  await made(
    await platform.request("PUT", "/api/alerts/desks", {
      iso3: "CAF",
      orgId: owner.id,
      userId: users.admin.userId,
    }),
    "desk CAF",
  );
  await made(
    await platform.request("PUT", "/api/alerts/desks", { iso3: "MLI", orgId: owner.id }),
    "desk MLI",
  );
  f.alert = (
    await made<{ alert: { id: string } }>(
      await analyst.request("POST", "/api/alerts", {
        iso3: "CAF",
        severity: "high",
        summary: "Armed groups gathering near Bambari",
      }),
      "alert",
    )
  ).alert.id;
  const notifications = await made<{ items: { id: string }[] }>(
    await admin.request("GET", "/api/notifications"),
    "notifications",
  );
  f.notification = notifications.items[0]?.id ?? "";
  expect(f.notification, "the alert notified the desk officer").not.toBe("");

  f.framework = (
    await made<{ id: string }>(
      await platform.request("POST", "/api/frameworks", {
        slug: "refusal-fixture",
        version: "1",
        title: "Fixture framework",
        factors: [{ code: "A", name: "Arms flows", category: "security" }],
      }),
      "framework",
    )
  ).id;
  f.cycle = (
    await made<{ id: string }>(
      await platform.request("POST", "/api/reviews/cycles", {
        name: "Fixture cycle",
        startsOn: "2025-01-01",
      }),
      "cycle",
    )
  ).id;
  const review = async (title: string) =>
    (
      await made<{ id: string }>(
        await analyst.request("POST", "/api/reviews", { iso3: "CAF", title }),
        `review ${title}`,
      )
    ).id;
  const recommend = async (reviewId: string) =>
    (
      await made<{ id: string }>(
        await analyst.request("POST", `/api/reviews/${reviewId}/recommendations`, {
          body: "Protect the corridor",
          addressedTo: "The government",
          recommendedBy: "The desk",
        }),
        "recommendation",
      )
    ).id;
  f.draftReview = await review("Draft review");
  f.draftRecommendation = await recommend(f.draftReview);
  // Responses and follow-ups are for an adopted review's recommendations.
  const adopted = await review("Adopted review");
  f.adoptedRecommendation = await recommend(adopted);
  await made(
    await analyst.request("PUT", `/api/reviews/${adopted}/assessments/1`, {
      level: "moderate",
      confidence: "low",
    }),
    "assessment",
  );
  await made(await analyst.request("POST", `/api/reviews/${adopted}/status`, { to: "in_review" }), "submit");
  await made(await admin.request("POST", `/api/reviews/${adopted}/status`, { to: "adopted" }), "adopt");

  await made(
    await app.inject({
      method: "POST",
      url: "/api/public/reports",
      payload: {
        category: "armed_violence",
        description: "Gunfire near the market in Bambari last night.",
        iso3: "CAF",
        date: "2025-06-10",
        contact: { name: "A Reporter", email: "reporter@example.net" },
      },
    }),
    "public report",
  );
  const queue = await made<{ reports: { id: string }[] }>(
    await analyst.request("GET", "/api/voices/reports"),
    "queue",
  );
  f.report = queue.reports[0]?.id ?? "";
  const draft = rows.find((row) => row.route === "POST /api/voices/forms/draft");
  f.formMapping = await made(await send("admin", draft as Row), "form draft");
  await made(
    await admin.request("PUT", `/api/voices/forms/${FORM_ID}`, {
      title: "Refusal form",
      kind: "kobo",
      mapping: f.formMapping,
    }),
    "form",
  );
  f.token = (
    await made<{ id: string }>(await analyst.request("POST", "/api/tokens", { name: "robot" }), "token")
  ).id;
  f.memberToken = (
    await made<{ id: string }>(
      await analyst.request("POST", "/api/tokens", { name: "nightly import" }),
      "member token",
    )
  ).id;
}, 120_000);

afterAll(async () => {
  await idleModelJobs();
  await app?.close();
  await handle?.close();
});

describe(`write routes refuse the wrong person (${engine})`, () => {
  it("answers every refusal with the expected 403 or 404 and changes nothing", async () => {
    const before = await snapshot();
    const { rows: marks } = await sql<{ id: string }>`SELECT max(id)::text AS id FROM audit_log`.execute(
      handle.db,
    );
    const auditFrom = marks[0]?.id ?? "0";

    const failures: string[] = [];
    const forbidden: { route: string; seat: Seat }[] = [];
    for (const row of rows)
      for (const [seat, refusal] of Object.entries(row.refused) as [Seat, Refusal][]) {
        const response = await send(seat, row);
        const expected = refusal === "own only" ? 200 : refusal;
        if (response.statusCode !== expected)
          failures.push(
            `${row.route} as ${seat}: ${response.statusCode}, expected ${expected}: ${response.body}`,
          );
        else if (refusal === "own only")
          expect(response.json(), `${row.route} as ${seat}`).toEqual({ marked: 0 });
        if (response.statusCode === 403) forbidden.push({ route: row.route, seat });
      }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);

    // Every 403 is in the log of the refused person's organisation, naming the route; the refusals wrote nothing else.
    const { rows: logged } = await sql<{
      action: string;
      userId: string;
      orgId: string;
      request: string | null;
    }>`
      SELECT action, actor_user_id AS "userId", org_id AS "orgId", after->>'request' AS request FROM audit_log
      WHERE id > ${auditFrom}::bigint ORDER BY id`.execute(handle.db);
    expect(new Set(logged.map((entry) => entry.action))).toEqual(
      new Set(["access.refused", "voices.reveal_refused"]),
    );
    for (const { route, seat } of forbidden)
      expect(
        logged.some(
          (entry) =>
            entry.action === "access.refused" &&
            entry.userId === users[seat].userId &&
            entry.orgId === users[seat].orgId &&
            entry.request === route,
        ),
        `${route} refused to ${seat} is audit-logged`,
      ).toBe(true);
  });

  it("lets the right person make each of the same calls (deletes last)", async () => {
    const ordered = [
      ...rows.filter((row) => methodOf(row) !== "DELETE"),
      ...rows.filter((row) => methodOf(row) === "DELETE"),
    ];
    const failures: string[] = [];
    for (const row of ordered) {
      const response = await send(row.allowed, row);
      if (response.statusCode !== row.ok)
        failures.push(
          `${row.route} as ${row.allowed}: ${response.statusCode}, expected ${row.ok}: ${response.body}`,
        );
      if (row.route === "POST /api/notifications/read") expect(response.json()).toEqual({ marked: 1 });
    }
    // The forecast and backtest started above run in the background: let them finish before the database closes.
    await idleModelJobs();
    expect(failures).toEqual([]);
  }, 240_000);
});
