import { forbidden, invalid } from "../shared/errors.ts";
import type { Actor } from "./actor.ts";
import { type Clearance, clearanceRank, clearances, type Role, readableClearances } from "./vocabulary.ts";

/**
 * Every action a role may take, in one table. Capabilities add their actions here, and nowhere else.
 * Reading a record is not listed: it follows from clearance and sharing (see `canSee`).
 */
const grants = {
  "organisation.create": [],
  "organisation.read": ["*"],
  "member.manage": ["administrator"],
  "member.read": ["administrator"],
  "audit.read": ["administrator"],
  "token.create": ["*"],
  "analysis.write": ["administrator", "analyst", "desk_officer"],
  "data.import": ["administrator", "analyst"],
  // The bundled datasets and the reference series are every organisation's maps and forecast.
  "data.curate": [],
  // Early warning: analysts and administrators start model runs; every signed-in person reads forecasts.
  "forecast.run": ["administrator", "analyst"],
  // Publishing a run the rules would keep as an experiment changes every organisation's forecast.
  "forecast.publish": [],
  "backtest.run": ["administrator", "analyst"],
  // Voices: community reports. Revealing a reporter's identity also needs confidential clearance.
  "voices.triage": ["administrator", "analyst", "desk_officer", "field_monitor"],
  "voices.reply": ["administrator", "desk_officer", "field_monitor"],
  "voices.reveal": ["administrator", "desk_officer", "field_monitor"],
  "voices.import": ["administrator", "analyst", "field_monitor"],
  "voices.configure": ["administrator"],
  // Re-wrapping every organisation's reporter keys under a new master key: the instance's, not one organisation's.
  "voices.rotate_key": [],
  // Peacebuilding Audit and early action: analysts assess and write, desk officers own and decide alerts,
  // everyone signed in reads alerts, reviews and measures. The framework, the review schedule, alert rules and
  // desks are shared by every organisation, so only platform administrators (`platformActions`) change them.
  "framework.edit": [],
  "review.write": ["administrator", "analyst"],
  "review.adopt": ["administrator", "desk_officer"],
  "review.schedule": [],
  "alert.raise": ["administrator", "analyst", "desk_officer", "field_monitor"],
  "alert.assess": ["administrator", "analyst", "desk_officer"],
  "alert.decide": ["administrator", "desk_officer"],
  "alert.configure": [],
  "alert.evaluate": ["administrator", "analyst", "desk_officer"],
  "scenario.write": ["administrator", "analyst", "desk_officer"],
  // Sending the instance's queued e-mail now, for every organisation (the server does it on its own clock).
  "notification.send": [],
} as const satisfies Record<string, readonly (Role | "*")[]>;

export type Action = keyof typeof grants;

/** Whether a role is granted an action. */
export const roleMay = (role: Role, action: Action): boolean => {
  const allowed: readonly (Role | "*")[] = grants[action];
  return allowed.includes("*") || allowed.includes(role);
};

/**
 * What running the shared instance takes: organisations and their members, the audit trail, and what every
 * organisation shares (framework, review schedule, alert rules and desks, the published forecast). Platform administrators take these
 * whatever their role where they act; every other action (revealing a reporter, replying, deciding an alert,
 * writing a review) follows their role in the organisation they act for, as it does for everyone.
 */
const platformActions: ReadonlySet<Action> = new Set<Action>([
  "organisation.create",
  "member.manage",
  "member.read",
  "audit.read",
  "framework.edit",
  "review.schedule",
  "alert.configure",
  "notification.send",
  "voices.rotate_key",
  "forecast.publish",
  "data.curate",
]);

export const can = (actor: Actor, action: Action): boolean =>
  roleMay(actor.role, action) || (actor.platformAdmin && platformActions.has(action));

export const authorize = (actor: Actor, action: Action): void => {
  if (!can(actor, action))
    throw forbidden(`Your role (${actor.role.replace("_", " ")}) does not allow this (${action}).`);
};

/**
 * A record may be classified only at a level its author can read: above it, the record would vanish from
 * its own author. Refused naming the field, before anything is written.
 */
export const assertMayClassify = (actor: Actor, clearance: Clearance | undefined): void => {
  if (clearance && clearanceRank(clearance) > clearanceRank(actor.clearance))
    throw invalid(
      `Your clearance (${actor.clearance}) is below ${clearance}: you could not read the record.`,
      [{ field: "clearance", message: `at most ${actor.clearance}` }],
    );
};

/** What every record under clearance declares about itself. */
export type ProtectedRecord = { ownerOrgId: string; clearance: Clearance; sharedWith: readonly string[] };

/**
 * The clearance rule, stated once: public records are open to every signed-in person; others only to
 * the owning organisation and organisations it shared the record with, and only to people cleared
 * for the record's level. Platform administration confers no right to read.
 */
export const canSee = (actor: Pick<Actor, "orgId" | "clearance">, record: ProtectedRecord): boolean => {
  if (record.clearance === "public") return true;
  const inCircle = record.ownerOrgId === actor.orgId || record.sharedWith.includes(actor.orgId);
  return inCircle && clearanceRank(actor.clearance) >= clearanceRank(record.clearance);
};

/**
 * A dataset an organisation imported is its own, like its analyses: the bundled and reference datasets
 * (no owner) are every organisation's. The platform's own work (first start) acts for no organisation.
 */
export const canReadDataset = (
  actor: { orgId: string | null },
  dataset: { ownerOrgId: string | null },
): boolean => dataset.ownerOrgId === null || dataset.ownerOrgId === actor.orgId;

/** One string per set of readers: two records with the same key are read by exactly the same people. */
export const audienceKey = (record: ProtectedRecord): string =>
  record.clearance === "public"
    ? "public"
    : `${record.clearance}:${record.ownerOrgId}:${[...record.sharedWith].sort().join(",")}`;

/**
 * An organisation's own work (a review, an alert, a record's sharing) is changed by its people whose role grants
 * the action. Running the instance gives a platform administrator no say over another organisation's work.
 */
export const mayWorkOn = (actor: Actor, ownerOrgId: string, action: Action): boolean =>
  ownerOrgId === actor.orgId && can(actor, action);

/** `mayWorkOn`, refused with `refusal` for another organisation's work and with the role's reason otherwise. */
export const assertWorksOn = (actor: Actor, ownerOrgId: string, action: Action, refusal: string): void => {
  if (ownerOrgId !== actor.orgId) throw forbidden(refusal);
  authorize(actor, action);
};

/** Four eyes: a review is adopted by one of its organisation's adopters other than the person who submitted it. */
export const mayAdoptReview = (
  actor: Actor,
  review: { ownerOrgId: string; submittedById: string | null },
): boolean => mayWorkOn(actor, review.ownerOrgId, "review.adopt") && review.submittedById !== actor.userId;

/** Changing a record (or its sharing) is for its owning organisation's writers who can read it. */
export const canChange = (actor: Actor, record: ProtectedRecord, action: Action): boolean =>
  mayWorkOn(actor, record.ownerOrgId, action) && canSee(actor, record);

/** Whose people an administrator manages: their own organisation's; a platform administrator, any. */
export const administersOrg = (actor: Pick<Actor, "platformAdmin" | "orgId">, orgId: string): boolean =>
  actor.platformAdmin || actor.orgId === orgId;

/** The clearances an administrator may grant: at most their own; a platform administrator, any. */
export const grantableClearances = (actor: Pick<Actor, "platformAdmin" | "clearance">): Clearance[] =>
  actor.platformAdmin ? [...clearances] : readableClearances(actor.clearance);

/**
 * Whether an administrator may change or end a membership: one of the organisations they administer, cleared no
 * higher than they are, and not a platform administrator's unless they are one (the asserts below say why).
 */
export const mayChangeMembership = (
  actor: Pick<Actor, "platformAdmin" | "orgId" | "clearance">,
  membership: { orgId: string; clearance: Clearance },
  person: { platformAdmin: boolean },
): boolean =>
  administersOrg(actor, membership.orgId) &&
  (actor.platformAdmin ||
    (!person.platformAdmin && grantableClearances(actor).includes(membership.clearance)));

export const assertPlatformAdministrator = (actor: Actor): void => {
  if (!actor.platformAdmin) throw forbidden("Only a platform administrator may do this.");
};

/**
 * Organisation administrators manage their own organisation's people; platform administrators any. Only a
 * platform administrator changes another's membership: an organisation could otherwise lock the instance's
 * administrators out.
 */
export const assertAdministers = (actor: Actor, orgId: string, target?: { platformAdmin: boolean }): void => {
  authorize(actor, "member.manage");
  if (!administersOrg(actor, orgId)) {
    throw forbidden("You may only manage the people of your own organisation.");
  }
  if (target?.platformAdmin && !actor.platformAdmin)
    throw forbidden("Only a platform administrator may change a platform administrator's membership.");
};

/**
 * An organisation administrator grants at most their own clearance, to others and to themself: otherwise a
 * restricted administrator could open every confidential record, reporters' identities included, by
 * raising a membership. Platform administrators set up organisations and grant any level.
 */
export const assertMayGrant = (actor: Actor, clearance: Clearance): void => {
  if (!grantableClearances(actor).includes(clearance))
    throw invalid(
      `Your clearance (${actor.clearance}) is below ${clearance}: you may grant at most your own.`,
      [{ field: "clearance", message: `at most ${actor.clearance}` }],
    );
};

/**
 * Changing or ending a membership cleared above the administrator's own is refused: a role change would
 * otherwise hand a confidential person an administrator's or a reveal-capable role, and a lower-cleared
 * administrator could push out those cleared above them.
 */
export const assertMayChangeMember = (actor: Actor, member: { clearance: Clearance }): void => {
  if (!actor.platformAdmin && clearanceRank(member.clearance) > clearanceRank(actor.clearance))
    throw forbidden(
      `This person is cleared ${member.clearance}, above your clearance (${actor.clearance}): an administrator cleared for ${member.clearance} changes their membership.`,
    );
};
