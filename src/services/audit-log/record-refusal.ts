import { audit, type ServiceContext } from "../shared/context.ts";

/**
 * A refused attempt in the log of the organisation the person acted for: who tried what, and why it was
 * refused (a role granting itself more, a write to another organisation's record). Platform administrators
 * read every organisation's log.
 */
export const recordRefusal = (
  ctx: ServiceContext,
  attempt: { request: string; params: unknown; query: unknown; reason: string },
): Promise<void> =>
  audit(ctx, { action: "access.refused", entityType: "request", entityId: null, after: attempt });
