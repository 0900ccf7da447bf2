import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isProcessRunning } from "./processes.ts";

const LOCK_FILE = "continuum.pid";

/** Another live process has the embedded data directory open. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `the embedded database in ${dataDir} is in use by another Continuum process (pid ${pid}), ` +
        "for example `continuum serve`. Stop it first, or do this through its web app or API; " +
        "to share one database between several processes, run PostgreSQL and set DATABASE_URL.",
    );
    this.name = "DataDirInUseError";
  }
}

const holderOf = (path: string): number | null => {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/**
 * Claims the embedded data directory for this process, as PostgreSQL's postmaster.pid does: each embedded
 * engine caches pages and writes them back on its own, so two of them on one directory lose each other's
 * writes and can leave it unreadable. A claim left by a process that no longer runs is taken over.
 * Returns the release; it also runs when the process exits.
 */
export const lockDataDir = (dataDir: string): (() => void) => {
  const path = join(dataDir, LOCK_FILE);
  // Written whole under a private name, then linked into place: linking fails if the lock exists, and a
  // reader never sees a half-written pid.
  const pending = join(dataDir, `${LOCK_FILE}.${process.pid}.${Date.now()}`);
  writeFileSync(pending, `${process.pid}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(pending, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const holder = holderOf(path);
        if (holder !== null && isProcessRunning(holder)) throw new DataDirInUseError(dataDir, holder);
        if (attempt > 0) throw error;
        rmSync(path, { force: true });
      }
    }
  } finally {
    rmSync(pending, { force: true });
  }
  const release = () => {
    process.off("exit", release);
    rmSync(path, { force: true });
  };
  process.on("exit", release);
  return release;
};
