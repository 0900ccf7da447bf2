import { join } from "node:path";
import type { Config } from "../../config.ts";
import { authorize } from "../../core/access/policies.ts";
import {
  DEV_KEY_FILE,
  forgetDevPreviousKey,
  generateMasterKey,
  type Keyring,
  loadKeyring,
  makeKeyring,
  readDevPreviousKey,
  replaceDevKey,
  rewrap,
} from "../../repositories/voices/envelope.ts";
import {
  countReportsByKey,
  replaceWrappedKey,
  wrappedKeysNotUnder,
} from "../../repositories/voices/reports.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

type RotationResult = { keyId: string; rewrapped: number; byKey: { keyId: string; n: number }[] };

/**
 * Re-wraps every report's data key that is not yet under the current master key, using the previous
 * keys of the keyring to unwrap. Sealed payloads are not touched. One transaction: a key that cannot be
 * unwrapped (its master key is missing) leaves everything as it was.
 */
const rewrapUnder = async (ctx: ServiceContext, keyring: Keyring): Promise<RotationResult> => {
  authorize(ctx.actor, "voices.rotate_key");
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

/**
 * Rotates reporters' data keys to the master key. Configured: to CONTINUUM_VOICES_KEY, unwrapping with the
 * previous keys. Development: finishes an interrupted rotation first, then replaces the data directory's key
 * and re-wraps under the new one; `developmentKeyFile` names it.
 */
export const rotateMasterKey = async (
  ctx: ServiceContext,
  config: Config,
): Promise<RotationResult & { developmentKeyFile?: string }> => {
  authorize(ctx.actor, "voices.rotate_key");
  if (config.voices.key) return rewrapUnder(ctx, makeKeyring(config.voices.key, config.voices.previousKeys));
  let finished = 0;
  if (readDevPreviousKey(config.dataDir)) {
    finished = (await rewrapUnder(ctx, loadKeyring(config).keyring)).rewrapped;
    forgetDevPreviousKey(config.dataDir);
  }
  replaceDevKey(config.dataDir, generateMasterKey());
  const result = await rewrapUnder(ctx, loadKeyring(config).keyring);
  forgetDevPreviousKey(config.dataDir);
  return {
    ...result,
    rewrapped: result.rewrapped + finished,
    developmentKeyFile: join(config.dataDir, DEV_KEY_FILE),
  };
};
