/**
 * API latency: GET /api/health and an authenticated read (GET /api/organisations with an API token),
 * each beside a bare node:http server returning the same bytes, measured by the same client in one run.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { generateMasterKey } from "../src/repositories/voices/envelope.ts";
import { createApiToken } from "../src/services/auth/create-api-token.ts";
import { measure, openBenchDatabase, row } from "./support.ts";

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 5000);
const CONCURRENCY = 20;

const bareServer = async (body: string): Promise<string> => {
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const get =
  (url: string, headers: Record<string, string> = {}) =>
  async () => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    await response.arrayBuffer();
  };

const runApiBench = async (): Promise<void> => {
  const { handle, actor } = await openBenchDatabase();
  const ctx = { db: handle.db, actor, via: "system" as const, actorLabel: "bench", now: () => new Date() };
  const { token } = await createApiToken(ctx, { name: "bench" });

  // A key of its own, so that the benchmark writes no development key into the folder it runs from.
  const app = await buildApp({
    db: handle.db,
    config: loadConfig({}, { CONTINUUM_VOICES_KEY: generateMasterKey() }),
  });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const auth = { authorization: `Bearer ${token}` };
  const healthBody = await (await fetch(`${base}/api/health`)).text();
  const orgsBody = await (await fetch(`${base}/api/organisations`, { headers: auth })).text();
  const bareHealth = await bareServer(healthBody);
  const bareOrgs = await bareServer(orgsBody);
  const options = { total: TOTAL, concurrency: CONCURRENCY };

  // Warm both paths so JIT and connection pools are ready before timing.
  await measure(get(`${base}/api/health`), { total: 500, concurrency: CONCURRENCY });
  await measure(get(bareHealth), { total: 500, concurrency: CONCURRENCY });

  console.log(`API latency — ${TOTAL} requests, ${CONCURRENCY} concurrent, ${handle.engine} database`);
  console.log(row("bare node:http, health bytes (baseline)", await measure(get(bareHealth), options)));
  console.log(row("GET /api/health", await measure(get(`${base}/api/health`), options)));
  console.log(row("bare node:http, organisations bytes (baseline)", await measure(get(bareOrgs), options)));
  console.log(
    row("GET /api/organisations (API token)", await measure(get(`${base}/api/organisations`, auth), options)),
  );
  await app.close();
  await handle.close();
};

await runApiBench();
