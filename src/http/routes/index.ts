import { alertRoutes } from "./alerts.routes.ts";
import { analysisRoutes } from "./analyses.routes.ts";
import { auditLogRoutes } from "./audit-log.routes.ts";
import { authRoutes } from "./auth.routes.ts";
import { dataRoutes } from "./data.routes.ts";
import { dataEventRoutes } from "./data-events.routes.ts";
import { dataSeriesRoutes } from "./data-series.routes.ts";
import { frameworkRoutes } from "./frameworks.routes.ts";
import { measureRoutes } from "./measures.routes.ts";
import { notificationRoutes } from "./notifications.routes.ts";
import { organisationRoutes } from "./organisations.routes.ts";
import { reviewRoutes } from "./reviews.routes.ts";
import { scenarioRoutes } from "./scenarios.routes.ts";
import { systemRoutes } from "./system.routes.ts";
import type { AppRoutes } from "./types.ts";
import { userRoutes } from "./users.routes.ts";
import { voicesRoutes } from "./voices.routes.ts";
import { warningRoutes } from "./warning.routes.ts";

/** Every capability's routes; a new capability adds one line. */
export const allRoutes: AppRoutes[] = [
  systemRoutes,
  authRoutes,
  organisationRoutes,
  userRoutes,
  auditLogRoutes,
  analysisRoutes,
  dataRoutes,
  dataSeriesRoutes,
  dataEventRoutes,
  warningRoutes,
  voicesRoutes,
  frameworkRoutes,
  reviewRoutes,
  alertRoutes,
  scenarioRoutes,
  notificationRoutes,
  measureRoutes,
];
