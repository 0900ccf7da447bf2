import type { TCategory } from "../../core/voices/report.schemas.ts";
import type { Db } from "../../db/types.ts";
import { listCategories as readCategories } from "../../repositories/voices/forms.repository.ts";

/** Report categories with the atrocity-crimes risk factors (1–14) each informs. Public: the form lists them. */
export const listCategories = (db: Db): Promise<TCategory[]> => readCategories(db);
