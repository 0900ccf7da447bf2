import type { Db } from "../../db/types.ts";
import { borderLinesPath } from "../../repositories/voices/country-borders.ts";
import { listCurrentCountries } from "../../repositories/voices/gazetteer.repository.ts";

/** The countries a reporter may choose on the public form. */
export const reportFormCountries = (db: Db): Promise<{ iso3: string; iso2: string | null; name: string }[]> =>
  listCurrentCountries(db);

/** The countries' borders as one SVG path, drawn under the form's clickable map. */
export const reportFormBorders = (): string => borderLinesPath();
