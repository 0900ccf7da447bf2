/**
 * The reports map with 20,000 reports of one organisation spread over four countries: GET
 * /api/voices/reports/points as it answers now (counted per grid cell), beside the baseline of the same
 * reports sent one by one, as the map read them before it gathered them. Prints the time of each answer and its
 * size. Embedded engine in memory, or DATABASE_URL.
 */
import { sql } from "kysely";
import { presentReportPoint } from "../src/http/presenters/voices.presenter.ts";
import { listVisibleReportPoints } from "../src/repositories/voices/reports.repository.ts";
import { listReportPoints } from "../src/services/voices/list-report-points.ts";
import { openBenchDatabase } from "./support.ts";

const TOTAL = Number(process.env.BENCH_REPORTS ?? 20_000);
const ROUNDS = 5;
const RUN = Date.now().toString(36);
const PLACES = [
  ["CAF", 4.37, 18.56],
  ["SYR", 35, 37],
  ["MLI", 15, -3],
  ["SSD", 7, 30],
] as const;

/** The median of `ROUNDS` timed runs, in milliseconds, and the bytes of the last answer. */
const timed = async (answer: () => Promise<unknown>): Promise<{ ms: number; bytes: number }> => {
  const times: number[] = [];
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    bytes = Buffer.byteLength(JSON.stringify(await answer()));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(ROUNDS / 2)] ?? Number.NaN, bytes };
};

const line = (label: string, { ms, bytes }: { ms: number; bytes: number }, shapes: number) =>
  `${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   ${(bytes / 1024).toFixed(0).padStart(6)} KiB   ${String(shapes).padStart(6)} shapes to draw`;

const runReportMapBench = async (): Promise<void> => {
  const { handle, actor } = await openBenchDatabase();
  for (const [iso3, latitude, longitude] of PLACES) {
    await sql`INSERT INTO voices_reports (id, owner_org_id, clearance, receipt_hash, channel, category, description,
        incident_date, incident_month, iso3, latitude, longitude, status, sealed, wrapped_key, key_id)
      SELECT gen_random_uuid(), ${actor.orgId}, 'restricted', ${RUN} || ${iso3} || i, 'api', 'armed_violence', 'Bench report',
        '2026-03-15', '2026-03-01', ${iso3}, ${latitude}::float8 + random() * 4 - 2,
        ${longitude}::float8 + random() * 4 - 2, 'new', 'sealed', 'key', 'bench'
      FROM generate_series(1, ${Math.floor(TOTAL / PLACES.length)}::int) AS i`.execute(handle.db);
  }
  const ctx = { db: handle.db, actor, via: "system" as const, actorLabel: "bench", now: () => new Date() };
  const everyPoint = async () =>
    (await listVisibleReportPoints(handle.db, actor, {})).map((point) => presentReportPoint(point, actor));
  const gathered = await listReportPoints(ctx, {});

  console.log(
    `Reports map — ${gathered.total} reports, median of ${ROUNDS} answers, ${handle.engine} database`,
  );
  console.log(line("every report as a point (baseline)", await timed(everyPoint), gathered.total));
  console.log(
    line(
      "GET /api/voices/reports/points (cells)",
      await timed(() => listReportPoints(ctx, {})),
      gathered.clusters.length,
    ),
  );
  await handle.close();
};

await runReportMapBench();
