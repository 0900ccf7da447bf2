import type { Clearance, Role } from "./vocabulary.ts";

/** Who is acting: a signed-in person (through a session or an API token) acting for one organisation. */
export type Actor = {
  userId: string;
  email: string;
  orgId: string;
  role: Role;
  clearance: Clearance;
  platformAdmin: boolean;
};

/** The channel a write came through, recorded in the audit log. */
export type Channel = "api" | "cli" | "system";
