import { chmodSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Makes the embedded database's files readable and writable by their owner only, as PostgreSQL's own initdb
 * does. The engine unpacks its initial catalogue world-writable (0666): any account on the host could then
 * rewrite the catalogues, the audit log's append-only trigger among them.
 */
export const keepDataDirPrivate = (dir: string): void => {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    const wanted = entry.isDirectory() ? 0o700 : 0o600;
    if (!entry.isSymbolicLink() && (statSync(path).mode & 0o077) !== 0) chmodSync(path, wanted);
  }
  chmodSync(dir, 0o700);
};
