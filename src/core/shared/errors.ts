/** One field-level problem, named so that a client can point at it. */
export type ErrorDetail = { field: string; message: string; value?: unknown };

export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  /** A session whose password was set by an administrator may do nothing until its person chooses their own. */
  | "password_change_required"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "not_initialised";

/** An error the domain expects and the faces (HTTP, CLI, web) translate into their own terms. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export const invalid = (message: string, details: ErrorDetail[] = []) =>
  new DomainError("validation_failed", message, details);
export const forbidden = (message = "You are not allowed to do this.") =>
  new DomainError("forbidden", message);
export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);
export const conflict = (message: string, details: ErrorDetail[] = []) =>
  new DomainError("conflict", message, details);
