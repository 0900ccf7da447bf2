import { z } from "zod";
import { ZClearance, ZRole } from "../access/vocabulary.ts";

export const ZEmail = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());

/** Long passphrases beat composition rules; 12 characters is the floor NIST SP 800-63B allows us to ask. */
export const PASSWORD_MIN_LENGTH = 12;
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256);

export const ZCreateUser = z.object({
  email: ZEmail,
  name: z.string().trim().min(1).max(200),
  password: ZPassword,
  orgId: z.uuid(),
  role: ZRole,
  clearance: ZClearance.default("restricted"),
});
export type TCreateUser = z.input<typeof ZCreateUser>;

export const ZSetMembership = z.object({
  role: ZRole,
  clearance: ZClearance.optional(),
});

const ZMembership = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  role: ZRole,
  clearance: ZClearance,
});
export type TMembership = z.infer<typeof ZMembership>;

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  platformAdmin: z.boolean(),
  locked: z.boolean(),
  /** The password in use was set by an administrator: the person has not yet chosen their own. */
  mustChangePassword: z.boolean(),
  memberships: z.array(ZMembership),
});
export type TUser = z.infer<typeof ZUser>;

/** A person added to an organisation; `accountExisted`: they had an account, whose name and password stay. */
export const ZAddedUser = ZUser.extend({ accountExisted: z.boolean() });

export const ZSignIn = z.object({ email: ZEmail, password: z.string().min(1).max(256) });
export const ZChangePassword = z.object({ currentPassword: z.string().min(1), newPassword: ZPassword });
export const ZSwitchOrganisation = z.object({ orgId: z.uuid() });
/** A language code as the web app names its locales (`en`, `fr`, `ar`, `pt-BR`). */
export const ZSetLanguage = z.object({
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "a language code such as en, fr or ar"),
});

export const ZCreateToken = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

/** A token as its organisation's administrators see it: whom it acts as, and for which organisation. */
export const ZOrganisationApiToken = ZApiToken.extend({
  orgId: z.uuid(),
  owner: z.object({ userId: z.uuid(), email: z.string() }),
});
export type TOrganisationApiToken = z.infer<typeof ZOrganisationApiToken>;

/** The signed-in person, the organisation they act for, and the CSRF token the web app echoes on writes. */
export const ZMe = z.object({
  user: ZUser,
  acting: z.object({ orgId: z.uuid(), role: ZRole, clearance: ZClearance }),
  /** The language notifications to this person are written in (the one they last used the app in). */
  language: z.string(),
  csrfToken: z.string().nullable(),
  /** The password in use was set by an administrator: nothing but choosing one's own is allowed until then. */
  mustChangePassword: z.boolean(),
});
export type TMe = z.infer<typeof ZMe>;

/** A person of one's own organisation a record may be handed to. */
export const ZColleague = z.object({ userId: z.uuid(), name: z.string(), email: z.string() });
export type TColleague = z.infer<typeof ZColleague>;
