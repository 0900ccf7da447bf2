export const cellForecastCsvHeader = "iso3,priogrid_gid,lat,lon,month,horizon,p_gt0";

type CsvRow = { priogridGid: number; lat: number; lon: number; month: string; horizon: number; pGt0: number };

/** One row per cell and horizon, by horizon then cell; six decimals, as in the country forecast file. */
export const cellForecastCsv = (iso3: string, forecasts: readonly CsvRow[]): string => {
  const rows = [...forecasts]
    .sort((a, b) => a.horizon - b.horizon || a.priogridGid - b.priogridGid)
    .map((f) =>
      [iso3, f.priogridGid, f.lat, f.lon, f.month, f.horizon, Math.round(f.pGt0 * 1e6) / 1e6].join(","),
    );
  return `${[cellForecastCsvHeader, ...rows].join("\n")}\n`;
};
