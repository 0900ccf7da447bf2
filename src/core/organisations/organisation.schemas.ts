import { z } from "zod";
import { ZOrganisationKind } from "../access/vocabulary.ts";

const ZOrganisationSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and dashes, 2 to 63 characters");

export const ZCreateOrganisation = z.object({
  slug: ZOrganisationSlug,
  name: z.string().trim().min(2).max(200),
  kind: ZOrganisationKind,
});
export type TCreateOrganisation = z.infer<typeof ZCreateOrganisation>;

export const ZOrganisation = ZCreateOrganisation.extend({
  id: z.uuid(),
  createdAt: z.string(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;
