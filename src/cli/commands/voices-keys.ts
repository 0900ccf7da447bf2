import type { Command } from "commander";
import { generateMasterKey } from "../../services/voices/open-keyring.ts";
import { rotateMasterKey } from "../../services/voices/rotate-key.ts";
import { cliContext, printOne } from "../runtime.ts";
import { voices } from "./voices-command.ts";

/** The master key that wraps reporters' data keys: generate one, rotate to it. */
export const registerVoicesKeys = (group: Command): void => {
  group
    .command("generate-key")
    .description("print a new master key (base64 of 32 bytes) for CONTINUUM_VOICES_KEY")
    .action(() => {
      process.stdout.write(`${generateMasterKey()}\n`);
    });

  group
    .command("rotate-key")
    .description(
      "re-wrap every report's data key under the current master key (stop the servers first; with CONTINUUM_VOICES_KEY: set the new key there and the old one in CONTINUUM_VOICES_PREVIOUS_KEYS; without it: replaces the development key)",
    )
    .action(async (_options: unknown, command: Command) =>
      voices(command, async ({ handle, config, global }) => {
        const result = await rotateMasterKey(await cliContext(handle, global), config);
        const { rewrapped, keyId, developmentKeyFile } = result;
        const message = developmentKeyFile
          ? `New development key in ${developmentKeyFile}; re-wrapped ${rewrapped} data keys under key ${keyId}.`
          : rewrapped
            ? `Re-wrapped ${rewrapped} data keys under key ${keyId}. A server still running with the old key seals new reports with it and cannot open the re-wrapped ones: restart every server with the new key, run this again, and remove the old key from CONTINUUM_VOICES_PREVIOUS_KEYS only when it finds nothing to re-wrap.`
            : `Nothing to re-wrap: every data key is under key ${keyId}. To rotate, set CONTINUUM_VOICES_KEY to a new key (continuum voices generate-key) and CONTINUUM_VOICES_PREVIOUS_KEYS to the old one, then run this again.`;
        printOne(global, result, message);
      }),
    );
};
