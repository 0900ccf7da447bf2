import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR } from "../../src/core/alerts/alert.schemas.ts";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { setUserLanguage } from "../../src/repositories/users.repository.ts";
import { escalateOverdueAlerts } from "../../src/services/alerts/escalate-overdue-alerts.ts";
import { raiseAlert } from "../../src/services/alerts/raise-alert.ts";
import { getAlert } from "../../src/services/alerts/read-alerts.ts";
import { setDesk } from "../../src/services/alerts/set-desk.ts";
import { listNotifications } from "../../src/services/notifications/read-notifications.ts";
import { createTestDatabase } from "../support/database.ts";
import {
  buildCountries,
  buildOrganisation,
  buildUser,
  contextFor,
  type TestUser,
} from "../support/factories.ts";

let handle: DatabaseHandle;
let platform: TestUser;
let desk: TestUser;
let supervisor: TestUser;
const raisedAt = new Date("2026-11-02T08:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  await buildCountries(handle.db, ["CAF", "MLI"]);
  platform = await buildUser(
    handle.db,
    (await buildOrganisation(handle.db)).id,
    "administrator",
    "confidential",
    true,
  );
  // An office with a desk officer and a supervisor, and no administrator of its own.
  const office = await buildOrganisation(handle.db, "un_entity");
  desk = await buildUser(handle.db, office.id, "desk_officer", "confidential");
  supervisor = await buildUser(handle.db, office.id, "desk_officer", "confidential");
  await setDesk(contextFor(handle.db, platform), {
    iso3: "CAF",
    orgId: office.id,
    userId: desk.userId,
    escalationUserId: supervisor.userId,
  });
  await setUserLanguage(handle.db, desk.userId, "fr");
});
afterAll(async () => {
  await handle.close();
});

const raise = async (iso3: string, summary: string) =>
  (
    await raiseAlert(
      contextFor(handle.db, desk, () => raisedAt),
      { iso3, severity: "critical", summary },
    )
  ).alert;

/** Runs the escalation job once, as the server does, so many hours after the alert was raised. */
const escalateAfter = (hours: number) => {
  const now = new Date(raisedAt.getTime() + hours * HOUR);
  return escalateOverdueAlerts({ ...contextFor(handle.db, platform, () => now), via: "system" }, { now });
};

const escalationOf = async (alertId: string) =>
  (await getAlert(contextFor(handle.db, desk), alertId)).timeline.find((e) => e.kind === "escalated");

const noticesOf = async (who: TestUser, alertId: string) =>
  (await listNotifications(contextFor(handle.db, who), {})).items.filter(
    (n) => n.alertId === alertId && n.kind === "alert.escalated",
  );

describe("escalating overdue alerts", () => {
  it("tells the supervisor of an alert that went two decision periods unescalated, and says so", async () => {
    const alert = await raise("CAF", "Attack on a displacement camp near Birao");
    // The job did not run while the deadline (24 hours) and one more period passed: it jumps to level 2.
    expect((await escalateAfter(50)).escalations).toEqual([
      expect.objectContaining({ alertId: alert.id, fromLevel: 0, toLevel: 2 }),
    ]);
    expect(await noticesOf(supervisor, alert.id)).toHaveLength(1);
    const event = await escalationOf(alert.id);
    expect(event?.note).toBe(
      "Overdue since 2026-11-03 08:00 UTC (level 2): escalated to the desk supervisor.",
    );
    expect(event?.data).toMatchObject({ reached: "supervisor", deadline: "2026-11-03T08:00:00.000Z" });
  });

  it("says when there is no one above the owner to tell, rather than naming a level nobody holds", async () => {
    // No desk for Mali: the alert stays with the desk officer who raised it, with no supervisor.
    const alert = await raise("MLI", "Militia movements near Mopti");
    await escalateAfter(26);
    const event = await escalationOf(alert.id);
    expect(event?.note).toBe(
      "Overdue since 2026-11-03 08:00 UTC (level 1): no one above the owner to escalate to: the desk has no supervisor and the organisation no administrator cleared to read it.",
    );
    expect(event?.data).toMatchObject({ reached: "nobody", recipients: [desk.userId] });
    // The owner reads the app in French and is told so in French.
    const [notice] = await noticesOf(desk, alert.id);
    expect(notice?.body).toContain("(niveau 1) : personne au-dessus du responsable à qui la transmettre");
  });
});
