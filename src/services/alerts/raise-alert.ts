import { randomUUID } from "node:crypto";
import {
  assertMayClassify,
  audienceKey,
  authorize,
  canSee,
  type ProtectedRecord,
  roleMay,
} from "../../core/access/policies.ts";
import type { Clearance } from "../../core/access/vocabulary.ts";
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
  appendAlertEvent,
  findAlert,
  findOpenAlertForUpdate,
  insertAlert,
  insertTrigger,
  updateAlert,
} from "../../repositories/alerts/alerts.repository.ts";
import { findDeskFor } from "../../repositories/alerts/desks.repository.ts";
import { findCountryName } from "../../repositories/data/registry.repository.ts";
import { findMembership } from "../../repositories/users.repository.ts";
import { notify } from "../notifications/notify.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { assertKnownCountry } from "../shared/known-country.ts";
import { alertNotification } from "./alert-notification.ts";
import { alertRecipients } from "./alert-recipients.ts";
import { type AlertView, viewOf } from "./alert-view.ts";
import { deskFor } from "./desk-for.ts";

/**
 * What raising takes: a person's summary, or for the platform's own alerts a message whose English
 * wording becomes the summary.
 */
type RaiseAlertInput = (TRaiseAlert | (Omit<TRaiseAlert, "summary"> & { message: TAlertMessage })) & {
  /** The owner of a platform alert drawn from a protected record: that record's organisation, not a desk. */
  ownedBy?: { orgId: string; userId: string | null };
  /**
   * Repeat into the open alert only when more severe: for a finding re-evaluated at every change of protected
   * records, whose every repeat would date one record's change for every reader of the alert.
   */
  repeatOnlyWhenMoreSevere?: boolean;
};

type RaiseOutcome = { alert: AlertView; merged: boolean };

/** What a rule raised from, so that evaluating the same evidence again raises nothing. */
type RuleTrigger = { ruleId: string; evidenceKey: string };

/**
 * Who in a protected record's organisation owns the alert drawn from it: someone who may decide alerts and
 * read it — the organisation's desk officer for the country, else the record's author — or, with neither,
 * the organisation as a whole (its desk officers' inbox), never a person who could not act on it.
 */
/** Whether a person of the record's organisation may own an alert about it: they may decide alerts and read it. */
const mayOwn = async (
  tx: ServiceContext,
  userId: string | null,
  record: ProtectedRecord,
): Promise<boolean> => {
  const membership = userId ? await findMembership(tx.db, userId, record.ownerOrgId) : undefined;
  return Boolean(
    membership &&
      roleMay(membership.role, "alert.decide") &&
      canSee({ orgId: record.ownerOrgId, clearance: membership.clearance }, record),
  );
};

const protectedOwner = async (
  tx: ServiceContext,
  iso3: string,
  record: ProtectedRecord,
  author: { orgId: string; userId: string | null },
): Promise<{ orgId: string; userId: string | null }> => {
  const desk = await findDeskFor(tx.db, iso3);
  if (desk?.orgId === author.orgId && (await mayOwn(tx, desk.userId, record)))
    return { orgId: author.orgId, userId: desk.userId };
  return { orgId: author.orgId, userId: (await mayOwn(tx, author.userId, record)) ? author.userId : null };
};

/**
 * Who owns a new alert: the organisation of the protected record it was drawn from, else the country's desk.
 * A person's confidential warning stays within their organisation when the desk belongs to another.
 */
const ownerOf = async (
  tx: ServiceContext,
  iso3: string,
  clearance: Clearance,
  ownedBy: RaiseAlertInput["ownedBy"],
): Promise<{ orgId: string; userId: string | null }> => {
  if (ownedBy)
    return protectedOwner(tx, iso3, { ownerOrgId: ownedBy.orgId, clearance, sharedWith: [] }, ownedBy);
  const raiser = tx.via === "system" ? undefined : { orgId: tx.actor.orgId, userId: tx.actor.userId };
  const desk = await deskFor(tx.db, iso3, raiser);
  if (raiser && clearance === "confidential" && desk.orgId !== raiser.orgId)
    return protectedOwner(tx, iso3, { ownerOrgId: raiser.orgId, clearance, sharedWith: [] }, raiser);
  if (desk.userId === raiser?.userId) return desk;
  // The desk officer must be cleared for what they own: else their supervisor, else the desk's organisation.
  const record = { ownerOrgId: desk.orgId, clearance, sharedWith: [] };
  for (const userId of [desk.userId, desk.escalationUserId])
    if (await mayOwn(tx, userId, record)) return { orgId: desk.orgId, userId };
  return { orgId: desk.orgId, userId: null };
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
  const now = tx.now();
  const raisedBy = tx.via === "system" ? null : tx.actor.userId;
  const owner = await ownerOf(tx, input.iso3, clearance, raw.ownedBy);
  // Routed to another organisation's desk, a person's alert stays readable by their own organisation.
  const sharedWith = raisedBy && owner.orgId !== tx.actor.orgId ? [tx.actor.orgId] : [];
  const audience = audienceKey({ ownerOrgId: owner.orgId, clearance, sharedWith });
  const existing = await findOpenAlertForUpdate(tx.db, input.iso3, input.cause, audience);
  let id = existing?.id;
  let merged = Boolean(existing);
  if (!id) {
    id = await insertAlert(tx.db, {
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
    merged = !id;
    if (id && sharedWith.length > 0) await replaceShares(tx.db, "alerts", id, sharedWith, raisedBy);
    id ??= (await findOpenAlertForUpdate(tx.db, input.iso3, input.cause, audience))?.id;
  }
  if (!id) throw new Error("alert vanished while raising it");
  const before = await findAlert(tx.db, id);
  if (!before) throw new Error("alert vanished while raising it");
  const readers = { ownerOrgId: before.ownerOrgId, clearance: before.clearance, sharedWith };
  // What the platform raises (a rule, a surge) belongs in the log of the organisation whose alert it is;
  // what a person raises, in their own organisation's.
  const logOf = tx.via === "system" || trigger ? { orgId: before.ownerOrgId } : {};
  if (merged && raw.repeatOnlyWhenMoreSevere && severityRank(input.severity) <= severityRank(before.severity))
    return { alert: viewOf(before, now), merged };

  if (!merged) {
    await appendAlertEvent(tx.db, {
      alertId: id,
      at: now,
      kind: "raised",
      actorUserId: raisedBy,
      actor: tx.actorLabel,
      note: input.summary,
      data: { source: input.source, severity: input.severity, details: input.details, message },
    });
    await notify(
      tx,
      await alertRecipients(tx.db, before),
      alertNotification(id, { kind: "raised", alert: before, source: input.source }),
      readers,
    );
    await audit(tx, { action: "alert.raise", entityType: "alerts", entityId: id, after: before, ...logOf });
  } else {
    const severity = higherSeverity(before.severity, input.severity);
    const raised = severityRank(severity) > severityRank(before.severity);
    const earlier = deadlineFor(severity, now);
    await updateAlert(
      tx.db,
      id,
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
    await appendAlertEvent(tx.db, {
      alertId: id,
      at: now,
      kind: "merged",
      actorUserId: raisedBy,
      actor: tx.actorLabel,
      note: input.summary,
      data: { source: input.source, severity: input.severity, details: input.details, message },
    });
    if (raised)
      await notify(
        tx,
        await alertRecipients(tx.db, before),
        alertNotification(id, {
          kind: "severity_raised",
          alert: { ...before, severity },
          repeat: { summary: input.summary, message },
        }),
        readers,
      );
    await audit(tx, {
      action: "alert.merge",
      entityType: "alerts",
      entityId: id,
      before,
      after: await findAlert(tx.db, id),
      ...logOf,
    });
  }
  if (trigger) await insertTrigger(tx.db, { ...trigger, iso3: input.iso3, alertId: id, at: now });
  const after = await findAlert(tx.db, id);
  if (!after) throw new Error("alert vanished while raising it");
  return { alert: viewOf(after, now), merged };
};
