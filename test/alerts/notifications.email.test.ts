import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import { createMailer } from "../../src/repositories/mailer.ts";
import { raiseAlert } from "../../src/services/alerts/raise-alert.ts";
import { setDesk } from "../../src/services/alerts/set-desk.ts";
import { listNotifications } from "../../src/services/notifications/read-notifications.ts";
import { sendPendingEmails } from "../../src/services/notifications/send-pending-emails.ts";
import { createTestDatabase } from "../support/database.ts";
import {
  buildCountries,
  buildOrganisation,
  buildUser,
  contextFor,
  type TestUser,
} from "../support/factories.ts";

type Received = { from: string; to: string[]; data: string };

let handle: DatabaseHandle;
let server: SMTPServer;
let port: number;
const received: Received[] = [];
let admin: TestUser;
let desk: TestUser;

beforeAll(async () => {
  handle = await createTestDatabase();
  await buildCountries(handle.db, [{ iso3: "MEX", name: "Mexico", iso2: "MX" }]);
  // A real SMTP server on a loopback port catches what the mailer sends.
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
  const org = await buildOrganisation(handle.db, "un_entity");
  admin = await buildUser(handle.db, org.id, "administrator", "confidential", true);
  desk = await buildUser(handle.db, org.id, "desk_officer", "confidential");
  await setDesk(contextFor(handle.db, admin), { iso3: "MEX", orgId: org.id, userId: desk.userId });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle.close();
});

describe("notifications by e-mail", () => {
  it("notifies the desk officer in the app and by e-mail through the SMTP server, once", async () => {
    await raiseAlert(contextFor(handle.db, admin), {
      iso3: "MEX",
      severity: "high",
      summary: "Cartel violence spreading to Zacatecas",
      source: "person",
    });
    const inApp = await listNotifications(contextFor(handle.db, desk), {});
    expect(inApp.unread).toBe(1);
    expect(inApp.items[0]?.emailStatus).toBe("pending");
    expect(inApp.items[0]?.subject).toBe(
      "[Continuum] HIGH alert for Mexico: Cartel violence spreading to Zacatecas",
    );

    const mailer = createMailer({
      host: "127.0.0.1",
      port,
      secure: false,
      user: undefined,
      password: undefined,
      from: "Continuum <alerts@continuum.test>",
    });
    const options = { now: () => new Date(), publicUrl: "https://continuum.example.org/" };
    expect(await sendPendingEmails(handle.db, mailer, options)).toEqual({ sent: 1, failed: 0 });
    expect(await sendPendingEmails(handle.db, mailer, options)).toEqual({ sent: 0, failed: 0 });
    mailer.close();

    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual([desk.email]);
    expect(received[0]?.from).toBe("alerts@continuum.test");
    expect(received[0]?.data).toMatch(/Subject: \[Continuum\] HIGH alert for Mexico:/);
    expect(received[0]?.data).toContain("https://continuum.example.org/alerts/");
    expect((await listNotifications(contextFor(handle.db, desk), {})).items[0]?.emailStatus).toBe("sent");
  });

  it("records a failed delivery and keeps the message for a retry", async () => {
    await raiseAlert(contextFor(handle.db, admin), {
      iso3: "MEX",
      cause: "other",
      severity: "low",
      summary: "Second alert",
      source: "person",
    });
    const closed = createMailer({
      host: "127.0.0.1",
      port: 9,
      secure: false,
      user: undefined,
      password: undefined,
      from: "x@y.z",
    });
    expect(
      await sendPendingEmails(handle.db, closed, { now: () => new Date(), publicUrl: "http://localhost/" }),
    ).toEqual({ sent: 0, failed: 1 });
    closed.close();
    expect((await listNotifications(contextFor(handle.db, desk), {})).items[0]?.emailStatus).toBe("pending");
  });
});
