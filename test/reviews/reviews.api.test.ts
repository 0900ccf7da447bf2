import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { saveFollowUp } from "../../src/repositories/reviews/reviews.repository.ts";
import { evaluateAlertRules } from "../../src/services/alerts/evaluate-alert-rules.ts";
import { type ApiSession, signIn, testApp } from "../support/api.ts";
import { createTestDatabase } from "../support/database.ts";
import { buildOrganisation, buildUser, contextFor, type TestUser } from "../support/factories.ts";
import { insertForecastRun } from "../support/forecast-rows.ts";

/** Verified community reports of Myanmar; only their category and month matter to the evidence pack. */
const seedVerifiedReports = async (
  db: DatabaseHandle["db"],
  orgId: string,
  reports: readonly (readonly [category: string, date: string])[],
) => {
  for (const [category, date] of reports)
    await sql`
      INSERT INTO voices_reports (id, owner_org_id, clearance, receipt_hash, channel, category, description,
        incident_date, incident_month, iso3, status, sealed, wrapped_key, key_id)
      VALUES (${randomUUID()}, ${orgId}, 'restricted', ${randomUUID()}, 'web', ${category}, 'seeded',
        ${date}, ${date}, 'MMR', 'verified', '-', '-', '-')`.execute(db);
};

let handle: DatabaseHandle;
let app: App;
const clock = new Date("2026-04-01T09:00:00Z");
let admin: TestUser;
let analyst: TestUser;
let analystSession: ApiSession;
let adminSession: ApiSession;

/** A few registry countries and two years of monthly data for one of them, as the bundled import would load. */
const seedCountryData = async (db: DatabaseHandle["db"]) => {
  await db
    .insertInto("datasets")
    .values([
      { id: "test-registry", kind: "registry", title: "Test registry", version: "1" },
      { id: "ucdp-ged", kind: "ged", title: "UCDP GED (test)", version: "1" },
    ])
    .execute();
  await db
    .insertInto("countries")
    .values(
      ["CAF", "MEX", "MMR", "SYR"].map((iso3) => ({
        iso3,
        name: { CAF: "Central African Republic", MEX: "Mexico", MMR: "Myanmar", SYR: "Syria" }[iso3] ?? iso3,
        iso2: { CAF: "CF", MEX: "MX", MMR: "MM", SYR: "SY" }[iso3] ?? null,
        iso_status: "current",
        independent: true,
        dataset_id: "test-registry",
        dataset_version: "1",
      })),
    )
    .execute();
  const months = Array.from({ length: 30 }, (_, i) => {
    const index = 2017 * 12 + 6 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
  });
  await db
    .insertInto("country_month")
    .values(
      months.map((month, i) => ({
        dataset_id: "ucdp-ged",
        dataset_version: "1",
        series: "events",
        iso3: "MMR",
        month,
        sb_best: 10 + i,
        ns_best: 0,
        os_best: i === 29 ? 400 : 5,
        other_best: 0,
        event_count: 3,
      })),
    )
    .execute();
};

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await testApp(handle.db, { now: () => clock });
  const un = await buildOrganisation(handle.db, "un_entity");
  admin = await buildUser(handle.db, un.id, "administrator", "confidential", true);
  analyst = await buildUser(handle.db, un.id, "analyst", "confidential");
  await seedCountryData(handle.db);
  adminSession = await signIn(app, admin.email, admin.password);
  analystSession = await signIn(app, analyst.email, analyst.password);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe(`reviews (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded"})`, () => {
  it("seeds the UN Framework of Analysis for Atrocity Crimes as the default, as data", async () => {
    const framework = (await analystSession.request("GET", "/api/frameworks/default")).json();
    expect(framework.slug).toBe("un-atrocity-crimes");
    expect(framework.factors).toHaveLength(14);
    expect(framework.factors.map((f: { category: string }) => f.category)).toEqual([
      ...Array(8).fill("common"),
      "genocide",
      "genocide",
      "crimes_against_humanity",
      "crimes_against_humanity",
      "war_crimes",
      "war_crimes",
    ]);
    expect(framework.factors[6].name).toBe("Enabling circumstances or preparatory action");
    // Names in every language the platform speaks, so French and Arabic reviews name the factors.
    expect(framework.titleTranslations).toEqual({
      fr: "Cadre d'analyse des atrocités criminelles",
      ar: "إطار تحليل الجرائم الفظيعة",
    });
    expect(framework.factors[2].translations.fr).toBe("Faiblesse des structures étatiques");
    for (const factor of framework.factors)
      expect(Object.keys(factor.translations).sort()).toEqual(["ar", "fr"]);
    for (const factor of framework.factors) {
      expect(factor.indicators.length).toBeGreaterThanOrEqual(6);
      expect(factor.guidance.length).toBeGreaterThan(80);
    }
  });

  it("lets administrators add a regional framework version without code, and refuses duplicate factor codes", async () => {
    const bad = await adminSession.request("POST", "/api/frameworks", {
      slug: "ecowarn",
      version: "2024",
      title: "ECOWARN indicators",
      factors: [
        { code: "A", name: "Arms flows", category: "security" },
        { code: "A", name: "Arms flows again", category: "security" },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe("body.factors.1.code");
    const ok = await adminSession.request("POST", "/api/frameworks", {
      slug: "ecowarn",
      version: "2024",
      title: "ECOWARN indicators",
      factors: [
        {
          code: "A",
          name: "Arms flows",
          category: "security",
          indicators: [{ code: "A.1", text: "Seizures of small arms at borders" }],
        },
      ],
    });
    expect(ok.statusCode).toBe(201);
    const byAnalyst = await analystSession.request("POST", "/api/frameworks", {
      slug: "analyst-framework",
      version: "1",
      title: "Not theirs to add",
      factors: [{ code: "A", name: "Arms flows", category: "security" }],
    });
    expect(byAnalyst.statusCode).toBe(403);
    expect(
      (await analystSession.request("PATCH", `/api/frameworks/${ok.json().id}`, { title: "Mine now" }))
        .statusCode,
    ).toBe(403);
  });

  it("schedules every country in a cycle and brings forward those at risk", async () => {
    await insertForecastRun(handle.db, "2026-02", [{ iso3: "SYR", pGe25: 0.9 }]);
    const cycle = await adminSession.request("POST", "/api/reviews/cycles", {
      name: "Cycle 1",
      startsOn: "2026-01-01",
    });
    expect(cycle.statusCode, cycle.body).toBe(201);
    expect(cycle.json()).toMatchObject({ countries: 4, lengthMonths: 54 });
    const schedule = (
      await analystSession.request("GET", `/api/reviews/cycles/${cycle.json().id}/schedule`)
    ).json();
    const syr = schedule.find((e: { iso3: string }) => e.iso3 === "SYR");
    expect(syr.broughtForwardReason).toMatch(/forecast p_ge25 0\.90/);
    expect(syr.plannedFor).toBe("2026-04-01");
    expect(schedule.find((e: { iso3: string }) => e.iso3 === "MEX").broughtForwardReason).toBeNull();
    expect(new Set(schedule.map((e: { dueOn: string }) => e.dueOn))).toEqual(new Set(["2030-07-01"]));

    const again = await adminSession.request("POST", "/api/reviews/cycles", {
      name: " cycle \t 1 ",
      startsOn: "2031-01-01",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual([
      { field: "body.name", message: "already used by another cycle" },
    ]);
    const future = (
      await adminSession.request("POST", "/api/reviews/cycles", { name: "Cycle 9", startsOn: "2031-01-01" })
    ).json();
    const futureSchedule = (
      await analystSession.request("GET", `/api/reviews/cycles/${future.id}/schedule`)
    ).json();
    // At risk today, but not reviewed in a cycle before that cycle starts.
    expect(futureSchedule.find((e: { iso3: string }) => e.iso3 === "SYR").plannedFor).toBe("2031-01-01");
    const slip = await adminSession.request("POST", "/api/reviews/cycles", {
      name: "Old",
      startsOn: "1900-01-01",
    });
    expect(slip.statusCode).toBe(400);
    expect(slip.json().error.details[0]).toMatchObject({
      field: "body.startsOn",
      message: "between 1990 and 2099",
    });
    const first = await analystSession.request("POST", "/api/reviews", {
      iso3: "MEX",
      cycleId: cycle.json().id,
      clearance: "confidential",
      title: "Mexico, closed-door",
    });
    expect(first.statusCode).toBe(201);
    const second = await analystSession.request("POST", "/api/reviews", {
      iso3: "MEX",
      cycleId: cycle.json().id,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details[0]).toMatchObject({ field: "body.cycleId" });
    // A colleague cleared lower is refused too, without learning the confidential review's title.
    const colleague = await buildUser(handle.db, analyst.orgId, "analyst", "restricted");
    const colleagueSession = await signIn(app, colleague.email, colleague.password);
    const third = await colleagueSession.request("POST", "/api/reviews", {
      iso3: "MEX",
      cycleId: cycle.json().id,
    });
    expect(third.statusCode).toBe(409);
    expect(third.body).not.toContain("closed-door");
    expect(third.json().error.details).toEqual([
      { field: "body.cycleId", message: "already reviewed in this cycle" },
    ]);
  });

  it("prints in the brief what moves next month's forecast, in the brief's language", async () => {
    const review = (await analystSession.request("POST", "/api/reviews", { iso3: "SYR" })).json();
    const brief = async (lang: string) =>
      (await analystSession.request("GET", `/api/reviews/${review.id}/export?format=html&lang=${lang}`)).body;
    const english = await brief("en");
    expect(english).toContain("<h3>What moves the forecast for 2026-03</h3>");
    expect(english).toMatch(
      /<li>▲ deaths in the last month: 35 <span class="muted">\+\d+(\.\d)? points<\/span><\/li>/,
    );
    expect(english).toMatch(/<li>▼ months since the last month with 25 or more deaths: 4 /);
    const french = await brief("fr");
    expect(french).toContain("<li>▲ morts le mois dernier\u202f: 35 ");
    // Every label sets its colon the French way, the status line included.
    expect(french).toContain("statut\u202f: brouillon");
    expect(english).toContain("status: draft");
  });

  it("shows another organisation's reader no confidential review or alert through the schedule", async () => {
    const cycle = (
      await adminSession.request("POST", "/api/reviews/cycles", { name: "Cycle 2", startsOn: "2026-01-01" })
    ).json();
    const review = (
      await analystSession.request("POST", "/api/reviews", {
        iso3: "CAF",
        cycleId: cycle.id,
        clearance: "confidential",
      })
    ).json();
    const alert = await analystSession.request("POST", "/api/alerts", {
      iso3: "CAF",
      severity: "high",
      summary: "Informant warns of attacks near Bria",
      clearance: "confidential",
    });
    expect(alert.statusCode, alert.body).toBe(201);
    const moved = await adminSession.request("POST", `/api/reviews/cycles/${cycle.id}/bring-forward`);
    expect(moved.json().find((e: { iso3: string }) => e.iso3 === "CAF")).toMatchObject({
      reviewId: review.id,
      broughtForwardReason: "open high alert",
      broughtForwardReasons: [{ kind: "alert", severity: "high" }],
    });

    const viewer = await buildUser(handle.db, (await buildOrganisation(handle.db)).id, "viewer", "public");
    const viewerSession = await signIn(app, viewer.email, viewer.password);
    const schedule = (await viewerSession.request("GET", `/api/reviews/cycles/${cycle.id}/schedule`)).json();
    expect(schedule.find((e: { iso3: string }) => e.iso3 === "CAF")).toMatchObject({
      reviewId: null,
      reviewStatus: null,
      broughtForwardReason: null,
      broughtForwardReasons: [],
    });
    // Another organisation's later public review of the country does not take the place of one's own.
    const outsider = await buildUser(handle.db, viewer.orgId, "analyst", "public");
    const outsiderSession = await signIn(app, outsider.email, outsider.password);
    const theirs = (
      await outsiderSession.request("POST", "/api/reviews", {
        iso3: "CAF",
        cycleId: cycle.id,
        clearance: "public",
      })
    ).json();
    const own = (await analystSession.request("GET", `/api/reviews/cycles/${cycle.id}/schedule`)).json();
    expect(own.find((e: { iso3: string }) => e.iso3 === "CAF")).toMatchObject({
      reviewId: review.id,
      broughtForwardReason: "open high alert",
    });
    const seenByOutsider = (
      await outsiderSession.request("GET", `/api/reviews/cycles/${cycle.id}/schedule`)
    ).json();
    expect(seenByOutsider.find((e: { iso3: string }) => e.iso3 === "CAF").reviewId).toBe(theirs.id);
  });

  it("says which months of the evidence count state-based deaths only, and leaves unmeasured types unknown", async () => {
    await handle.db
      .insertInto("datasets")
      .values({ id: "views-cm", kind: "views-cm", title: "ViEWS (test)", version: "1" })
      .execute();
    await handle.db
      .insertInto("countries")
      .values({
        iso3: "NER",
        name: "Niger",
        iso2: "NE",
        iso_status: "current",
        independent: true,
        dataset_id: "test-registry",
        dataset_version: "1",
      })
      .execute();
    const row = (dataset: string, month: string, sb: number, other: number | null) => ({
      dataset_id: dataset,
      dataset_version: "1",
      series: dataset === "views-cm" ? "views" : "events",
      iso3: "NER",
      month,
      sb_best: sb,
      ns_best: other,
      os_best: other,
      other_best: 0,
      event_count: other === null ? null : 2,
    });
    await handle.db
      .insertInto("country_month")
      .values([
        row("ucdp-ged", "2019-10-01", 10, 1),
        row("ucdp-ged", "2019-11-01", 10, 1),
        row("views-cm", "2019-12-01", 30, null),
      ])
      .execute();
    const review = (await analystSession.request("POST", "/api/reviews", { iso3: "NER" })).json();
    expect(review.evidence.window.to).toBe("2019-12");
    expect(review.evidence.totals).toEqual({
      fatalities: 54,
      events: 4,
      oneSided: 2,
      stateBasedOnly: ["2019-12"],
    });
    expect(review.evidence.months.find((m: { month: string }) => m.month === "2019-12")).toMatchObject({
      stateBased: 30,
      nonState: null,
      oneSided: null,
    });
    const brief = await analystSession.request("GET", `/api/reviews/${review.id}/export?format=html&lang=en`);
    expect(brief.body).toContain("2019-12: state-based deaths only");
    // A pack stored before the months were marked is still served, as marking none.
    await sql`UPDATE reviews SET evidence = evidence #- '{totals,stateBasedOnly}' WHERE id = ${review.id}`.execute(
      handle.db,
    );
    const older = await analystSession.request("GET", `/api/reviews/${review.id}`);
    expect(older.statusCode, older.body).toBe(200);
    expect(older.json().evidence.totals.stateBasedOnly).toEqual([]);
  });

  it("takes a review from draft to adopted with assessments and two recommendations, then follows them up", async () => {
    await seedVerifiedReports(handle.db, admin.orgId, [
      ...Array.from({ length: 6 }, () => ["armed_violence", "2026-03-01"] as const),
      ["attack_on_civilians", "2026-03-01"],
      ["armed_violence", "2023-01-01"],
    ]);
    const unknown = await analystSession.request("POST", "/api/reviews", { iso3: "ZZZ" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      { field: "body.iso3", message: "unknown country code (ISO 3166-1 alpha-3)" },
    ]);
    const created = await analystSession.request("POST", "/api/reviews", { iso3: "MMR" });
    expect(created.statusCode, created.body).toBe(201);
    const review = created.json();
    expect(review.status).toBe("draft");
    expect(review.evidence.window).toEqual({ from: "2018-01", to: "2019-12" });
    expect(review.evidence.months).toHaveLength(24);
    expect(review.evidence.totals.oneSided).toBe(23 * 5 + 400);
    // Verified reports of the last 24 months by month and category; a count under the minimum is withheld.
    expect(review.evidence.communityReports).toEqual({
      available: true,
      minCellCount: 5,
      months: [
        // One report alone would be the month's total (shown by the surge rule) less the six: both are withheld.
        { month: "2026-03", category: "armed_violence", count: null, suppressed: true },
        { month: "2026-03", category: "attack_on_civilians", count: null, suppressed: true },
      ],
    });

    const assessed = await analystSession.request("PUT", `/api/reviews/${review.id}/assessments/7`, {
      level: "severe",
      trend: "worsening",
      confidence: "medium",
      evidenceLinks: [
        { label: "OHCHR report", url: "https://www.ohchr.org/en/hr-bodies/hrc/myanmar-ffm/index" },
      ],
      note: "Militia formation and hate speech.",
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    expect(
      (
        await analystSession.request("PUT", `/api/reviews/${review.id}/assessments/99`, {
          level: "low",
          confidence: "low",
        })
      ).statusCode,
    ).toBe(400);
    const badLink = await analystSession.request("PUT", `/api/reviews/${review.id}/assessments/1`, {
      level: "high",
      confidence: "low",
      evidenceLinks: [{ label: "x", url: "javascript:alert(1)" }],
    });
    expect(badLink.json().error.details[0].field).toMatch(/evidenceLinks\.0\.url/);

    // Two people editing one factor: the save based on what was there before the other's is refused, naming who.
    const factor8 = `/api/reviews/${review.id}/assessments/8`;
    const byAdmin = await adminSession.request("PUT", factor8, {
      level: "high",
      confidence: "medium",
      basedOn: null,
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    const stale = await analystSession.request("PUT", factor8, {
      level: "low",
      confidence: "low",
      basedOn: null,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(
      /^Test administrator saved factor 8 at .* after you opened it/,
    );
    const seen = byAdmin.json().assessments.find((a: { factorCode: string }) => a.factorCode === "8");
    const onTop = await analystSession.request("PUT", factor8, {
      level: "moderate",
      confidence: "low",
      basedOn: seen.assessedAt,
    });
    expect(onTop.statusCode, onTop.body).toBe(200);

    for (const body of ["Grant humanitarian access to Rakhine", "Invite the Special Rapporteur"])
      expect(
        (
          await analystSession.request("POST", `/api/reviews/${review.id}/recommendations`, {
            body,
            addressedTo: "Government of Myanmar",
            recommendedBy: "ASEAN",
          })
        ).statusCode,
      ).toBe(201);
    await analystSession.request("PATCH", `/api/reviews/${review.id}`, {
      findings: "Risk of atrocity crimes is high.",
    });

    expect(
      (await adminSession.request("POST", `/api/reviews/${review.id}/status`, { to: "adopted" })).statusCode,
    ).toBe(409);
    expect(
      (await analystSession.request("POST", `/api/reviews/${review.id}/status`, { to: "in_review" })).json()
        .status,
    ).toBe("in_review");
    expect(
      (await analystSession.request("POST", `/api/reviews/${review.id}/status`, { to: "adopted" }))
        .statusCode,
    ).toBe(403);
    const adopted = (
      await adminSession.request("POST", `/api/reviews/${review.id}/status`, { to: "adopted" })
    ).json();
    expect(adopted.status).toBe("adopted");
    expect(adopted.recommendations).toHaveLength(2);
    expect(
      (await analystSession.request("PATCH", `/api/reviews/${review.id}`, { findings: "Rewrite history" }))
        .statusCode,
    ).toBe(403);

    const [first, second] = adopted.recommendations;
    await analystSession.request("POST", `/api/reviews/recommendations/${first.id}/response`, {
      response: "supported",
    });
    await analystSession.request("POST", `/api/reviews/recommendations/${second.id}/response`, {
      response: "noted",
    });
    const rewritten = await analystSession.request(
      "POST",
      `/api/reviews/recommendations/${second.id}/response`,
      {
        response: "supported",
      },
    );
    expect(rewritten.statusCode).toBe(409);
    expect(rewritten.json().error.details).toEqual([{ field: "body.response", message: "already noted" }]);
    const next = (
      await analystSession.request("POST", "/api/reviews", { iso3: "MMR", title: "Myanmar, next cycle" })
    ).json();
    expect(next.evidence.openRecommendations.map((r: { id: string }) => r.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    const inItsOwnReview = await analystSession.request(
      "POST",
      `/api/reviews/recommendations/${first.id}/follow-up`,
      { implementation: "full", reviewId: review.id },
    );
    expect(inItsOwnReview.statusCode).toBe(400);
    expect(inItsOwnReview.json().error.details).toEqual([
      { field: "body.reviewId", message: "the review that made the recommendation" },
    ]);
    const followed = await analystSession.request(
      "POST",
      `/api/reviews/recommendations/${first.id}/follow-up`,
      {
        implementation: "partial",
        note: "Access granted to two townships only.",
        reviewId: next.id,
      },
    );
    expect(followed.json()).toMatchObject({ implementation: "partial", followedUpIn: next.id });
    const measures = (await analystSession.request("GET", "/api/measures")).json();
    expect(measures.recommendations).toEqual([
      expect.objectContaining({
        cycle: null,
        recommendations: 2,
        supported: 1,
        noted: 1,
        followedUp: 1,
        partial: 1,
        fullRate: 0,
        // One of the two recommendations was partly implemented; the other was not followed up yet.
        partialOrFullRate: 0.5,
      }),
    ]);

    const audit = (await adminSession.request("GET", "/api/audit-log?entityType=reviews")).json();
    const actions = (audit as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["review.create", "review.assess", "review.submit", "review.adopt"]),
    );
  });

  it("refuses to submit a review with no risk factor assessed, which whoever adopts it could not remedy", async () => {
    const review = (
      await analystSession.request("POST", "/api/reviews", { iso3: "MMR", title: "Empty" })
    ).json();
    const submitted = await analystSession.request("POST", `/api/reviews/${review.id}/status`, {
      to: "in_review",
    });
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().error).toMatchObject({
      message: "Assess at least one risk factor before submitting.",
      details: [{ field: "assessments", message: "none yet" }],
    });
  });

  it("names an untitled review as every page names its country, not by its code, in its writer's language", async () => {
    const review = (await analystSession.request("POST", "/api/reviews", { iso3: "MMR" })).json();
    expect(review.title).toBe("Myanmar: country review");
    // A French-speaking colleague's review reads in French, as a title they typed would.
    const colleague = await buildUser(handle.db, analyst.orgId, "analyst", "restricted");
    const session = await signIn(app, colleague.email, colleague.password);
    expect((await session.request("PUT", "/api/auth/language", { language: "fr" })).statusCode).toBe(204);
    const french = (await session.request("POST", "/api/reviews", { iso3: "CAF" })).json();
    expect(french.title).toBe("République centrafricaine : examen de pays");
  });

  it("lets no one adopt a review they submitted themselves (four eyes)", async () => {
    const review = (
      await adminSession.request("POST", "/api/reviews", { iso3: "MMR", title: "Own review" })
    ).json();
    await adminSession.request("PUT", `/api/reviews/${review.id}/assessments/2`, {
      level: "low",
      confidence: "low",
    });
    const submitted = await adminSession.request("POST", `/api/reviews/${review.id}/status`, {
      to: "in_review",
    });
    // The web app leaves the Adopt button out for the person who submitted it.
    expect(submitted.json().submittedById).toBe(admin.userId);
    const own = await adminSession.request("POST", `/api/reviews/${review.id}/status`, { to: "adopted" });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toMatch(
      /^Someone other than the person who submitted a review adopts it/,
    );
  });

  it("raises an alert when a risk factor is assessed as severe, and exports the brief as printable HTML and JSON", async () => {
    const report = await evaluateAlertRules(
      contextFor(handle.db, admin, () => clock),
      { now: clock },
    );
    const alerts = (await analystSession.request("GET", "/api/alerts?iso3=MMR")).json();
    expect(alerts.map((a: { cause: string }) => a.cause)).toContain("risk_factor_severe:7");
    expect(report.raised).toBeGreaterThanOrEqual(1);

    const [review] = (await analystSession.request("GET", "/api/reviews?iso3=MMR&status=adopted")).json();
    const html = await analystSession.request("GET", `/api/reviews/${review.id}/export?format=html`);
    expect(html.headers["content-type"]).toMatch(/text\/html/);
    expect(html.body).toMatch(/@media print/);
    expect(html.body).toContain(`<p class="classification">${review.clearance}</p>`);
    expect(html.body).toContain("Grant humanitarian access to Rakhine");
    expect(html.body).toContain("Enabling circumstances or preparatory action");
    expect(html.body).toContain(
      "<td>2026-03</td><td>Killing, injury or abuse of civilians</td><td>fewer than 5</td>",
    );
    const arabic = await analystSession.request(
      "GET",
      `/api/reviews/${review.id}/export?format=html&lang=ar`,
    );
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain("<h2>عوامل الخطر</h2>");
    expect(arabic.body).toContain("<td>شديد</td>");
    // English text inside the Arabic brief keeps its own direction (and its punctuation its place).
    expect(arabic.body).toContain("<bdi>Grant humanitarian access to Rakhine</bdi>");
    expect(arabic.body).toMatch(/إلى <bdi>[^<]+<\/bdi> · من <bdi>/);
    const french = await analystSession.request(
      "GET",
      `/api/reviews/${review.id}/export?format=html&lang=fr`,
    );
    const myanmar = new Intl.DisplayNames(["fr"], { type: "region" }).of("MM") ?? "";
    expect(french.body).toContain(`<p class="muted">${myanmar} (MMR)`);
    expect(french.body).toContain("Circonstances favorables ou actes préparatoires");
    expect(french.body).toContain("Cadre d&#39;analyse des atrocités criminelles");
    expect(arabic.body).toContain("الظروف المواتية أو الأعمال التحضيرية");
    const unknown = await analystSession.request(
      "GET",
      `/api/reviews/${review.id}/export?format=html&lang=xx`,
    );
    expect(unknown.statusCode).toBe(400);
    const json = (await analystSession.request("GET", `/api/reviews/${review.id}/export`)).json();
    expect(json.review.assessments).toContainEqual(
      expect.objectContaining({ factorCode: "7", level: "severe" }),
    );
    expect(json.factors).toHaveLength(14);
  });

  it("keeps a review to its organisation unless it is made public", async () => {
    const donor = await buildUser(handle.db, (await buildOrganisation(handle.db, "donor")).id, "donor");
    const donorSession = await signIn(app, donor.email, donor.password);
    const draft = (await analystSession.request("POST", "/api/reviews", { iso3: "MEX" })).json();
    expect(draft.clearance).toBe("restricted");
    const open = (
      await analystSession.request("POST", "/api/reviews", {
        iso3: "MEX",
        clearance: "public",
        title: "MEX: open",
      })
    ).json();
    const listed = (await donorSession.request("GET", "/api/reviews?iso3=MEX")).json() as { id: string }[];
    expect(listed.map((r) => r.id)).toEqual([open.id]);
    for (const path of [`/api/reviews/${draft.id}`, `/api/reviews/${draft.id}/export?format=html`])
      expect((await donorSession.request("GET", path)).statusCode, path).toBe(404);
    expect((await donorSession.request("GET", `/api/reviews/${open.id}`)).statusCode).toBe(200);
    // Its recommendations do not leak through the audit log to an administrator who may not read it.
    const recommendation = (
      await analystSession.request("POST", `/api/reviews/${draft.id}/recommendations`, {
        body: "Protect the witnesses in Acapulco",
        addressedTo: "Government of Mexico",
        recommendedBy: "Office of the Special Adviser",
      })
    ).json();
    const elsewhere = (await buildOrganisation(handle.db)).id;
    const platform = await buildUser(handle.db, elsewhere, "administrator", "confidential", true);
    const platformSession = await signIn(app, platform.email, platform.password);
    const [entry] = (
      await platformSession.request("GET", `/api/audit-log?entityId=${recommendation.id}`)
    ).json();
    expect(entry).toMatchObject({ action: "recommendation.create", withheld: true, after: null });

    // A severe rating in each raises two alerts: the restricted review's stays with its organisation and never
    // merges into the public review's, which every reader sees.
    for (const id of [draft.id, open.id]) {
      const rated = await analystSession.request("PUT", `/api/reviews/${id}/assessments/9`, {
        level: "severe",
        trend: "worsening",
        confidence: "medium",
      });
      expect(rated.statusCode, rated.body).toBe(200);
    }
    const report = await evaluateAlertRules(
      contextFor(handle.db, admin, () => clock),
      { now: clock },
    );
    expect(report.merged).toBe(0);
    type Listed = {
      clearance: string;
      owner: { orgId: string; userId: string | null };
      details: { reviewId: string };
    };
    const ours = (await analystSession.request("GET", "/api/alerts?iso3=MEX")).json() as Listed[];
    expect(ours.map((a) => [a.clearance, a.details.reviewId]).sort()).toEqual(
      [
        ["public", open.id],
        ["restricted", draft.id],
      ].sort(),
    );
    // Owned by the review's organisation, not by the analyst who rated it: an analyst may not decide alerts.
    expect(ours.find((a) => a.clearance === "restricted")?.owner).toMatchObject({
      orgId: analyst.orgId,
      userId: null,
    });
    const theirs = (await donorSession.request("GET", "/api/alerts?iso3=MEX")).json() as Listed[];
    expect(theirs.map((a) => a.details.reviewId)).toEqual([open.id]);
  });

  it("counts in the measures only the alerts and recommendations the reader may see", async () => {
    const count = (measures: { alerts: { alerts: number }[] }) =>
      measures.alerts.reduce((sum, m) => sum + m.alerts, 0);
    const own = (await analystSession.request("GET", "/api/measures")).json();
    expect(count(own)).toBeGreaterThan(0);
    expect(own.recommendations).not.toEqual([]);

    const viewer = await buildUser(handle.db, (await buildOrganisation(handle.db)).id, "viewer", "public");
    const viewerSession = await signIn(app, viewer.email, viewer.password);
    const seen = (await viewerSession.request("GET", "/api/alerts?limit=1000")).json() as unknown[];
    const measures = (await viewerSession.request("GET", "/api/measures")).json();
    expect(count(measures)).toBe(seen.length);
    expect(count(measures)).toBeLessThan(count(own));
    expect(measures.recommendations).toEqual([]);
  });
  it("keeps each cycle's follow-up of a recommendation, and an adopted review's follow-ups are final", async () => {
    const adopt = async (id: string) => {
      await analystSession.request("PUT", `/api/reviews/${id}/assessments/1`, {
        level: "low",
        confidence: "low",
      });
      await analystSession.request("POST", `/api/reviews/${id}/status`, { to: "in_review" });
      return (await adminSession.request("POST", `/api/reviews/${id}/status`, { to: "adopted" })).json();
    };
    const newReview = async (title: string) =>
      (await analystSession.request("POST", "/api/reviews", { iso3: "CAF", title })).json();
    const first = await newReview("Central African Republic, first cycle");
    const recommendation = (
      await analystSession.request("POST", `/api/reviews/${first.id}/recommendations`, {
        body: "Protect civilians in Haute-Kotto",
        addressedTo: "Government of the Central African Republic",
        recommendedBy: "Norway",
      })
    ).json();
    await adopt(first.id);
    const followUp = (reviewId: string, implementation: string, note: string) =>
      analystSession.request("POST", `/api/reviews/recommendations/${recommendation.id}/follow-up`, {
        implementation,
        note,
        reviewId,
      });

    const second = await newReview("Central African Republic, second cycle");
    expect((await followUp(second.id, "partial", "Early-warning desk set up in Bria.")).statusCode).toBe(200);
    expect((await adopt(second.id)).status).toBe("adopted");
    const third = await newReview("Central African Republic, third cycle");
    const latest = await followUp(third.id, "full", "Protection scheme covers every municipality.");
    expect(latest.json()).toMatchObject({ implementation: "full", followedUpIn: third.id });

    const secondNow = (await analystSession.request("GET", `/api/reviews/${second.id}`)).json();
    expect(secondNow.followUps).toEqual([
      expect.objectContaining({
        id: recommendation.id,
        implementation: "partial",
        followUpNote: "Early-warning desk set up in Bria.",
        followedUpIn: second.id,
      }),
    ]);
    const rewrite = await followUp(second.id, "not_started", "Rewrite history");
    expect(rewrite.statusCode).toBe(409);
    expect(rewrite.json().error.details).toEqual([{ field: "body.reviewId", message: "review adopted" }]);

    expect((await followUp(third.id, "partial", "Two municipalities not yet covered.")).statusCode).toBe(200);
    const firstNow = (await analystSession.request("GET", `/api/reviews/${first.id}`)).json();
    expect(firstNow.recommendations[0]).toMatchObject({ implementation: "partial", followedUpIn: third.id });
    // The adopted review's brief dates the follow-up it shows, recorded cycles after its adoption.
    const firstBrief = (
      await analystSession.request("GET", `/api/reviews/${first.id}/export?format=html&lang=en`)
    ).body;
    expect(firstBrief).toMatch(/· implementation: [^<(]+ \(\d{4}-\d{2}-\d{2}\)<\/div>/);
    expect(
      firstNow.recommendations[0].history.map((f: { reviewId: string; implementation: string }) => [
        f.reviewId,
        f.implementation,
      ]),
    ).toEqual([
      [second.id, "partial"],
      [third.id, "partial"],
    ]);

    // A follow-up noted in a confidential review stays as closed as that review.
    const closedDoor = (
      await analystSession.request("POST", "/api/reviews", {
        iso3: "CAF",
        title: "Central African Republic, closed-door",
        clearance: "confidential",
      })
    ).json();
    expect(
      (await followUp(closedDoor.id, "full", "Secret: the militia leader was arrested.")).statusCode,
    ).toBe(200);
    const colleague = await buildUser(handle.db, analyst.orgId, "analyst", "restricted");
    const colleagueSession = await signIn(app, colleague.email, colleague.password);
    const seenByColleague = await colleagueSession.request("GET", `/api/reviews/${first.id}`);
    expect(seenByColleague.statusCode).toBe(200);
    expect(seenByColleague.body).not.toContain("Secret");
    expect(seenByColleague.body).not.toContain(closedDoor.id);
    expect(seenByColleague.json().recommendations[0]).toMatchObject({
      implementation: "partial",
      followedUpIn: third.id,
    });
    const seenByAnalyst = (await analystSession.request("GET", `/api/reviews/${first.id}`)).json();
    expect(seenByAnalyst.recommendations[0]).toMatchObject({
      implementation: "full",
      followedUpIn: closedDoor.id,
    });
    // A restricted review's evidence, read by all its readers, still finds the recommendation open.
    const next = (
      await analystSession.request("POST", "/api/reviews", { iso3: "CAF", title: "CAR, next" })
    ).json();
    expect(next.clearance).toBe("restricted");
    expect(next.evidence.openRecommendations).toEqual([
      expect.objectContaining({ id: recommendation.id, implementation: "partial", followedUpIn: third.id }),
    ]);
    expect(JSON.stringify(next.evidence)).not.toContain("Secret");
    // In the audit log too, a follow-up is as closed as the review that recorded it.
    const restrictedAdmin = await buildUser(handle.db, analyst.orgId, "administrator", "restricted");
    const adminLog = await (await signIn(app, restrictedAdmin.email, restrictedAdmin.password)).request(
      "GET",
      "/api/audit-log?action=recommendation.follow_up",
    );
    expect(adminLog.body).not.toContain("Secret");
    const closedEntry = adminLog.json().find((e: { entityId: string }) => e.entityId === closedDoor.id);
    expect(closedEntry).toMatchObject({ entityType: "reviews", withheld: true, after: null });

    // The measures count the follow-ups each reader may see.
    const fullRate = async (session: ApiSession) =>
      (await session.request("GET", "/api/measures"))
        .json()
        .recommendations.find((m: { cycle: string | null }) => m.cycle === null).fullRate;
    expect(await fullRate(analystSession)).toBeGreaterThan(0);
    expect(await fullRate(colleagueSession)).toBe(0);
  });
  it("follows up a recommendation only in a review at least as closed, and never shows it to a more open one's readers", async () => {
    const closed = (
      await analystSession.request("POST", "/api/reviews", {
        iso3: "SYR",
        title: "Syria, closed-door",
        clearance: "confidential",
      })
    ).json();
    const recommendation = (
      await analystSession.request("POST", `/api/reviews/${closed.id}/recommendations`, {
        body: "Secret: open a back channel with the armed group",
        addressedTo: "Government of Syria",
        recommendedBy: "Norway",
      })
    ).json();
    await analystSession.request("PUT", `/api/reviews/${closed.id}/assessments/1`, {
      level: "low",
      confidence: "low",
    });
    await analystSession.request("POST", `/api/reviews/${closed.id}/status`, { to: "in_review" });
    await adminSession.request("POST", `/api/reviews/${closed.id}/status`, { to: "adopted" });
    const open = (
      await analystSession.request("POST", "/api/reviews", {
        iso3: "SYR",
        title: "Syria, public",
        clearance: "public",
      })
    ).json();
    const refused = await analystSession.request(
      "POST",
      `/api/reviews/recommendations/${recommendation.id}/follow-up`,
      { implementation: "partial", reviewId: open.id },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      {
        field: "body.reviewId",
        message: "a public review: the recommendation is confidential, so its readers may not read it",
      },
    ]);
    // One recorded before that rule is still kept from the open review's readers.
    await saveFollowUp(handle.db, {
      recommendationId: recommendation.id,
      reviewId: open.id,
      implementation: "partial",
      note: "",
      recordedBy: analyst.userId,
      recordedAt: new Date(),
    });
    const outsider = await buildUser(handle.db, (await buildOrganisation(handle.db)).id, "analyst", "public");
    const seen = await (await signIn(app, outsider.email, outsider.password)).request(
      "GET",
      `/api/reviews/${open.id}`,
    );
    expect(seen.statusCode).toBe(200);
    expect(seen.json().followUps).toEqual([]);
    expect(seen.body).not.toContain("Secret");
    const own = (await analystSession.request("GET", `/api/reviews/${open.id}`)).json();
    expect(own.followUps).toEqual([expect.objectContaining({ id: recommendation.id })]);
  });
});
