/** The web app shares the server's schemas: these are the same types the API validates and returns. */
export type { Clearance, Role } from "../../../src/core/access/vocabulary.ts";
export type { TAnalysis as Analysis } from "../../../src/core/analyses/analysis.schemas.ts";
export type {
  TAuditEntry as AuditEntry,
  TAuditFacets as AuditFacets,
} from "../../../src/core/audit-log/audit.schemas.ts";
export type { TOrganisation as Organisation } from "../../../src/core/organisations/organisation.schemas.ts";
export type {
  TApiToken as ApiToken,
  TMe as Me,
  TMembership as Membership,
  TOrganisationApiToken as OrganisationApiToken,
  TUser as User,
} from "../../../src/core/users/user.schemas.ts";
