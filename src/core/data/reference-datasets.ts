/**
 * The datasets every shared view reads — maps, country pages, exports, alert rules, review evidence and the
 * forecast — one per series, so that two releases (or GED beside ACLED) never add up and a file imported under
 * another id changes nothing others see. Other datasets are kept and read by naming them (`dataset=`).
 */
export const referenceDatasets = {
  views: "views-cm",
  events: "ucdp-ged",
  conflicts: "ucdp-acd",
  agreements: "ucdp-peace-agreements",
} as const;

/** The country-month series. */
export type Series = "views" | "events";

export const referenceDatasetIds: readonly string[] = Object.values(referenceDatasets);

/** The datasets a read covers: the ones named, else the reference dataset of the kind (or both series). */
export const datasetsToRead = (
  named: readonly string[] | undefined,
  kind?: keyof typeof referenceDatasets,
): string[] =>
  named?.length
    ? [...named]
    : kind
      ? [referenceDatasets[kind]]
      : [referenceDatasets.views, referenceDatasets.events];
