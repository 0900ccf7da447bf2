import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

/**
 * A new folder under the system's temporary directory, removed when the test file ends (`removeTempDirs`
 * runs after each file, see `remove-temp-dirs.ts`): a data directory with an embedded database is hundreds of
 * megabytes, and left behind, a few runs fill the disk.
 */
export const tempDir = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `continuum-${name}-`));
  made.push(dir);
  return dir;
};

export const removeTempDirs = (): void => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
};
