import { describe, expect, it } from "vitest";
import { tempDir } from "../../../test/support/temp-dir.ts";
import { DomainError } from "../../core/shared/errors.ts";
import { generateMasterKey, loadKeyring } from "./envelope.ts";

const dataDir = () => tempDir("keys");

describe("the process's keyring", () => {
  it("makes a development key on the embedded database, and refuses to on a PostgreSQL server", () => {
    const unset = { key: undefined, previousKeys: [] };
    expect(loadKeyring({ voices: unset, dataDir: dataDir(), databaseUrl: undefined }).source).toBe(
      "development",
    );
    const shared = () =>
      loadKeyring({ voices: unset, dataDir: dataDir(), databaseUrl: "postgres://db/continuum" });
    expect(shared).toThrow(DomainError);
    expect(shared).toThrow(/^Set CONTINUUM_VOICES_KEY to use a PostgreSQL database/);
    const key = generateMasterKey();
    const configured = loadKeyring({
      voices: { key, previousKeys: [] },
      dataDir: dataDir(),
      databaseUrl: "postgres://db/continuum",
    });
    expect(configured.source).toBe("configured");
  });
});
