import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "../../src/db/engine.ts";
import type { App } from "../../src/http/app.ts";
import { generateMasterKey } from "../../src/repositories/voices/envelope.ts";
import { smsSignature } from "../../src/services/voices/receive-sms.ts";
import { testApp } from "../support/api.ts";

const SMS_SECRET = "test-gateway-secret";

/** The app with voices configured: a fresh master key, an SMS secret and the given receiving organisation. */
export const voicesApp = async (
  handle: DatabaseHandle,
  receivingOrg: string,
  env: Record<string, string> = {},
  now?: () => Date,
): Promise<{ app: App; key: string }> => {
  const key = env.CONTINUUM_VOICES_KEY ?? generateMasterKey();
  const app = await testApp(handle, {
    ...(now ? { now } : {}),
    env: {
      CONTINUUM_VOICES_KEY: key,
      CONTINUUM_VOICES_SMS_SECRET: SMS_SECRET,
      CONTINUUM_VOICES_ORG: receivingOrg,
      ...env,
    },
  });
  return { app, key };
};

/** A gateway call signed as the documented webhook expects. */
export const signedSms = (app: App, message: object, secret = SMS_SECRET, at = new Date()) => {
  const body = JSON.stringify(message);
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return app.inject({
    method: "POST",
    url: "/api/public/sms",
    headers: {
      "content-type": "application/json",
      "x-continuum-timestamp": timestamp,
      "x-continuum-signature": smsSignature(
        secret,
        timestamp,
        { method: "POST", path: "/api/public/sms" },
        body,
      ),
    },
    payload: body,
  });
};

/** A call of the gateway over an empty body (the outbox and its confirmations), signed for `signedAs`. */
export const signedGatewayCall = (
  app: App,
  method: "GET" | "POST",
  url: string,
  signedAs: { method: string; path: string } = { method, path: url },
) => {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return app.inject({
    method,
    url,
    headers: {
      "x-continuum-timestamp": timestamp,
      "x-continuum-signature": smsSignature(SMS_SECRET, timestamp, signedAs, ""),
    },
  });
};

export const uniquePhone = () =>
  `+96477${randomBytes(4).readUInt32BE(0).toString().padStart(8, "0").slice(0, 8)}`;

/** A public form (the report form by default) posted as a browser without JavaScript would. */
export const postReportForm = (app: App, fields: Record<string, string>, url = "/report") =>
  app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(fields).toString(),
  });
