import { addMonths } from "../../src/core/shared/months.ts";
import type { PanelRow, WarningPanel } from "../../src/core/warning/panel.ts";

/** A small deterministic panel: countries switch between calm and conflict spells, with clustered neighbours. */
export const syntheticPanel = (countries = 24, months = 120, start = "2005-01"): WarningPanel => {
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const rows: PanelRow[] = [];
  for (let c = 0; c < countries; c++) {
    let atWar = c % 4 === 0;
    for (let m = 0; m < months; m++) {
      if (random() < (atWar ? 0.05 : 0.01)) atWar = !atWar;
      const sb = atWar ? Math.floor(random() * 80) * (random() < 0.8 ? 1 : 0) : random() < 0.03 ? 1 : 0;
      rows.push({ gwcode: 100 + c, iso3: `C${String(c).padStart(2, "0")}`, month: addMonths(start, m), sb });
    }
  }
  const capitals = Array.from({ length: countries }, (_, c) => ({
    gwcode: 100 + c,
    lat: (c % 6) * 4,
    lon: c * 3,
  }));
  const countryYear = Array.from({ length: countries * 12 }, (_, i) => ({
    gwcode: 100 + (i % countries),
    year: 2003 + Math.floor(i / countries),
    values: { population: 1000 + i, gdppc: 500 + (i % 7) * 100 },
  }));
  return { rows, capitals, countryYear };
};
