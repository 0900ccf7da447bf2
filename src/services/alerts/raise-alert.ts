import { randomUUID } from "node:crypto";
import { assertMayClassify, audienceKey, authorize } from "../../core/access/policies.ts";
import {
  deadlineFor,
  higherSeverity,
  severityRank,
  type TAlertMessage,
  type TRaiseAlert,
  ZAlertMessage,
  ZRaiseAlert,
} from "../../core/alerts/alert.schemas.ts";
import { alertMessageText } from "../../core/alerts/alert-messages.ts";
import { replaceShares } from "../../repositories/access/record-shares.repository.ts";
import {
  type AlertRecord,
  appendAlertEvent,
  findAlert,
  findOpenAlertForUpdate,
  insertAlert,
  insertTrigger,
  updateAlert,
} from "../../repositories/alerts/alerts.repository.ts";
import { findCountryName } from "../../repositories/data/registry.repository.ts";
import { notify } from "../notifications/notify.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertKnownCountry } from "../shared/known-country.ts";
import { alertNotification } from "./alert-notification.ts";
import { type AlertOwner, alertOwner } from "./alert-owner.ts";
import { alertRecipients } from "./alert-recipients.ts";
import { type AlertView, viewOf } from "./alert-view.ts";

/**
 * What raising takes: a person's summary, or for the platform's own alerts a message whose English
 * wording becomes the summary.
 */
type RaiseAlertInput = (TRaiseAlert | (Omit<TRaiseAlert, "summary"> & { message: TAlertMessage })) & {
  /** The owner of a platform alert drawn from a protected record: that record's organisation, not a desk. */
  ownedBy?: AlertOwner;
  /**
   * Repeat into the open alert only when more severe: for a finding re-evaluated at every change of protected
   * records, whose every repeat would date one record's change for every reader of the alert.
   */
  repeatOnlyWhenMoreSevere?: boolean;
};

type RaiseOutcome = { alert: AlertView; merged: boolean };

/** What a rule raised from, so that evaluating the same evidence again raises nothing. */
type RuleTrigger = { ruleId: string; evidenceKey: string };

/** The raise checked and read: a platform message worded as the summary, a manual warning given its own cause. */
const readRaise = async (tx: ServiceContext, raw: RaiseAlertInput) => {
  if (tx.via !== "system") authorize(tx.actor, "alert.raise");
  const message = "message" in raw ? ZAlertMessage.parse(raw.message) : null;
  const summary = message && alertMessageText(message, (await findCountryName(tx.db, raw.iso3)) ?? raw.iso3);
  const parsed = ZRaiseAlert.parse(summary ? { ...raw, summary } : raw);
  // Two people's warnings about one country are distinct unless they name the same cause: only a named
  // cause (a rule's, a surge's, or one a person gives) merges repeats.
  const input = parsed.cause === "manual" ? { ...parsed, cause: `manual:${randomUUID()}` } : parsed;
  // The platform raises only for countries in its data; a person may mistype.
  if (tx.via !== "system") await assertKnownCountry(tx.db, input.iso3);
  // The platform's alerts come from public data; a person's may name informants or victims.
  const clearance = input.clearance ?? (tx.via === "system" ? "public" : "restricted");
  if (tx.via !== "system") assertMayClassify(tx.actor, clearance);
  return { input, message, clearance };
};

type Raise = Awaited<ReturnType<typeof readRaise>>;

/** Who raises, who owns the alert and who else reads it: the parts that decide which open alert a raise repeats. */
type Routing = { raisedBy: string | null; owner: AlertOwner; sharedWith: string[]; now: Date };

/**
 * The open alert with the same country, cause and readers, or a new one; `merged` says it was already open,
 * also when another process opened it a moment before.
 */
const openAlertFor = async (
  tx: ServiceContext,
  { input, message, clearance }: Raise,
  { raisedBy, owner, sharedWith, now }: Routing,
): Promise<{ id: string; merged: boolean }> => {
  const audience = audienceKey({ ownerOrgId: owner.orgId, clearance, sharedWith });
  const existing = await findOpenAlertForUpdate(tx.db, input.iso3, input.cause, audience);
  if (existing) return { id: existing.id, merged: true };
  const inserted = await insertAlert(tx.db, {
    ...input,
    clearance,
    audience,
    message,
    ownerOrgId: owner.orgId,
    ownerUserId: owner.userId,
    raisedBy,
    raisedAt: now,
    deadline: deadlineFor(input.severity, now),
  });
  if (inserted && sharedWith.length > 0) await replaceShares(tx.db, "alerts", inserted, sharedWith, raisedBy);
  const id = inserted ?? (await findOpenAlertForUpdate(tx.db, input.iso3, input.cause, audience))?.id;
  if (!id) throw new Error("alert vanished while raising it");
  return { id, merged: !inserted };
};

/** What recording a raise or a repeat on the alert `before` needs. */
type Recording = {
  tx: ServiceContext;
  raise: Raise;
  routing: Routing;
  before: AlertRecord;
  readers: { ownerOrgId: string; clearance: AlertRecord["clearance"]; sharedWith: string[] };
  logOf: { orgId?: string };
};

/** The timeline's entry for the raise: what was raised and by whom. */
const appendRaiseEvent = ({ tx, raise, routing, before }: Recording, kind: "raised" | "merged") =>
  appendAlertEvent(tx.db, {
    alertId: before.id,
    at: routing.now,
    kind,
    actorUserId: routing.raisedBy,
    actor: tx.actorLabel,
    note: raise.input.summary,
    data: {
      source: raise.input.source,
      severity: raise.input.severity,
      details: raise.input.details,
      message: raise.message,
    },
  });

/** A new alert: its first timeline entry, its owner told, the raise audit-logged. */
const recordNewAlert = async (r: Recording): Promise<void> => {
  const { tx, raise, before } = r;
  await appendRaiseEvent(r, "raised");
  await notify(
    tx,
    await alertRecipients(tx.db, before),
    alertNotification(before.id, { kind: "raised", alert: before, source: raise.input.source }),
    r.readers,
  );
  await audit(tx, {
    action: "alert.raise",
    entityType: "alerts",
    entityId: before.id,
    after: before,
    ...r.logOf,
  });
};

/**
 * A repeat: one more occurrence, the higher severity and then the earlier deadline, the details added; the
 * owner is told only when the severity rises.
 */
const recordRepeat = async (r: Recording): Promise<void> => {
  const { tx, raise, before } = r;
  const { input, message } = raise;
  const { now } = r.routing;
  const severity = higherSeverity(before.severity, input.severity);
  const raised = severityRank(severity) > severityRank(before.severity);
  const earlier = deadlineFor(severity, now);
  await updateAlert(
    tx.db,
    before.id,
    {
      occurrences: before.occurrences + 1,
      lastSeenAt: now,
      severity,
      details: { ...before.details, ...input.details },
      // The platform's finding says what the latest evidence says; the timeline keeps the earlier wording.
      ...(message ? { summary: input.summary, message } : {}),
      ...(raised && earlier < before.deadline ? { deadline: earlier } : {}),
    },
    now,
  );
  await appendRaiseEvent(r, "merged");
  if (raised)
    await notify(
      tx,
      await alertRecipients(tx.db, before),
      alertNotification(before.id, {
        kind: "severity_raised",
        alert: { ...before, severity },
        repeat: { summary: input.summary, message },
      }),
      r.readers,
    );
  await audit(tx, {
    action: "alert.merge",
    entityType: "alerts",
    entityId: before.id,
    before,
    after: await findAlert(tx.db, before.id),
    ...r.logOf,
  });
};

/**
 * Raises an alert for a country and cause, or merges it into the open alert with the same country, named
 * cause and readers (one more occurrence, the higher severity, the earlier deadline): a repeat never reaches
 * an alert its raiser may not read, nor carries a protected finding into a more open one. New alerts go to the country's
 * desk with a deadline by severity, and the owner is notified. People need the `alert.raise` grant;
 * system callers (rules, the community-reports surge) act for the platform.
 */
export const raiseAlert = (ctx: ServiceContext, input: RaiseAlertInput): Promise<RaiseOutcome> =>
  // A caller already in a transaction (another capability's write) raises within it.
  ctx.db.isTransaction
    ? raiseAlertWithin(ctx, input)
    : inTransaction(ctx, (tx) => raiseAlertWithin(tx, input));

/** The same operation inside a transaction the caller already holds (rule evaluation). */
export const raiseAlertWithin = async (
  tx: ServiceContext,
  raw: RaiseAlertInput,
  trigger?: RuleTrigger,
): Promise<RaiseOutcome> => {
  const raise = await readRaise(tx, raw);
  const { input } = raise;
  const now = tx.now();
  const raisedBy = tx.via === "system" ? null : tx.actor.userId;
  const owner = await alertOwner(tx, input.iso3, raise.clearance, raw.ownedBy);
  // Routed to another organisation's desk, a person's alert stays readable by their own organisation.
  const sharedWith = raisedBy && owner.orgId !== tx.actor.orgId ? [tx.actor.orgId] : [];
  const routing = { raisedBy, owner, sharedWith, now };
  const { id, merged } = await openAlertFor(tx, raise, routing);
  const before = await findAlert(tx.db, id);
  if (!before) throw new Error("alert vanished while raising it");
  if (merged && raw.repeatOnlyWhenMoreSevere && severityRank(input.severity) <= severityRank(before.severity))
    return { alert: viewOf(before, now), merged };
  const readers = { ownerOrgId: before.ownerOrgId, clearance: before.clearance, sharedWith };
  // What the platform raises (a rule, a surge) belongs in the log of the organisation whose alert it is;
  // what a person raises, in their own organisation's.
  const logOf = tx.via === "system" || trigger ? { orgId: before.ownerOrgId } : {};
  const recording = { tx, raise, routing, before, readers, logOf };
  await (merged ? recordRepeat(recording) : recordNewAlert(recording));
  if (trigger) await insertTrigger(tx.db, { ...trigger, iso3: input.iso3, alertId: id, at: now });
  const after = await findAlert(tx.db, id);
  if (!after) throw new Error("alert vanished while raising it");
  return { alert: viewOf(after, now), merged };
};
