import { authorize } from "../../core/access/policies.ts";
import { DomainError, forbidden } from "../../core/shared/errors.ts";
import type { TRevealed } from "../../core/voices/report.schemas.ts";
import { unseal } from "../../repositories/voices/envelope.ts";
import { findReportById, findSealed } from "../../repositories/voices/reports.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";
import { loadReportForChange } from "./report-view.ts";
import type { SealedPayload } from "./sealed-payload.ts";
import type { VoicesDeps } from "./voices-context.ts";

/**
 * Opens the sealed fields of a report (the reporter's contact, the original text, unmapped answers) for
 * a person of the receiving organisation whose role may reveal and who holds confidential clearance.
 * Every reveal is written to the audit log, with the reason given, before the fields are returned; so is every
 * refused attempt, in the receiving organisation's log.
 */
export const revealReport = async (
  ctx: ServiceContext,
  deps: VoicesDeps,
  id: string,
  reason: string,
): Promise<TRevealed> => {
  try {
    return await revealWithin(ctx, deps, id, reason);
  } catch (error) {
    // An attempt that failed, by a colleague without the clearance or by someone the report is hidden from, is the
    // receiving organisation's to know: logged in its audit log (the prober still only learns "not found").
    const refused =
      error instanceof DomainError && (error.code === "forbidden" || error.code === "not_found");
    const report = refused ? await findReportById(ctx.db, id) : undefined;
    if (report && error instanceof DomainError)
      await audit(ctx, {
        action: "voices.reveal_refused",
        entityType: "voices_reports",
        entityId: id,
        after: {
          reason,
          refusal: error.code === "not_found" ? "the report is hidden from them" : error.message,
        },
        orgId: report.ownerOrgId,
      });
    throw error;
  }
};

const revealWithin = (
  ctx: ServiceContext,
  deps: VoicesDeps,
  id: string,
  reason: string,
): Promise<TRevealed> =>
  inTransaction(ctx, async (tx) => {
    await loadReportForChange(tx, id, "voices.reveal");
    authorize(ctx.actor, "voices.reveal");
    if (ctx.actor.clearance !== "confidential")
      throw forbidden("Revealing a reporter's identity needs confidential clearance.");
    const sealed = await findSealed(tx.db, id);
    if (!sealed) throw forbidden("Nothing to reveal.");
    const payload = unseal<SealedPayload>(deps.keyring, id, sealed);
    await audit(tx, {
      action: "voices.reveal",
      entityType: "voices_reports",
      entityId: id,
      after: { reason, fields: Object.keys(payload.contact).concat("originalDescription", "answers") },
    });
    return {
      contact: {
        name: payload.contact.name ?? null,
        phone: payload.contact.phone ?? null,
        email: payload.contact.email ?? null,
      },
      originalDescription: payload.description,
      answers: payload.answers,
    };
  });
