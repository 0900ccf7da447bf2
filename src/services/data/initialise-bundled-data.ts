import { join } from "node:path";
import type { ImportKind, IndicatorOptions } from "../../core/data/import/index.ts";
import { buildRegistry, type RegistryData } from "../../core/data/registry.ts";
import {
  BUNDLED_DATA_DIR,
  type CatalogueEntry,
  readBundledCatalogue,
} from "../../repositories/data/bundled-catalogue.ts";
import { fileSize, readCsvTable } from "../../repositories/data/data-files.ts";
import { listDatasets, upsertDataset } from "../../repositories/data/datasets.repository.ts";
import { replaceRegistry } from "../../repositories/data/registry.repository.ts";
import { inTransaction } from "../shared/context.ts";
import { auditData, type DataContext } from "./data-context.ts";
import { importDataset } from "./import-dataset.ts";
import type { ImportReport } from "./import-report.ts";

/** The poldat static-world columns imported on first start, with their units. */
const POLDAT_INDICATORS: Record<string, { name: string; unit: string }> = {
  population: { name: "Population", unit: "millions" },
  rgdp: { name: "Real GDP", unit: "million 2017 USD (PPP)" },
  gdppc: { name: "GDP per capita", unit: "2017 USD (PPP)" },
  gdp_grwt: { name: "GDP growth", unit: "log difference" },
  pop_grwt: { name: "Population growth", unit: "log difference" },
  v2x_polyarchy: { name: "V-Dem electoral democracy index", unit: "0–1" },
  v2x_libdem: { name: "V-Dem liberal democracy index", unit: "0–1" },
  v2x_corr: { name: "V-Dem political corruption index", unit: "0–1" },
  e_wbgi_gee: { name: "WGI government effectiveness", unit: "z-score" },
  wdi_imr: { name: "Infant mortality rate (WDI)", unit: "per 1,000 live births" },
  wdi_gini: { name: "Gini index (WDI)", unit: "0–100" },
  wdi_undernourishment: { name: "Prevalence of undernourishment (WDI)", unit: "% of population" },
  youth: { name: "Youth population (WCDE)", unit: "thousands" },
  tdr: { name: "Total dependency ratio (WCDE)", unit: "ratio" },
  best: { name: "Battle-related deaths (UCDP/PRIO, best)", unit: "deaths" },
};

type Step = {
  id: string;
  kind: ImportKind;
  file: string;
  indicators?: IndicatorOptions;
};

const STEPS: Step[] = [
  { id: "views-cm", kind: "views-cm", file: "views/views_ged_sb_cm_1990_2019.csv" },
  { id: "ucdp-ged", kind: "ged", file: "ucdp_ged_events/ged_events_4countries_1989_2019.csv.gz" },
  { id: "ucdp-acd", kind: "acd", file: "ucdp_conflict/ucdp_prio_acd_v25_1_1946_2019.csv" },
  {
    id: "ucdp-peace-agreements",
    kind: "peace-agreements",
    file: "ucdp_conflict/ucdp_peace_agreements_v22_1_1975_2019.csv",
  },
  {
    id: "poldat-static-world",
    kind: "indicators",
    file: "country_year/poldat_static_world_gw_year_1946_2019.csv.gz",
    indicators: { columns: Object.keys(POLDAT_INDICATORS), metadata: POLDAT_INDICATORS },
  },
  {
    id: "gwcode-democracy",
    kind: "indicators",
    file: "country_year/peacesciencer_gwcode_democracy_1816_2019.csv",
    indicators: {
      metadata: {
        v2x_polyarchy: { name: "V-Dem electoral democracy index", unit: "0–1" },
        polity2: { name: "Polity2 score", unit: "−10 to 10" },
        xm_qudsest: { name: "Extended Unified Democracy Score", unit: "latent scale" },
      },
    },
  },
  {
    id: "gw-sdp-gdp",
    kind: "indicators",
    file: "country_year/peacesciencer_gw_sdp_gdp_1800_2015.csv",
    indicators: {
      metadata: {
        wbgdp2011est: { name: "GDP (2011 USD), estimate", unit: "natural log" },
        wbpopest: { name: "Population, estimate", unit: "natural log" },
        sdpest: { name: "Surplus domestic product, estimate", unit: "natural log" },
        wbgdppc2011est: { name: "GDP per capita (2011 USD), estimate", unit: "natural log" },
      },
    },
  },
  {
    id: "wdi-population",
    kind: "indicators",
    file: "wdi/wdi_sp_pop_totl_1960_2019.csv",
    indicators: { metadata: { population: { name: "Population, total (SP.POP.TOTL)", unit: "persons" } } },
  },
  {
    id: "wdi-homicide",
    kind: "indicators",
    file: "wdi/wdi_vc_ihr_psrc_p5_homicide_rate_1990_2019.csv",
    indicators: {
      metadata: {
        "VC.IHR.PSRC.P5": {
          name: "Intentional homicides, SDG 16.1.1",
          unit: "per 100,000 people",
        },
      },
    },
  },
];

const REGISTRY_FILES = ["registry/gw_states.csv", "registry/gw_capitals.csv", "registry/country_codes.csv"];

export type InitialiseResult = {
  status: "initialised" | "already_initialised";
  reports: ImportReport[];
  durationMs: number;
};

type InitialiseOptions = {
  /** Progress in bytes of the bundled files read so far, with the dataset being imported. */
  onProgress?: (done: number, total: number, label: string) => void;
};

type RegistrySources = {
  gw: CatalogueEntry;
  iso: CatalogueEntry;
  states: { sha256: string };
  capitals: { sha256: string };
  codes: { sha256: string };
};

/** The country registry and its two catalogue entries, in one transaction. */
const storeRegistry = (
  ctx: DataContext,
  registry: RegistryData,
  { gw, iso, states, capitals, codes }: RegistrySources,
): Promise<void> =>
  inTransaction(ctx.handle, async ({ db: trx }) => {
    for (const [meta, rows, sha] of [
      [gw, registry.crosswalk.length, `${states.sha256}+${capitals.sha256}`],
      [iso, registry.countries.length, codes.sha256],
    ] as const) {
      await upsertDataset(trx, {
        id: meta.id,
        kind: "registry",
        title: meta.title,
        version: meta.version,
        licence: meta.licence,
        licenceUrl: meta.licenceUrl ?? null,
        citation: meta.citation,
        source: meta.source,
        fileName: meta.files.join(", "),
        fileSha256: sha,
        importedBy: ctx.actorLabel,
        rowCount: rows,
        skippedCount: 0,
        spanStart: null,
        spanEnd: null,
        coverage: null,
        ownerOrgId: null,
      });
    }
    await replaceRegistry(
      trx,
      registry,
      { datasetId: iso.id, datasetVersion: iso.version },
      { datasetId: gw.id, datasetVersion: gw.version },
    );
    await auditData(trx, ctx, {
      action: "dataset.import",
      entityId: "country-registry",
      after: { countries: registry.countries.length, crosswalk: registry.crosswalk.length },
    });
  });

/**
 * Imports the bundled data the database does not hold yet: the country registry, ViEWS cm, GED events, ACD,
 * UCDP peace agreements, and the country-year indicators (poldat static world, democracy, SDP/GDP, WDI
 * population and homicide). Each dataset is its own transaction; a failure stops and is thrown (the datasets
 * already loaded stay), and the next start imports the rest, as it does a dataset a newer release bundles.
 */
export const initialiseBundledData = async (
  ctx: DataContext,
  options: InitialiseOptions = {},
): Promise<InitialiseResult> => {
  const started = performance.now();
  const held = new Set((await listDatasets(ctx.handle.db)).map((d) => d.id));
  const withRegistry = !held.has("gw-registry") || !held.has("iso-country-codes");
  const steps = STEPS.filter((step) => !held.has(step.id));
  if (!withRegistry && steps.length === 0)
    return { status: "already_initialised", reports: [], durationMs: 0 };
  const dir = BUNDLED_DATA_DIR;
  const catalogue = new Map<string, CatalogueEntry>(readBundledCatalogue().map((entry) => [entry.id, entry]));
  const entry = (id: string): CatalogueEntry => {
    const found = catalogue.get(id);
    if (!found) throw new Error(`catalogue.json has no dataset ${id}.`);
    return found;
  };
  const sizes = new Map(
    await Promise.all(
      [...(withRegistry ? REGISTRY_FILES : []), ...steps.map((s) => s.file)].map(
        async (f) => [f, await fileSize(join(dir, f))] as const,
      ),
    ),
  );
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  let done = 0;

  // 1. The registry: countries, the GW ↔ ISO3 crosswalk, capitals (read in any case: the imports check against it).
  options.onProgress?.(done, total, "country registry");
  const [states, capitals, codes] = await Promise.all(REGISTRY_FILES.map((f) => readCsvTable(join(dir, f))));
  if (!states || !capitals || !codes) throw new Error("registry files are missing");
  const registry = buildRegistry(states, capitals, codes);
  const gw = entry("gw-registry");
  const iso = entry("iso-country-codes");
  if (withRegistry) await storeRegistry(ctx, registry, { gw, iso, states, capitals, codes });
  for (const f of withRegistry ? REGISTRY_FILES : []) done += sizes.get(f) ?? 0;

  // 2. The datasets, one transaction each.
  const reports: ImportReport[] = [];
  for (const step of steps) {
    const meta = entry(step.id);
    const offset = done;
    options.onProgress?.(done, total, meta.title);
    const report = await importDataset(ctx, {
      kind: step.kind,
      file: join(dir, step.file),
      datasetId: step.id,
      title: meta.title,
      version: meta.version,
      licence: meta.licence,
      licenceUrl: meta.licenceUrl ?? null,
      citation: meta.citation,
      source: meta.source,
      registry,
      ...(step.indicators
        ? { indicators: { ...step.indicators, source: meta.title, licence: meta.licence } }
        : {}),
      onProgress: (bytes) => options.onProgress?.(offset + bytes, total, meta.title),
    });
    if (!report.ok)
      throw new Error(
        `Bundled dataset ${step.id} was refused: ${report.message}\n${report.errors
          .slice(0, 10)
          .map((e) => `line ${e.line} ${e.column}=${e.value}: ${e.reason}`)
          .join("\n")}`,
      );
    reports.push(report);
    done = offset + (sizes.get(step.file) ?? 0);
  }
  options.onProgress?.(total, total, "done");
  return { status: "initialised", reports, durationMs: performance.now() - started };
};
