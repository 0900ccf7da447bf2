import { notFound } from "../../core/shared/errors.ts";
import {
  type FrameworkRow,
  findDefaultFramework,
  findFramework,
  listFrameworks as selectFrameworks,
} from "../../repositories/frameworks.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** Frameworks are reference material: every signed-in person reads them. */
export const listFrameworks = (ctx: ServiceContext): Promise<FrameworkRow[]> => selectFrameworks(ctx.db);

export const getFramework = async (ctx: ServiceContext, id: string | "default"): Promise<FrameworkRow> => {
  const framework = id === "default" ? await findDefaultFramework(ctx.db) : await findFramework(ctx.db, id);
  if (!framework) throw notFound("Framework");
  return framework;
};
