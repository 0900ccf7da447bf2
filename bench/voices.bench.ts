/**
 * Voices intake under load: 10,000 reports POSTed to /api/public/reports by 50 concurrent clients on
 * loopback, then checked in the database (every report stored exactly once, every receipt distinct and
 * found). Printed beside a baseline: the same requests to a Fastify route that parses the body and
 * answers 201 without doing anything. Rate limits are switched off through configuration for the run
 * (CONTINUUM_VOICES_RATE_ADDRESS=0). Embedded engine in memory, or DATABASE_URL.
 */
import type { AddressInfo } from "node:net";
import Fastify from "fastify";
import { sql } from "kysely";
import { loadConfig } from "../src/config.ts";
import { normaliseReceipt } from "../src/core/voices/receipt.ts";
import { openDatabase } from "../src/db/engine.ts";
import { migrate } from "../src/db/migrate.ts";
import { buildApp } from "../src/http/app.ts";
import { generateMasterKey } from "../src/repositories/voices/envelope.ts";
import { ensureFirstAdministrator } from "../src/services/system/ensure-first-administrator.ts";
import { receiptHash } from "../src/services/voices/submit-report.ts";
import { measure, row } from "./support.ts";

const TOTAL = Number(process.env.BENCH_REPORTS ?? 10_000);
const CONCURRENCY = 50;
const RUN = Date.now().toString(36);
const CATEGORIES = ["armed_violence", "displacement", "hate_speech", "services", "arrests", "other"];
const PLACES = [
  { iso3: "CAF", latitude: 4.37, longitude: 18.56 },
  { iso3: "SYR", latitude: 36.2, longitude: 37.13 },
  { iso3: "MMR", latitude: 21.9, longitude: 96.08 },
  { iso3: "MEX", latitude: 17.55, longitude: -99.5 },
];

/** Report number i: distinct text, spread over two years and four countries, every third with coordinates. */
const reportBody = (i: number): string => {
  const place = PLACES[i % PLACES.length] ?? PLACES[0];
  const day = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
  return JSON.stringify({
    category: CATEGORIES[i % CATEGORIES.length],
    description: `Bench ${RUN} report ${i}: ${["shots", "leaflets", "checkpoint", "fire", "arrests"][i % 5]} seen near point ${i * 7919} on day ${i % 700}.`,
    date: day,
    iso3: place?.iso3,
    ...(i % 3 === 0
      ? { latitude: (place?.latitude ?? 0) + (i % 97) / 100, longitude: place?.longitude }
      : {}),
    ...(i % 4 === 0
      ? { contact: { name: `Bench Person ${i}`, phone: `+1555${String(i).padStart(7, "0")}` } }
      : {}),
  });
};

const poster = (url: string, receipts?: string[]) => {
  let next = 0;
  return async () => {
    const i = next++;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: reportBody(i),
    });
    if (response.status !== 201) throw new Error(`report ${i}: ${response.status} ${await response.text()}`);
    const { receipt } = (await response.json()) as { receipt: string };
    receipts?.push(receipt);
  };
};

const noopServer = async (): Promise<string> => {
  const app = Fastify({ bodyLimit: 64 * 1024 });
  app.post("/api/public/reports", async (_request, reply) =>
    reply.code(201).send({ receipt: "0000-0000-0000" }),
  );
  await app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/public/reports`;
};

const runVoicesBench = async (): Promise<void> => {
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  await migrate(handle);
  await ensureFirstAdministrator(handle.db, { email: "bench@example.org", password: "benchmark passphrase" });
  const config = loadConfig(
    {},
    { CONTINUUM_VOICES_KEY: generateMasterKey(), CONTINUUM_VOICES_RATE_ADDRESS: "0" },
  );
  const app = await buildApp({ db: handle.db, config: { ...config, secureCookies: false } });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const baselineUrl = await noopServer();

  const engine = handle.engine === "embedded" ? "embedded (PGlite, in memory)" : "PostgreSQL";
  console.log(`${TOTAL} reports, ${CONCURRENCY} concurrent clients, loopback; database: ${engine}`);
  const baseline = await measure(poster(baselineUrl), { total: TOTAL, concurrency: CONCURRENCY });
  console.log(row("baseline: no-op handler, same requests", baseline));
  const receipts: string[] = [];
  const voices = await measure(poster(`${address}/api/public/reports`, receipts), {
    total: TOTAL,
    concurrency: CONCURRENCY,
  });
  console.log(row("POST /api/public/reports (stored, sealed)", voices));
  console.log(
    `voices/baseline: ${((voices.perSecond / baseline.perSecond) * 100).toFixed(1)}% of the no-op rate`,
  );

  // Every report exactly once: one row per distinct text of this run, every receipt distinct and found.
  const stored = await sql<{ rows: number; texts: number }>`
    SELECT count(*)::int AS rows, count(DISTINCT description)::int AS texts FROM voices_reports
    WHERE description LIKE ${`Bench ${RUN} report %`}`.execute(handle.db);
  const hashes = receipts.map((r) => receiptHash(normaliseReceipt(r) as string));
  let found = 0;
  for (let i = 0; i < hashes.length; i += 1000) {
    const chunk = hashes.slice(i, i + 1000);
    const result = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM voices_reports WHERE receipt_hash IN (${sql.join(chunk)})`.execute(
      handle.db,
    );
    found += result.rows[0]?.n ?? 0;
  }
  const { rows = 0, texts = 0 } = stored.rows[0] ?? {};
  const distinctReceipts = new Set(receipts).size;
  console.log(
    `stored rows ${rows}, distinct texts ${texts}, receipts ${receipts.length} (distinct ${distinctReceipts}, found ${found})`,
  );
  await app.close();
  await handle.close();
  if (rows !== TOTAL || texts !== TOTAL || distinctReceipts !== TOTAL || found !== TOTAL) {
    console.error("FAIL: not every report was stored exactly once");
    process.exitCode = 1;
  } else {
    console.log("OK: every report stored exactly once");
  }
  process.exit();
};

await runVoicesBench();
