import type { Config } from "../../config.ts";
import { conflict } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import { type KeySource, loadKeyring } from "../../repositories/voices/envelope.ts";
import { sealingKeyIds } from "../../repositories/voices/reports.repository.ts";

/** This process's keyring (configured, or the development key of an embedded data directory). */
export const readKeyring = (config: Config): KeySource => loadKeyring(config);

/**
 * The keyring, refused when it cannot open the reports already stored. Two processes sharing one PostgreSQL
 * database, each with its own development key, would otherwise seal half the reports where the other can
 * never read them.
 */
export const openKeyring = async (db: Db, config: Config): Promise<KeySource> => {
  const source = readKeyring(config);
  const held = new Set([source.keyring.current.id, ...source.keyring.previous.keys()]);
  const missing = (await sealingKeyIds(db)).filter((id) => !held.has(id));
  if (missing.length)
    throw conflict(
      `Community reports in this database are sealed with master key ${missing.join(", ")}, which this process does not hold. Every process sharing the database needs the same key: set CONTINUUM_VOICES_KEY (and CONTINUUM_VOICES_PREVIOUS_KEYS while rotating).`,
      [{ field: "CONTINUUM_VOICES_KEY", message: "does not open the stored reports" }],
    );
  return source;
};

/** A new master key, for CONTINUUM_VOICES_KEY. */
export { generateMasterKey } from "../../repositories/voices/envelope.ts";
