import { z } from "zod";
import {
  ZAlert,
  ZAlertDetail,
  ZAlertQuery,
  ZAlertRule,
  ZAlertRuleInput,
  ZAlertRuleUpdate,
  ZAlertStepInput,
  ZAssignAlert,
  ZDesk,
  ZDeskInput,
  ZEscalationReport,
  ZRaiseAlert,
} from "../../core/alerts/alert.schemas.ts";
import { ZColleague } from "../../core/users/user.schemas.ts";
import { advanceAlert } from "../../services/alerts/advance-alert.ts";
import { assignAlert, listAssignees } from "../../services/alerts/assign-alert.ts";
import { createAlertRule } from "../../services/alerts/create-alert-rule.ts";
import { deleteAlertRule } from "../../services/alerts/delete-alert-rule.ts";
import { deleteDesk } from "../../services/alerts/delete-desk.ts";
import { escalateOverdueAlerts } from "../../services/alerts/escalate-overdue-alerts.ts";
import { evaluateAlertRules } from "../../services/alerts/evaluate-alert-rules.ts";
import { listAlertRules } from "../../services/alerts/list-alert-rules.ts";
import { listDesks } from "../../services/alerts/list-desks.ts";
import { raiseAlert } from "../../services/alerts/raise-alert.ts";
import { getAlert, listAlerts } from "../../services/alerts/read-alerts.ts";
import { setDesk } from "../../services/alerts/set-desk.ts";
import { updateAlertRule } from "../../services/alerts/update-alert-rule.ts";
import { contextOf } from "../context.ts";
import {
  presentAlert,
  presentAlertDetail,
  presentAlertRule,
  presentDesk,
} from "../presenters/alert.presenter.ts";
import { errorResponses, ZIdParams } from "../schemas.ts";
import type { AppRoutes } from "./types.ts";

const steps = ["acknowledge", "assess", "decide", "act", "close"] as const;

export const alertRoutes: AppRoutes = (app, deps) => {
  app.get(
    "/api/alerts",
    {
      schema: {
        tags: ["alerts"],
        summary: "The alerts inbox: all, mine, my desk's, or overdue",
        querystring: ZAlertQuery,
        response: { 200: z.array(ZAlert), ...errorResponses },
      },
    },
    async (request) => (await listAlerts(contextOf(deps, request), request.query)).map(presentAlert),
  );

  app.post(
    "/api/alerts",
    {
      schema: {
        tags: ["alerts"],
        summary: "Raise an alert (merged into the open alert with the same country and cause)",
        body: ZRaiseAlert,
        response: {
          200: z.object({ merged: z.boolean(), alert: ZAlert }),
          201: z.object({ merged: z.boolean(), alert: ZAlert }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const outcome = await raiseAlert(contextOf(deps, request), request.body);
      return reply
        .code(outcome.merged ? 200 : 201)
        .send({ merged: outcome.merged, alert: presentAlert(outcome.alert) });
    },
  );

  app.get(
    "/api/alerts/:id",
    {
      schema: {
        tags: ["alerts"],
        summary: "One alert with its timeline",
        params: ZIdParams,
        response: { 200: ZAlertDetail, ...errorResponses },
      },
    },
    async (request) => presentAlertDetail(await getAlert(contextOf(deps, request), request.params.id)),
  );

  for (const step of steps) {
    app.post(
      `/api/alerts/:id/${step}`,
      {
        schema: {
          tags: ["alerts"],
          summary: `Alert lifecycle: ${step}`,
          params: ZIdParams,
          body: ZAlertStepInput[step],
          response: { 200: ZAlert, 409: errorResponses[400], ...errorResponses },
        },
      },
      async (request) =>
        presentAlert(
          // The body was validated by this step's own schema above; the loop's step cannot narrow its type.
          await advanceAlert(contextOf(deps, request), request.params.id, step, request.body as never),
        ),
    );
  }

  app.get(
    "/api/alerts/:id/assignees",
    {
      schema: {
        tags: ["alerts"],
        summary: "The owning organisation's people the alert may be handed to (the desk)",
        params: ZIdParams,
        response: { 200: z.array(ZColleague), ...errorResponses },
      },
    },
    (request) => listAssignees(contextOf(deps, request), request.params.id),
  );

  app.post(
    "/api/alerts/:id/assign",
    {
      schema: {
        tags: ["alerts"],
        summary: "Hand the alert to another person of the owning organisation",
        params: ZIdParams,
        body: ZAssignAlert,
        response: { 200: ZAlert, ...errorResponses },
      },
    },
    async (request) =>
      presentAlert(await assignAlert(contextOf(deps, request), request.params.id, request.body)),
  );

  app.post(
    "/api/alerts/evaluate",
    {
      schema: {
        tags: ["alerts"],
        summary: "Evaluate the alert rules now (idempotent)",
        response: {
          200: z.object({
            rules: z.number(),
            candidates: z.number(),
            raised: z.number(),
            merged: z.number(),
            alreadyRaised: z.number(),
            invalidRules: z.array(z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => evaluateAlertRules(contextOf(deps, request), { now: deps.now() }),
  );

  app.post(
    "/api/alerts/escalate",
    {
      schema: {
        tags: ["alerts"],
        summary: "Escalate overdue alerts now (administrators; the server also does this periodically)",
        response: {
          200: ZEscalationReport,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      return escalateOverdueAlerts(contextOf(deps, request), { now: deps.now() });
    },
  );

  app.get(
    "/api/alerts/rules",
    {
      schema: {
        tags: ["alerts"],
        summary: "Alert rules",
        response: { 200: z.array(ZAlertRule), ...errorResponses },
      },
    },
    async (request) => (await listAlertRules(contextOf(deps, request))).map(presentAlertRule),
  );

  app.post(
    "/api/alerts/rules",
    {
      schema: {
        tags: ["alerts"],
        summary: "Add an alert rule (administrators); invalid rules are refused naming the field",
        body: ZAlertRuleInput,
        response: { 201: ZAlertRule, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentAlertRule(await createAlertRule(contextOf(deps, request), request.body))),
  );

  app.patch(
    "/api/alerts/rules/:id",
    {
      schema: {
        tags: ["alerts"],
        summary: "Change an alert rule (administrators)",
        params: ZIdParams,
        body: ZAlertRuleUpdate,
        response: { 200: ZAlertRule, ...errorResponses },
      },
    },
    async (request) =>
      presentAlertRule(await updateAlertRule(contextOf(deps, request), request.params.id, request.body)),
  );

  app.delete(
    "/api/alerts/rules/:id",
    {
      schema: {
        tags: ["alerts"],
        summary: "Delete an alert rule (administrators)",
        params: ZIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteAlertRule(contextOf(deps, request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/alerts/desks",
    {
      schema: {
        tags: ["alerts"],
        summary: "Desk assignments: who owns each country's alerts ('*' is the default desk)",
        response: { 200: z.array(ZDesk), ...errorResponses },
      },
    },
    async (request) => (await listDesks(contextOf(deps, request))).map(presentDesk),
  );

  app.put(
    "/api/alerts/desks",
    {
      schema: {
        tags: ["alerts"],
        summary: "Assign a country's desk (administrators)",
        body: ZDeskInput,
        response: { 200: z.array(ZDesk), ...errorResponses },
      },
    },
    async (request) => (await setDesk(contextOf(deps, request), request.body)).map(presentDesk),
  );

  app.delete(
    "/api/alerts/desks/:iso3",
    {
      schema: {
        tags: ["alerts"],
        summary: "Remove a country's desk assignment (administrators)",
        params: z.object({ iso3: z.union([z.string().regex(/^[A-Z]{3}$/), z.literal("*")]) }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteDesk(contextOf(deps, request), request.params.iso3);
      return reply.code(204).send(null);
    },
  );
};
