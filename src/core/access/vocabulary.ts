import { z } from "zod";

export const organisationKinds = [
  "un_entity",
  "regional_organisation",
  "government",
  "civil_society",
  "donor",
  "research_institute",
] as const;
export const ZOrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof ZOrganisationKind>;

export const roles = [
  "administrator",
  "analyst",
  "desk_officer",
  "roster_manager",
  "field_monitor",
  "donor",
  "viewer",
] as const;
export const ZRole = z.enum(roles);
export type Role = z.infer<typeof ZRole>;

/** Ordered from least to most protected: a person cleared for a level may see every level below it. */
export const clearances = ["public", "restricted", "confidential"] as const;
export const ZClearance = z.enum(clearances);
export type Clearance = z.infer<typeof ZClearance>;

export const clearanceRank = (level: Clearance): number => clearances.indexOf(level);

/** The levels a person holding `held` may read. */
export const readableClearances = (held: Clearance): Clearance[] =>
  clearances.filter((level) => clearanceRank(level) <= clearanceRank(held));
