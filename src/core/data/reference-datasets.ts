/**
 * The datasets every shared view reads — maps, country pages, exports, alert rules, review evidence and the
 * forecast — one per series, so that two releases (or GED beside ACLED) never add up and a file imported under
 * another id changes nothing others see. Other datasets are kept and read by naming them (`dataset=`).
 */
export const referenceDatasets = { views: "views-cm", events: "ucdp-ged" } as const;

export type Series = keyof typeof referenceDatasets;

export const referenceDatasetIds: readonly string[] = Object.values(referenceDatasets);

/** The datasets a read covers: the ones named, else the reference dataset of the series (or of both). */
export const datasetsToRead = (named: readonly string[] | undefined, series?: Series): string[] =>
  named?.length ? [...named] : series ? [referenceDatasets[series]] : [...referenceDatasetIds];
