import { authorize } from "../../core/access/policies.ts";
import { type Keyring, rewrap } from "../../repositories/voices/envelope.ts";
import {
  countReportsByKey,
  replaceWrappedKey,
  wrappedKeysNotUnder,
} from "../../repositories/voices/reports.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

export type RotationResult = { keyId: string; rewrapped: number; byKey: { keyId: string; n: number }[] };

/**
 * Re-wraps every report's data key that is not yet under the current master key, using the previous
 * keys of the keyring to unwrap. Sealed payloads are not touched. One transaction: a key that cannot be
 * unwrapped (its master key is missing) leaves everything as it was.
 */
export const rotateKey = async (ctx: ServiceContext, keyring: Keyring): Promise<RotationResult> => {
  authorize(ctx.actor, "voices.configure");
  return inTransaction(ctx, async (tx) => {
    let rewrapped = 0;
    for (;;) {
      const batch = await wrappedKeysNotUnder(tx.db, keyring.current.id, 500);
      if (batch.length === 0) break;
      for (const row of batch) {
        await replaceWrappedKey(tx.db, row.id, rewrap(keyring, row.id, row));
        rewrapped += 1;
      }
    }
    const byKey = await countReportsByKey(tx.db);
    await audit(tx, {
      action: "voices.rotate_key",
      entityType: "voices_reports",
      entityId: null,
      after: { keyId: keyring.current.id, rewrapped },
    });
    return { keyId: keyring.current.id, rewrapped, byKey };
  });
};
