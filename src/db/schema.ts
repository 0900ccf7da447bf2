import type { AlertTables } from "./tables/alerts.ts";
import type { DataTables } from "./tables/data.ts";
import type { FoundationTables } from "./tables/foundation.ts";
import type { FrameworkTables } from "./tables/frameworks.ts";
import type { NotificationTables } from "./tables/notifications.ts";
import type { ReviewTables } from "./tables/reviews.ts";
import type { ScenarioTables } from "./tables/scenarios.ts";
import type { VoicesTables } from "./tables/voices.ts";
import type { WarningTables } from "./tables/warning.ts";

/** Every table, by capability: each capability declares its tables in tables/<capability>.ts. */
export type Database = FoundationTables &
  DataTables &
  WarningTables &
  VoicesTables &
  FrameworkTables &
  ReviewTables &
  AlertTables &
  ScenarioTables &
  NotificationTables;
