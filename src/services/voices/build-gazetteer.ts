import { authorize } from "../../core/access/policies.ts";
import { type GazetteerEntry, placeKey } from "../../core/voices/gazetteer.ts";
import type { Db } from "../../db/types.ts";
import { listDatasets } from "../../repositories/data/datasets.repository.ts";
import { readSetting, writeSetting } from "../../repositories/settings.repository.ts";
import {
  adminAreasFromEvents,
  registryPlaces,
  replaceGazetteer,
} from "../../repositories/voices/gazetteer.repository.ts";
import { inTransaction, type ServiceContext } from "../shared/context.ts";

const BUILT_FROM = "voices.gazetteer_built_from";

/**
 * The datasets every organisation reads: an organisation's own events must not name or place another
 * organisation's reports.
 */
const sharedDatasets = async (db: Db) => (await listDatasets(db)).filter((d) => d.ownerOrgId === null);

/** Which data the gazetteer was built from: each shared dataset's id, version and import time. */
const dataFingerprint = async (db: Db): Promise<string> =>
  (await sharedDatasets(db))
    .map((d) => `${d.id}@${d.version}@${d.importedAt.toISOString()}`)
    .sort()
    .join("|");

/**
 * Rebuilds the place-name gazetteer from the shared data: admin areas named by events (with the
 * centroid of their events), capitals and country names from the registry.
 */
const rebuild = async (db: Db): Promise<{ entries: number; adminAreas: number }> => {
  const areas = await adminAreasFromEvents(
    db,
    (await sharedDatasets(db)).map((d) => d.id),
  );
  const entries: GazetteerEntry[] = [...areas, ...(await registryPlaces(db))];
  const keyed = entries
    .map((entry) => ({ ...entry, key: placeKey(entry.name) }))
    .filter((entry) => entry.key);
  const fingerprint = await dataFingerprint(db);
  await inTransaction({ db }, async ({ db: trx }) => {
    await replaceGazetteer(trx, keyed);
    await writeSetting(trx, BUILT_FROM, fingerprint);
  });
  return { entries: keyed.length, adminAreas: areas.length };
};

/** A voices administrator's rebuild. Derived data only, so it is not audited. */
export const buildGazetteer = async (
  ctx: ServiceContext,
): Promise<{ entries: number; adminAreas: number }> => {
  authorize(ctx.actor, "voices.configure");
  return rebuild(ctx.db);
};

/** Rebuilds the gazetteer when the data changed since it was built (or it was never built). */
export const ensureGazetteer = async (db: Db): Promise<void> => {
  const fingerprint = await dataFingerprint(db);
  if ((await readSetting<string>(db, BUILT_FROM)) !== fingerprint) await rebuild(db);
};
