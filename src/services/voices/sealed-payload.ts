import type { TContact } from "../../core/voices/report.schemas.ts";

/** What is sealed with each report: the receipt (to answer a retried submission), identity, originals. */
export type SealedPayload = {
  receipt: string;
  contact: TContact;
  description: string;
  answers: Record<string, string>;
};
