import { ACD_COLUMNS } from "./acd.ts";
import { ACLED_REQUIRED_COLUMNS } from "./acled.ts";
import { GED_COLUMNS, GED_OPTIONAL_COLUMNS } from "./ged.ts";
import { HXL_EVENT_TAGS } from "./hxl.ts";
import { PEACE_AGREEMENT_FILE_COLUMNS } from "./peace-agreements.ts";
import type { ImportKind } from "./types.ts";
import { VIEWS_CM_COLUMNS } from "./views-cm.ts";

type KindColumns = {
  /** Columns (or HXL hashtags) a file of this kind must have. */
  required: readonly string[];
  optional: readonly string[];
  /** Other columns: "ignored", or "values" when every other column is read as an indicator. */
  others: "ignored" | "values";
  /** The header is the HXL hashtag row (second row) rather than the column names. */
  hxl: boolean;
};

/**
 * What each import kind reads, so a person can check a file before uploading it (the web page shows the
 * mapping it recognises). The validators remain the authority; this only describes them.
 */
export const IMPORT_KIND_COLUMNS: Record<ImportKind, KindColumns> = {
  ged: { required: GED_COLUMNS, optional: GED_OPTIONAL_COLUMNS, others: "ignored", hxl: false },
  "views-cm": {
    required: VIEWS_CM_COLUMNS,
    optional: ["ucdp_ged_ns_best_sum", "ucdp_ged_os_best_sum"],
    others: "ignored",
    hxl: false,
  },
  acd: { required: ACD_COLUMNS, optional: [], others: "ignored", hxl: false },
  "peace-agreements": {
    required: PEACE_AGREEMENT_FILE_COLUMNS,
    optional: [],
    others: "ignored",
    hxl: false,
  },
  acled: {
    required: ACLED_REQUIRED_COLUMNS,
    optional: [
      "iso",
      "iso3",
      "sub_event_type",
      // Whether a state's forces took part: with event_type, the UCDP type of violence.
      "inter1",
      "inter2",
      "actor1",
      "actor2",
      "admin1",
      "admin2",
      "geo_precision",
      "notes",
    ],
    others: "ignored",
    hxl: false,
  },
  indicators: {
    required: ["year"],
    optional: ["iso3", "gwcode", "country_name", "indicator_code", "indicator_name", "value"],
    others: "values",
    hxl: false,
  },
  hxl: {
    required: [HXL_EVENT_TAGS.country, HXL_EVENT_TAGS.date],
    optional: [
      HXL_EVENT_TAGS.adm1,
      HXL_EVENT_TAGS.killed,
      HXL_EVENT_TAGS.lat,
      HXL_EVENT_TAGS.lon,
      HXL_EVENT_TAGS.id,
      HXL_EVENT_TAGS.type,
      HXL_EVENT_TAGS.ucdpType,
    ],
    others: "ignored",
    hxl: true,
  },
};
