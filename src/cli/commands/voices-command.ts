import type { Command } from "commander";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/engine.ts";
import { openKeyring } from "../../services/voices/open-keyring.ts";
import type { VoicesDeps } from "../../services/voices/voices-context.ts";
import { type GlobalOptions, globalOptions, withDatabase } from "../runtime.ts";

/** Runs a voices command with the database, the keyring and the acting person. */
export const voices = <T>(
  command: Command,
  work: (args: {
    handle: DatabaseHandle;
    config: Config;
    deps: VoicesDeps;
    global: GlobalOptions;
  }) => Promise<T>,
) => {
  const global = globalOptions(command);
  return withDatabase(global, async (handle, config) => {
    const deps: VoicesDeps = {
      keyring: (await openKeyring(handle.db, config)).keyring,
      settings: config.voices,
    };
    return work({ handle, config, deps, global });
  });
};
