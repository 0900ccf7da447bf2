import { openDatabase } from "../src/db/engine.ts";
import { migrate } from "../src/db/migrate.ts";
import { listOrganisations } from "../src/repositories/organisations.repository.ts";
import { listUsers } from "../src/repositories/users.repository.ts";
import { actorFor } from "../src/services/auth/actor-for.ts";
import { ensureFirstAdministrator } from "../src/services/system/ensure-first-administrator.ts";

/** Latency figures of one measured run. */
export type LatencyStats = { requests: number; seconds: number; perSecond: number; p50: number; p99: number };

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Sends `total` requests from `concurrency` loops and measures each round trip in milliseconds. */
export const measure = async (
  send: () => Promise<void>,
  { total, concurrency }: { total: number; concurrency: number },
): Promise<LatencyStats> => {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  const loop = async () => {
    while (issued < total) {
      issued += 1;
      const t0 = performance.now();
      await send();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: total,
    seconds,
    perSecond: total / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
};

export const row = (label: string, stats: LatencyStats): string =>
  `${label.padEnd(44)} ${stats.perSecond.toFixed(0).padStart(7)} req/s   p50 ${stats.p50.toFixed(2).padStart(6)} ms   p99 ${stats.p99.toFixed(2).padStart(6)} ms`;

/**
 * The benchmark's database (embedded in memory, or DATABASE_URL), migrated, with its platform administrator
 * acting in the first organisation.
 */
export const openBenchDatabase = async () => {
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  await migrate(handle);
  await ensureFirstAdministrator(handle.db, { email: "bench@example.org", password: "benchmark passphrase" });
  const admin = (await listUsers(handle.db)).find((user) => user.platformAdmin);
  const orgId = (await listOrganisations(handle.db))[0]?.id;
  const actor = admin && orgId ? await actorFor(handle.db, admin.id, orgId) : undefined;
  if (!actor) throw new Error("no administrator");
  return { handle, actor };
};
