import { CSRF_HEADER } from "../../../src/core/access/csrf.ts";

/** The one way the web app talks to the API: same-origin cookies, the CSRF token on writes, typed errors. */
type ApiErrorBody = {
  error: { code: string; message: string; details: { field: string; message: string }[] };
};

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody["error"];
  constructor(status: number, body: ApiErrorBody["error"]) {
    super(body.message);
    this.status = status;
    this.body = body;
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** Sends `body` as JSON, or as it is when it is a form with a file (the browser sets its multipart type). */
export const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const headers: Record<string, string> = {};
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers[CSRF_HEADER] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (parsed as ApiErrorBody | undefined)?.error ?? {
      code: "http",
      message: response.statusText,
      details: [],
    };
    throw new ApiError(response.status, error);
  }
  return parsed as T;
};

export const get = <T>(path: string) => api<T>("GET", path);
