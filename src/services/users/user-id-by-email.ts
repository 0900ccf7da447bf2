import { notFound } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import { findUserByEmail } from "../../repositories/users.repository.ts";

/** The person an e-mail address names (as typed on the command line, in any case); not found otherwise. */
export const userIdByEmail = async (db: Db, email: string): Promise<string> => {
  const user = await findUserByEmail(db, email);
  if (!user) throw notFound(`User ${email}`);
  return user.id;
};
