import type { Command } from "commander";
import { ZCreateToken } from "../../core/users/user.schemas.ts";
import { presentToken } from "../../http/presenters/token.presenter.ts";
import { createApiToken } from "../../services/auth/create-api-token.ts";
import {
  cliContext,
  globalOptions,
  numberOption,
  optionsNamingFields,
  printOne,
  withDatabase,
} from "../runtime.ts";

export const registerTokens = (program: Command): void => {
  const token = program.command("token").description("API tokens for machines");

  optionsNamingFields(
    token
      .command("create <name>")
      .description(
        "create an API token acting as --as EMAIL (default: the first administrator); printed once",
      )
      .option("--expires-days <days>", "days until the token expires", numberOption("expires-days"))
      .action(async (name: string, options: { expiresDays?: number }, command: Command) => {
        const global = globalOptions(command);
        await withDatabase(global, async (handle) => {
          const input = ZCreateToken.parse({ name, expiresInDays: options.expiresDays });
          const { token: secret, record } = await createApiToken(await cliContext(handle, global), input);
          printOne(
            global,
            { ...presentToken(record), token: secret },
            `${secret}\n(send it as "Authorization: Bearer <token>"; it is shown only now)`,
          );
        });
      }),
    { expiresInDays: "expiresDays" },
  );
};
