import { z } from "zod";
import { ZClearance } from "../access/vocabulary.ts";
import { ZFormMapping } from "./mapping.ts";

const formKinds = ["kobo", "odk", "feed"] as const;

/** An import form and its column mapping, as an administrator saves it. */
export const ZSaveForm = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/, "letters, digits, _ . - (as the form id in KoboToolbox)"),
  title: z.string().trim().min(1).max(200),
  kind: z.enum(formKinds).default("kobo"),
  clearance: ZClearance.default("restricted"),
  mapping: ZFormMapping,
});
export type TSaveForm = z.input<typeof ZSaveForm>;

export const ZForm = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(formKinds),
  clearance: z.string(),
  mapping: ZFormMapping,
  updatedAt: z.string(),
});
export type TForm = z.infer<typeof ZForm>;
