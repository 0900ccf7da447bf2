import { DomainError } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import { listDatasets } from "../../repositories/data/datasets.repository.ts";
import { listUsers } from "../../repositories/users.repository.ts";

/** An instance without its bundled data (and usually without administrator) was never initialised. */
export const assertInitialised = async (db: Db): Promise<void> => {
  if ((await listDatasets(db)).length > 0) return;
  const hasAdministrator = (await listUsers(db)).some((user) => user.platformAdmin);
  throw new DomainError(
    "not_initialised",
    hasAdministrator
      ? "This instance has no conflict data yet: run `continuum init` to import the bundled data."
      : "This instance has no administrator and no conflict data yet: run `continuum init` first.",
  );
};
