import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR } from "../../src/core/alerts/alert.schemas.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { evaluateAlertRules } from "../../src/services/alerts/evaluate-alert-rules.ts";
import { raiseAlert } from "../../src/services/alerts/raise-alert.ts";
import { type ApiSession, signIn, testApp } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import {
  buildCountries,
  buildOrganisation,
  buildUser,
  contextFor,
  type TestUser,
} from "../support/factories.ts";
import { insertForecastRun } from "../support/forecast-rows.ts";

let handle: DatabaseHandle;
let app: App;
let clock = new Date("2026-03-02T08:00:00Z");
const now = () => clock;
let admin: TestUser;
let desk: TestUser;
let supervisor: TestUser;
let analyst: TestUser;
let outsider: TestUser;
let deskSession: ApiSession;
let adminSession: ApiSession;

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await testApp(handle.db, { now });
  const un = await buildOrganisation(handle.db, "un_entity");
  const other = await buildOrganisation(handle.db, "regional_organisation");
  admin = await buildUser(handle.db, un.id, "administrator", "confidential", true);
  desk = await buildUser(handle.db, un.id, "desk_officer", "confidential");
  supervisor = await buildUser(handle.db, un.id, "desk_officer", "confidential");
  analyst = await buildUser(handle.db, un.id, "analyst", "confidential");
  outsider = await buildUser(handle.db, other.id, "desk_officer", "confidential");
  adminSession = await signIn(app, admin.email, admin.password);
  deskSession = await signIn(app, desk.email, desk.password);
  const set = await adminSession.request("PUT", "/api/alerts/desks", {
    iso3: "*",
    orgId: un.id,
    userId: desk.userId,
    escalationUserId: supervisor.userId,
  });
  expect(set.statusCode, set.body).toBe(200);
  // An analyst may not decide alerts, so may not supervise a desk that escalates to them.
  const analystSupervisor = await adminSession.request("PUT", "/api/alerts/desks", {
    iso3: "*",
    orgId: un.id,
    userId: desk.userId,
    escalationUserId: analyst.userId,
  });
  expect(analystSupervisor.statusCode).toBe(400);
  expect(analystSupervisor.json().error.details).toEqual([
    expect.objectContaining({
      field: "body.escalationUserId",
      message: expect.stringMatching(/^an analyst may not/),
    }),
  ]);
  const selfSupervised = await adminSession.request("PUT", "/api/alerts/desks", {
    iso3: "*",
    orgId: un.id,
    userId: desk.userId,
    escalationUserId: desk.userId,
  });
  expect(selfSupervised.statusCode).toBe(400);
  expect(selfSupervised.json().error.details).toEqual([
    { field: "body.escalationUserId", message: "the desk officer themself" },
  ]);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe(`alerts (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("raises alerts from a forecast run above the threshold, each owned and with a deadline, idempotently", async () => {
    await insertForecastRun(handle.db, "2026-02", [
      { iso3: "SYR", pGe25: 0.93 },
      { iso3: "MMR", pGe25: 0.61 },
      { iso3: "MEX", pGe25: 0.12 },
    ]);
    const ctx = contextFor(handle.db, admin, now);
    // Two servers evaluating at the same moment raise each alert once, and count no repeat.
    const [first, twin] = await Promise.all([
      evaluateAlertRules(ctx, { now: clock }),
      evaluateAlertRules(ctx, { now: clock }),
    ]);
    expect([first.raised + twin.raised, first.merged + twin.merged]).toEqual([2, 0]);
    const again = await evaluateAlertRules(ctx, { now: clock });
    expect(again.raised + again.merged).toBe(0);
    expect(again.alreadyRaised).toBe(2);
    // A forecast from data more than six months old says nothing about now: no rule fires on it.
    const stale = await evaluateAlertRules(ctx, { now: new Date("2026-09-01T00:00:00Z") });
    expect(stale.candidates).toBe(0);

    const list = (await deskSession.request("GET", "/api/alerts?scope=mine")).json();
    expect(list.map((a: { iso3: string }) => a.iso3).sort()).toEqual(["MMR", "SYR"]);
    for (const alert of list) {
      expect(alert.owner.userId).toBe(desk.userId);
      expect(alert.severity).toBe("high");
      expect(new Date(alert.deadline).getTime() - new Date(alert.raisedAt).getTime()).toBe(72 * HOUR);
      expect(alert.status).toBe("new");
    }
    // The platform's own alert carries its wording as a key and figures, and the summary is its English form.
    const syria = list.find((a: { iso3: string }) => a.iso3 === "SYR");
    expect(syria.message).toMatchObject({ key: "forecast_threshold", measure: "p_ge25", probability: 0.93 });
    expect(syria.summary).toBe(
      `Forecast: 93% probability of 25 or more deaths in ${syria.message.month} (threshold 50%)`,
    );
  });

  it("brings a platform finding's wording up to date when it repeats, and can repeat only when more severe", async () => {
    const ctx = { ...contextFor(handle.db, analyst, now), via: "system" as const };
    const surge = (count: number, severity: "medium" | "high") =>
      raiseAlert(ctx, {
        iso3: "MLI",
        cause: "voices_surge",
        severity,
        source: "voices",
        repeatOnlyWhenMoreSevere: true,
        message: { key: "voices_surge", count, month: "2026-05", ratio: 3, baselineMonths: 6, baseline: 2 },
      });
    await surge(6, "medium");
    const same = await surge(7, "medium");
    expect(same.alert).toMatchObject({ occurrences: 1, summary: expect.stringMatching(/^6 verified/) });
    const worse = await surge(12, "high");
    expect(worse.alert).toMatchObject({ occurrences: 2, severity: "high" });
    expect(worse.alert.summary).toMatch(/^12 verified community reports in MLI in 2026-05/);
    expect(worse.alert.message).toMatchObject({ count: 12 });
  });

  it("merges a duplicate for the same country and cause instead of repeating it, keeping the higher severity", async () => {
    const ctx = { ...contextFor(handle.db, analyst, now), via: "system" as const };
    const first = await raiseAlert(ctx, {
      iso3: "CAF",
      cause: "report_surge",
      severity: "medium",
      source: "voices",
      summary: "12 verified reports in 7 days",
    });
    const second = await raiseAlert(ctx, {
      iso3: "CAF",
      cause: "report_surge",
      severity: "critical",
      source: "voices",
      summary: "30 verified reports in 7 days",
    });
    expect(first.merged).toBe(false);
    expect(second.merged).toBe(true);
    expect(second.alert.id).toBe(first.alert.id);
    expect(second.alert.occurrences).toBe(2);
    expect(second.alert.severity).toBe("critical");
    expect(second.alert.deadline.getTime()).toBe(clock.getTime() + 24 * HOUR);
    const caf = (await deskSession.request("GET", "/api/alerts?iso3=CAF")).json();
    expect(caf).toHaveLength(1);
  });

  it("keeps two people's warnings about one country apart unless they name the same cause", async () => {
    await buildCountries(handle.db, ["MLI"]);
    const ctx = contextFor(handle.db, analyst, now);
    const warning = { iso3: "MLI", severity: "high" as const, source: "person" };
    const first = await raiseAlert(ctx, { ...warning, summary: "Checkpoint attack near Mopti" });
    const second = await raiseAlert(ctx, { ...warning, summary: "Kidnapping reported in Gao" });
    expect([first.merged, second.merged]).toEqual([false, false]);
    expect(second.alert.id).not.toBe(first.alert.id);
    const named = { ...warning, cause: "mopti_checkpoints", summary: "Another checkpoint attack" };
    await raiseAlert(ctx, named);
    expect((await raiseAlert(ctx, named)).merged).toBe(true);
    // Causes are named in the desk's own language.
    const french = { ...warning, cause: "violence_électorale", summary: "Affrontements à Kayes" };
    await raiseAlert(ctx, french);
    expect((await raiseAlert(ctx, french)).merged).toBe(true);
  });

  it("keeps a person's alert to the desk and the raiser's organisation unless they make it public", async () => {
    await buildCountries(handle.db, ["NGA"]);
    const other = (await buildOrganisation(handle.db, "civil_society")).id;
    const monitor = await buildUser(handle.db, other, "field_monitor", "restricted");
    const colleague = await buildUser(handle.db, other, "viewer", "restricted");
    const donor = await buildUser(handle.db, (await buildOrganisation(handle.db, "donor")).id, "donor");
    const publicViewer = await buildUser(handle.db, desk.orgId, "viewer", "public");
    const monitorSession = await signIn(app, monitor.email, monitor.password);
    const raise = (body: object) =>
      monitorSession.request("POST", "/api/alerts", { iso3: "NGA", severity: "high", ...body });
    const restricted = (await raise({ summary: "Attack in Zamfara; informants Musa and Aisha" })).json()
      .alert;
    expect(restricted.clearance).toBe("restricted");
    const reads = async (who: TestUser, id: string) => {
      const session = await signIn(app, who.email, who.password);
      const listed = (await session.request("GET", "/api/alerts?iso3=NGA")).json() as { id: string }[];
      const one = await session.request("GET", `/api/alerts/${id}`);
      expect(
        listed.some((a) => a.id === id),
        who.email,
      ).toBe(one.statusCode === 200);
      return one.statusCode;
    };
    // The desk (another organisation) owns it; the monitor's organisation keeps reading it.
    expect(await reads(desk, restricted.id)).toBe(200);
    expect(await reads(colleague, restricted.id)).toBe(200);
    expect(await reads(donor, restricted.id)).toBe(404);
    const donorSession = await signIn(app, donor.email, donor.password);
    // Acting on it is not found either, rather than refused in the name of its desk.
    expect(
      (await donorSession.request("POST", `/api/alerts/${restricted.id}/acknowledge`, {})).statusCode,
    ).toBe(404);
    expect(await reads(publicViewer, restricted.id)).toBe(404);
    const open = (await raise({ summary: "Market closed in Gusau", clearance: "public" })).json().alert;
    expect(await reads(donor, open.id)).toBe(200);
    const above = await raise({ summary: "Too secret for its author", clearance: "confidential" });
    expect(above.statusCode).toBe(400);
    expect(above.json().error.details[0].field).toBe("body.clearance");
  });

  it("merges a repeat only into an alert with the same readers, and tells only those cleared to read it", async () => {
    await buildCountries(handle.db, ["IRQ"]);
    const other = (await buildOrganisation(handle.db, "civil_society")).id;
    const prober = await buildUser(handle.db, other, "field_monitor", "restricted");
    const proberSession = await signIn(app, prober.email, prober.password);
    const publicOfficer = await buildUser(handle.db, desk.orgId, "desk_officer", "public");
    const routed = await adminSession.request("PUT", "/api/alerts/desks", {
      iso3: "IRQ",
      orgId: desk.orgId,
      userId: publicOfficer.userId,
    });
    expect(routed.statusCode).toBe(200);
    const analystSession = await signIn(app, analyst.email, analyst.password);
    const secret = (
      await analystSession.request("POST", "/api/alerts", {
        iso3: "IRQ",
        severity: "high",
        summary: "Informant Ahmed reports militia build-up",
        cause: "irq_buildup",
        clearance: "confidential",
      })
    ).json().alert;
    // Another organisation naming the same cause raises its own alert: it neither reads nor changes the first.
    const probe = await proberSession.request("POST", "/api/alerts", {
      iso3: "IRQ",
      severity: "critical",
      summary: "probe",
      cause: "irq_buildup",
      clearance: "public",
    });
    expect(probe.statusCode).toBe(201);
    expect(probe.json()).toMatchObject({ merged: false });
    expect(probe.body).not.toContain("Informant Ahmed");
    const untouched = (await analystSession.request("GET", `/api/alerts/${secret.id}`)).json();
    expect(untouched).toMatchObject({ severity: "high", occurrences: 1 });
    // Its desk officer is not cleared for it: the desk's organisation owns it, and it cannot be handed to them.
    expect(secret.owner).toMatchObject({ orgId: desk.orgId, userId: null });
    const officerSession = await signIn(app, publicOfficer.email, publicOfficer.password);
    expect((await officerSession.request("GET", "/api/notifications")).body).not.toContain("Informant");
    // A person's confidential warning stays in their organisation when the desk is another's.
    const outsiderSession = await signIn(app, outsider.email, outsider.password);
    const kept = (
      await outsiderSession.request("POST", "/api/alerts", {
        iso3: "IRQ",
        severity: "high",
        summary: "Our own source in Mosul",
        clearance: "confidential",
      })
    ).json().alert;
    expect(kept.owner).toMatchObject({ orgId: outsider.orgId, userId: outsider.userId });
    // Raised by someone who may not decide alerts, it goes to their organisation's desk officers, not to them.
    const outsideAnalyst = await buildUser(handle.db, outsider.orgId, "analyst", "confidential");
    const raisedByAnalyst = (
      await (
        await signIn(app, outsideAnalyst.email, outsideAnalyst.password)
      ).request("POST", "/api/alerts", {
        iso3: "IRQ",
        severity: "critical",
        summary: "Our analyst's source in Sinjar",
        clearance: "confidential",
      })
    ).json().alert;
    expect(raisedByAnalyst.owner).toMatchObject({ orgId: outsider.orgId, userId: null });

    const handedBack = await deskSession.request("POST", `/api/alerts/${secret.id}/assign`, {
      userId: desk.userId,
    });
    expect(handedBack.statusCode).toBe(200);
    const handed = await deskSession.request("POST", `/api/alerts/${secret.id}/assign`, {
      userId: publicOfficer.userId,
    });
    expect(handed.statusCode).toBe(400);
    const assignees = (await deskSession.request("GET", `/api/alerts/${secret.id}/assignees`)).json();
    expect(assignees.map((p: { userId: string }) => p.userId)).not.toContain(publicOfficer.userId);
    await adminSession.request("DELETE", "/api/alerts/desks/IRQ");
  });

  it("lets the owning desk hand an alert to a colleague, on the timeline, and no one else", async () => {
    const [alert] = (await deskSession.request("GET", "/api/alerts?iso3=MMR")).json();
    const assignees = (await deskSession.request("GET", `/api/alerts/${alert.id}/assignees`)).json();
    expect(assignees.map((p: { userId: string }) => p.userId)).toContain(supervisor.userId);
    const handed = await deskSession.request("POST", `/api/alerts/${alert.id}/assign`, {
      userId: supervisor.userId,
      note: "You know the Rakhine file",
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().owner.userId).toBe(supervisor.userId);
    const detail = (await deskSession.request("GET", `/api/alerts/${alert.id}`)).json();
    expect(detail.timeline.at(-1)).toMatchObject({ kind: "assigned" });
    const stranger = await deskSession.request("POST", `/api/alerts/${alert.id}/assign`, {
      userId: outsider.userId,
    });
    expect(stranger.json().error.details[0].field).toBe("body.userId");
    const outsiderSession = await signIn(app, outsider.email, outsider.password);
    expect(
      (await outsiderSession.request("POST", `/api/alerts/${alert.id}/assign`, { userId: desk.userId }))
        .statusCode,
    ).toBe(403);
  });

  it("takes an alert from new to closed with a decision, only by the owning desk, on the timeline", async () => {
    const [alert] = (await deskSession.request("GET", "/api/alerts?iso3=SYR")).json();
    const outsiderSession = await signIn(app, outsider.email, outsider.password);
    expect(
      (await outsiderSession.request("POST", `/api/alerts/${alert.id}/acknowledge`, {})).statusCode,
    ).toBe(403);
    expect(
      (await deskSession.request("POST", `/api/alerts/${alert.id}/act`, { note: "too early" })).statusCode,
    ).toBe(409);
    // Every alert ends with a recorded decision: closing straight away is refused.
    const undecided = await deskSession.request("POST", `/api/alerts/${alert.id}/close`, { outcome: "done" });
    expect(undecided.statusCode).toBe(409);
    expect(undecided.json().error.details[0]).toMatchObject({
      field: "status",
      message: "expected one of decided, action",
    });

    clock = new Date(clock.getTime() + 2 * HOUR);
    expect(
      (await deskSession.request("POST", `/api/alerts/${alert.id}/acknowledge`, { note: "Seen" })).statusCode,
    ).toBe(200);
    const analystSession = await signIn(app, analyst.email, analyst.password);
    clock = new Date(clock.getTime() + 3 * HOUR);
    expect(
      (
        await analystSession.request("POST", `/api/alerts/${alert.id}/assess`, {
          assessment: "Escalation in Idlib likely.",
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await analystSession.request("POST", `/api/alerts/${alert.id}/decide`, {
          options: ["Wait"],
          decision: "Wait and see",
          rationale: "Not ours to decide",
        })
      ).statusCode,
    ).toBe(403);
    clock = new Date(clock.getTime() + 5 * HOUR);
    const decided = await deskSession.request("POST", `/api/alerts/${alert.id}/decide`, {
      options: ["Quiet diplomacy", "Briefing to the Security Council"],
      decision: "Brief the Security Council",
      rationale: "Forecast and field reports agree.",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    clock = new Date(clock.getTime() + 10 * HOUR);
    deskSession = await signIn(app, desk.email, desk.password);
    await deskSession.request("POST", `/api/alerts/${alert.id}/act`, { note: "Briefing scheduled" });
    const closed = await deskSession.request("POST", `/api/alerts/${alert.id}/close`, {
      outcome: "Briefing held; monitoring continues.",
    });
    expect(closed.json().status).toBe("closed");
    const detail = (await deskSession.request("GET", `/api/alerts/${alert.id}`)).json();
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "raised",
      "acknowledged",
      "assessed",
      "decided",
      "action",
      "closed",
    ]);
    expect(detail.decision.decidedBy).toBe(desk.email);

    const measures = (await deskSession.request("GET", "/api/measures")).json();
    const high = measures.alerts.find((m: { severity: string }) => m.severity === "high");
    expect(high.toAcknowledgement.n).toBe(1);
    expect(high.toAcknowledgement.medianHours).toBe(2);
    expect(high.toDecision.medianHours).toBe(10);
    expect(high.toAction.medianHours).toBe(20);
    expect(high.decidedWithinDeadline).toBe(1);
    // The other high alert is still within its deadline: not yet late, so not counted against the desk.
    expect(high.due).toBe(1);
    expect(high.shareDecidedWithinDeadline).toBe(1);
  });

  it("tells the person who raised an alert of its decision and of its end, not of every step", async () => {
    await buildCountries(handle.db, ["TCD"]);
    const analystSession = await signIn(app, analyst.email, analyst.password);
    const raised = await analystSession.request("POST", "/api/alerts", {
      iso3: "TCD",
      severity: "medium",
      summary: "Herders and farmers clash near Abéché",
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const id = raised.json().alert.id;
    const heard = async () =>
      (
        (await analystSession.request("GET", "/api/notifications")).json() as {
          items: { alertId: string | null; subject: string }[];
        }
      ).items.filter((n) => n.alertId === id);
    const step = (name: string, body: object) =>
      deskSession.request("POST", `/api/alerts/${id}/${name}`, body);
    expect((await step("acknowledge", {})).statusCode).toBe(200);
    expect(await heard()).toEqual([]);
    const decision = { options: ["Send a mission"], decision: "Send a mission", rationale: "Rising tension" };
    expect((await step("decide", decision)).statusCode).toBe(200);
    expect(await heard()).toHaveLength(1);
    expect((await step("close", { outcome: "Mission reported back" })).statusCode).toBe(200);
    expect(await heard()).toHaveLength(2);
  });

  it("escalates an overdue alert to the supervisor, then the administrators, on the clock it is given", async () => {
    adminSession = await signIn(app, admin.email, admin.password);
    const [mmr] = (await deskSession.request("GET", "/api/alerts?iso3=MMR")).json();
    expect((await adminSession.request("POST", "/api/alerts/escalate")).json().escalations).toEqual([]);
    clock = new Date(new Date(mmr.deadline).getTime() + HOUR);
    // Sessions expire on the same clock: sign in again after moving it days ahead.
    deskSession = await signIn(app, desk.email, desk.password);
    adminSession = await signIn(app, admin.email, admin.password);
    const overdue = (await deskSession.request("GET", "/api/alerts?scope=overdue")).json();
    expect(overdue.map((a: { iso3: string }) => a.iso3)).toContain("MMR");
    // The supervisor reads the app in French: the escalation reaches them in French.
    const supervisorSession = await signIn(app, supervisor.email, supervisor.password);
    const badLanguage = await supervisorSession.request("PUT", "/api/auth/language", { language: "French" });
    expect(badLanguage.statusCode).toBe(400);
    expect(badLanguage.body).toContain("language");
    expect(
      (await supervisorSession.request("PUT", "/api/auth/language", { language: "fr" })).statusCode,
    ).toBe(204);
    expect((await supervisorSession.request("GET", "/api/auth/me")).json().language).toBe("fr");
    const first = (await adminSession.request("POST", "/api/alerts/escalate")).json().escalations;
    expect(first.find((e: { iso3: string }) => e.iso3 === "MMR")).toMatchObject({ fromLevel: 0, toLevel: 1 });
    expect((await adminSession.request("POST", "/api/alerts/escalate")).json().escalations).toEqual([]);
    const inbox = (await supervisorSession.request("GET", "/api/notifications")).json();
    // No SMTP server in the tests: the page says the mail stays unsent.
    expect(inbox.emailEnabled).toBe(false);
    const escalated = inbox.items.find(
      (n: { kind: string; alertId: string }) => n.kind === "alert.escalated" && n.alertId === mmr.id,
    );
    expect(escalated.subject).toMatch(/^\[Continuum\] EN RETARD : alerte \S+ – MMR/);
    // The supervisor was handed the alert earlier: as its owner, there is no one but the administrators above.
    expect(escalated.body).toContain("(niveau 1) : transmise aux administrateurs de l’organisation.");
    clock = new Date(new Date(mmr.deadline).getTime() + 73 * HOUR);
    deskSession = await signIn(app, desk.email, desk.password);
    adminSession = await signIn(app, admin.email, admin.password);
    const second = (await adminSession.request("POST", "/api/alerts/escalate")).json().escalations;
    expect(second.find((e: { iso3: string }) => e.iso3 === "MMR")).toMatchObject({
      fromLevel: 1,
      toLevel: 2,
    });
    const timeline = (await deskSession.request("GET", `/api/alerts/${mmr.id}`)).json().timeline;
    expect(timeline.filter((e: { kind: string }) => e.kind === "escalated")).toHaveLength(2);
  });

  it("escalates every overdue alert but lists to the caller only those they may read", async () => {
    await buildCountries(handle.db, ["CAF"]);
    deskSession = await signIn(app, desk.email, desk.password);
    const raised = (
      await deskSession.request("POST", "/api/alerts", {
        iso3: "CAF",
        severity: "critical",
        summary: "Armed group massing near Bangui",
        clearance: "confidential",
      })
    ).json().alert;
    clock = new Date(new Date(raised.deadline).getTime() + HOUR);
    const elsewhere = await buildUser(handle.db, outsider.orgId, "administrator", "confidential", true);
    const platformSession = await signIn(app, elsewhere.email, elsewhere.password);
    const listed = (await platformSession.request("POST", "/api/alerts/escalate")).json();
    expect(listed.escalations.map((e: { alertId: string }) => e.alertId)).not.toContain(raised.id);
    expect(listed.unreadable).toBeGreaterThanOrEqual(1);
    deskSession = await signIn(app, desk.email, desk.password);
    expect((await deskSession.request("GET", `/api/alerts/${raised.id}`)).json().escalationLevel).toBe(1);
    // The escalation is in the log of the organisation whose alert it is, not only the runner's.
    const deskAdmin = await buildUser(handle.db, desk.orgId, "administrator", "confidential");
    const deskAdminSession = await signIn(app, deskAdmin.email, deskAdmin.password);
    const logged = (
      await deskAdminSession.request("GET", `/api/audit-log?action=alert.escalate&entityId=${raised.id}`)
    ).json();
    expect(logged).toEqual([expect.objectContaining({ entityId: raised.id, withheld: false })]);
  });

  it("refuses an invalid rule with a message naming the field", async () => {
    adminSession = await signIn(app, admin.email, admin.password);
    deskSession = await signIn(app, desk.email, desk.password);
    const response = await adminSession.request("POST", "/api/alerts/rules", {
      name: "Too eager",
      severity: "high",
      definition: { kind: "forecast_threshold", threshold: 1.5 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ field: "body.definition.threshold" }),
    ]);
    const unknownKind = await adminSession.request("POST", "/api/alerts/rules", {
      name: "Unknown",
      severity: "high",
      definition: { kind: "horoscope" },
    });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().error.details[0].field).toBe("body.definition.kind");
    // A misspelt optional field inside the definition would have left the rule at its default horizon.
    const misspelt = await adminSession.request("POST", "/api/alerts/rules", {
      name: "Six months out",
      severity: "high",
      definition: { kind: "forecast_threshold", threshold: 0.5, maxHorizn: 6 },
    });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error.details).toEqual([
      { field: "body.definition.maxHorizn", message: "not a field of this request" },
    ]);
    expect(
      (
        await deskSession.request("POST", "/api/alerts/rules", {
          name: "Desk rule",
          severity: "low",
          definition: { kind: "forecast_threshold", threshold: 0.9 },
        })
      ).statusCode,
    ).toBe(403);
    const ok = await adminSession.request("POST", "/api/alerts/rules", {
      name: "Very likely violence",
      severity: "critical",
      definition: { kind: "forecast_threshold", measure: "p_gt0", threshold: 0.95 },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().definition).toEqual({
      kind: "forecast_threshold",
      measure: "p_gt0",
      threshold: 0.95,
      maxHorizon: 3,
      maxDataAgeMonths: 6,
    });
    // Switched off, a rule stays off while its other fields change.
    const url = `/api/alerts/rules/${ok.json().id}`;
    expect((await adminSession.request("PATCH", url, { enabled: false })).json().enabled).toBe(false);
    const renamed = await adminSession.request("PATCH", url, {
      name: "Very likely violence (quiet)",
      severity: "low",
    });
    expect(renamed.json()).toMatchObject({
      name: "Very likely violence (quiet)",
      severity: "low",
      enabled: false,
    });
  });

  it("refuses a person's alert for a code that is not a country, naming the field", async () => {
    const response = await deskSession.request("POST", "/api/alerts", {
      iso3: "XXX",
      severity: "medium",
      summary: "Typo in the country",
    });
    expect(response.statusCode).toBe(400);
    // The service's check names the field as request validation does.
    expect(response.json().error.details[0].field).toBe("body.iso3");
    // Left out, a choice and a text both read "required", not "Invalid option" or "received undefined".
    const incomplete = await deskSession.request("POST", "/api/alerts", { iso3: "SYR" });
    expect(incomplete.json().error.details).toEqual([
      { field: "body.severity", message: "required" },
      { field: "body.summary", message: "required" },
    ]);
  });

  it("gives an alert its desk officer is not cleared for to the supervisor, else to the desk's organisation", async () => {
    await buildCountries(handle.db, ["COD"]);
    const publicDesk = await buildUser(handle.db, desk.orgId, "desk_officer", "public");
    const restrictedDesk = await buildUser(handle.db, desk.orgId, "desk_officer", "restricted");
    const setDesk = async (escalationUserId: string | null) =>
      expect(
        (
          await adminSession.request("PUT", "/api/alerts/desks", {
            iso3: "COD",
            orgId: desk.orgId,
            userId: publicDesk.userId,
            escalationUserId,
          })
        ).statusCode,
      ).toBe(200);
    const analystSession = await signIn(app, analyst.email, analyst.password);
    const raise = async (summary: string) =>
      (
        await analystSession.request("POST", "/api/alerts", { iso3: "COD", severity: "critical", summary })
      ).json().alert;
    await setDesk(supervisor.userId);
    expect((await raise("Armed group enters Beni")).owner.userId).toBe(supervisor.userId);
    await setDesk(null);
    const unowned = await raise("Checkpoint attack near Butembo");
    expect(unowned.owner).toMatchObject({ orgId: desk.orgId, userId: null });
    // Everyone in the organisation who may decide it and read it hears of it; the uncleared desk officer does not.
    const heard = async (who: TestUser) => {
      const session = await signIn(app, who.email, who.password);
      const { items } = (await session.request("GET", "/api/notifications")).json() as {
        items: { alertId: string | null }[];
      };
      return items.some((n) => n.alertId === unowned.id);
    };
    expect(await heard(restrictedDesk)).toBe(true);
    expect(await heard(publicDesk)).toBe(false);
    expect(await heard(analyst)).toBe(false);
    expect((await adminSession.request("DELETE", "/api/alerts/desks/COD")).statusCode).toBe(204);
  });

  it("leaves a person's alert with their organisation when no desk is assigned", async () => {
    await buildCountries(handle.db, ["CAF"]);
    expect((await adminSession.request("DELETE", "/api/alerts/desks/*")).statusCode).toBe(204);
    const outsiderSession = await signIn(app, outsider.email, outsider.password);
    const raised = await outsiderSession.request("POST", "/api/alerts", {
      iso3: "CAF",
      severity: "medium",
      summary: "Clashes reported near Bambari",
    });
    expect(raised.statusCode, raised.body).toBe(201);
    expect(raised.json().alert.owner).toMatchObject({ orgId: outsider.orgId, userId: outsider.userId });
  });

  it("writes a rule's alert into the log of the organisation that owns it, not the evaluator's", async () => {
    await buildCountries(handle.db, ["YEM"]);
    // Not to an organisation where nobody may decide an alert: it would reach no one.
    const donorOrg = (await buildOrganisation(handle.db, "donor")).id;
    await buildUser(handle.db, donorOrg, "donor");
    const toDonors = await adminSession.request("PUT", "/api/alerts/desks", { iso3: "YEM", orgId: donorOrg });
    expect(toDonors.statusCode).toBe(400);
    expect(toDonors.json().error.details).toEqual([
      expect.objectContaining({
        field: "body.orgId",
        message: expect.stringMatching(/^no administrator or desk officer/),
      }),
    ]);
    const set = await adminSession.request("PUT", "/api/alerts/desks", {
      iso3: "YEM",
      orgId: outsider.orgId,
    });
    expect(set.statusCode, set.body).toBe(200);
    await insertForecastRun(handle.db, "2026-03", [{ iso3: "YEM", pGe25: 0.97 }]);
    await evaluateAlertRules(contextFor(handle.db, admin, now), { now: clock });
    const yemen = (await adminSession.request("GET", "/api/alerts?iso3=YEM")).json()[0];
    const { rows } = await sql<{ orgId: string }>`
      SELECT org_id AS "orgId" FROM audit_log WHERE action = 'alert.raise' AND entity_id = ${yemen.id}`.execute(
      handle.db,
    );
    expect(rows).toEqual([{ orgId: outsider.orgId }]);
  });

  it("lists the default rules to every signed-in person, each with its full definition", async () => {
    const rules = await deskSession.request("GET", "/api/alerts/rules");
    expect(rules.statusCode, rules.body).toBe(200);
    const range = rules
      .json()
      .find((r: { definition: { kind: string } }) => r.definition.kind === "fatalities_above_range");
    expect(range.definition).toEqual({
      kind: "fatalities_above_range",
      lookbackMonths: 24,
      minFatalities: 25,
      maxDataAgeMonths: 6,
    });
  });
});
