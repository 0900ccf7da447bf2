import "../core/shared/validation-messages.ts";
import { Command } from "commander";
import { registerAlerts } from "./commands/alerts.ts";
import { registerAuditLog } from "./commands/audit-log.ts";
import { registerCellForecasts } from "./commands/cell-forecasts.ts";
import { registerData } from "./commands/data.ts";
import { registerFrameworks } from "./commands/frameworks.ts";
import { registerInit } from "./commands/init.ts";
import { registerMeasures } from "./commands/measures.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerNotifications } from "./commands/notifications.ts";
import { registerOrgs } from "./commands/organisations.ts";
import { registerReviews } from "./commands/reviews.ts";
import { registerScenarios } from "./commands/scenarios.ts";
import { registerServe } from "./commands/serve.ts";
import { registerTokens } from "./commands/tokens.ts";
import { registerUsers } from "./commands/users.ts";
import { registerVoices } from "./commands/voices.ts";
import { registerWarning } from "./commands/warning.ts";
import { exitCodes, reportFailure } from "./runtime.ts";

const program = new Command("continuum")
  .description("Continuum: conflict early warning linked to early action")
  .option("--data-dir <dir>", "embedded database directory (CONTINUUM_DATA_DIR, default ./.continuum)")
  .option("--database-url <url>", "PostgreSQL server instead of the embedded database (DATABASE_URL)")
  .option("--json", "print machine-readable JSON")
  .option("--as <email>", "act as this user (default: the first platform administrator)")
  .showHelpAfterError()
  .exitOverride();

for (const register of [
  registerServe,
  registerInit,
  registerMigrate,
  registerOrgs,
  registerUsers,
  registerTokens,
  registerAuditLog,
  registerData,
  registerWarning,
  registerCellForecasts,
  registerVoices,
  registerFrameworks,
  registerReviews,
  registerAlerts,
  registerScenarios,
  registerNotifications,
  registerMeasures,
])
  register(program);

// Output piped into a reader that stops early (`| head`) is not a failure of the command.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(exitCodes.ok);
  throw error;
});

let running: Command | undefined;
program.hook("preAction", (_program, action) => {
  running = action;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help") {
    process.exitCode = exitCodes.ok;
  } else if (typeof code === "string" && code.startsWith("commander.")) {
    process.exitCode = exitCodes.invalid;
  } else {
    process.exitCode = reportFailure(error, running);
  }
}
