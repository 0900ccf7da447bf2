/**
 * XGBoost through koffi FFI on Debian's libxgboost (1.7.4). The only module that loads the native library,
 * so a machine without it fails here with one clear message instead of deep inside a service.
 */
import { createRequire } from "node:module";

// koffi ships CommonJS with a types file; createRequire keeps this file runnable by plain Node type stripping.
const require = createRequire(import.meta.url);
const koffi = require("koffi") as typeof import("koffi");

const defaultLibraryPath = "/usr/lib/x86_64-linux-gnu/libxgboost.so.0";

/** Booster parameters as XGBoost names them (`objective`, `max_depth`, `eta`, …); values are stringified. */
export type XgbParams = Readonly<Record<string, string | number>>;

export type XgbModel = { readonly handle: unknown; readonly nCols: number; freed: boolean };

type Native = {
  lastError: () => string;
  dmatrixFromMat: (
    data: Float32Array,
    nRows: number,
    nCols: number,
    missing: number,
    out: unknown[],
  ) => number;
  dmatrixSetFloatInfo: (handle: unknown, field: string, values: Float32Array, len: number) => number;
  dmatrixFree: (handle: unknown) => number;
  boosterCreate: (dmats: unknown[], len: number, out: unknown[]) => number;
  boosterFree: (handle: unknown) => number;
  boosterSetParam: (handle: unknown, name: string, value: string) => number;
  boosterUpdateOneIter: (handle: unknown, iter: number, dtrain: unknown) => number;
  boosterPredict: (
    handle: unknown,
    dmat: unknown,
    optionMask: number,
    ntreeLimit: number,
    training: number,
    outLen: unknown[],
    outResult: unknown[],
  ) => number;
};

let native: Native | null = null;

/** Loads the library once per process; later calls reuse the bound functions. */
const load = (path = defaultLibraryPath): Native => {
  if (native) return native;
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load(path);
  } catch (cause) {
    throw new Error(`libxgboost not found at ${path}: apt-get install libxgboost0`, { cause });
  }
  koffi.opaque("XgbHandle");
  const h = "XgbHandle*";
  native = {
    lastError: lib.func("const char* XGBGetLastError()"),
    dmatrixFromMat: lib.func(
      `int XGDMatrixCreateFromMat(const float* data, uint64_t nrow, uint64_t ncol, float missing, _Out_ ${h}* out)`,
    ),
    dmatrixSetFloatInfo: lib.func(
      `int XGDMatrixSetFloatInfo(${h} handle, const char* field, const float* array, uint64_t len)`,
    ),
    dmatrixFree: lib.func(`int XGDMatrixFree(${h} handle)`),
    boosterCreate: lib.func(`int XGBoosterCreate(${h}* dmats, uint64_t len, _Out_ ${h}* out)`),
    boosterFree: lib.func(`int XGBoosterFree(${h} handle)`),
    boosterSetParam: lib.func(`int XGBoosterSetParam(${h} handle, const char* name, const char* value)`),
    boosterUpdateOneIter: lib.func(`int XGBoosterUpdateOneIter(${h} handle, int iter, ${h} dtrain)`),
    boosterPredict: lib.func(
      `int XGBoosterPredict(${h} handle, ${h} dmat, int option_mask, unsigned int ntree_limit, int training, _Out_ uint64_t* out_len, _Out_ void** out_result)`,
    ),
  };
  return native;
};

const check = (lib: Native, rc: number, what: string): void => {
  if (rc !== 0) throw new Error(`XGBoost ${what} failed: ${lib.lastError()}`);
};

/** Missing values (NaN) are passed through: XGBoost learns a default direction for them at each split. */
const withDMatrix = <T>(lib: Native, features: Float32Array, nCols: number, use: (dmat: unknown) => T): T => {
  if (nCols <= 0 || features.length % nCols !== 0) {
    throw new Error(`feature array of length ${features.length} is not a multiple of ${nCols} columns`);
  }
  const out: unknown[] = [null];
  check(lib, lib.dmatrixFromMat(features, features.length / nCols, nCols, Number.NaN, out), "DMatrix");
  const dmat = out[0];
  try {
    return use(dmat);
  } finally {
    lib.dmatrixFree(dmat);
  }
};

type TrainInput = {
  features: Float32Array;
  nRows: number;
  nCols: number;
  labels: Float32Array;
  /** Optional per-row weights. */
  weights?: Float32Array;
  params: XgbParams;
  rounds: number;
};

/** Trains a booster; the caller owns the result and must `free` it. */
export const train = (input: TrainInput): XgbModel => {
  const lib = load();
  const { features, nRows, nCols, labels, params, rounds } = input;
  if (features.length !== nRows * nCols) throw new Error(`expected ${nRows * nCols} feature values`);
  if (labels.length !== nRows) throw new Error(`expected ${nRows} labels, got ${labels.length}`);
  return withDMatrix(lib, features, nCols, (dmat) => {
    check(lib, lib.dmatrixSetFloatInfo(dmat, "label", labels, nRows), "set label");
    if (input.weights)
      check(lib, lib.dmatrixSetFloatInfo(dmat, "weight", input.weights, nRows), "set weight");
    const out: unknown[] = [null];
    check(lib, lib.boosterCreate([dmat], 1, out), "BoosterCreate");
    const model: XgbModel = { handle: out[0], nCols, freed: false };
    try {
      for (const [name, value] of Object.entries(params)) {
        check(lib, lib.boosterSetParam(model.handle, name, String(value)), `SetParam ${name}`);
      }
      for (let iter = 0; iter < rounds; iter++) {
        check(lib, lib.boosterUpdateOneIter(model.handle, iter, dmat), "UpdateOneIter");
      }
    } catch (error) {
      free(model);
      throw error;
    }
    return model;
  });
};

// XGBoosterPredict option_mask bits (c_api.h).
const predictMask = { value: 0, contributions: 4 } as const;

const runPredict = (model: XgbModel, features: Float32Array, mask: number): Float32Array => {
  if (model.freed) throw new Error("XGBoost model was already freed");
  const lib = load();
  return withDMatrix(lib, features, model.nCols, (dmat) => {
    const outLen: unknown[] = [0];
    const outResult: unknown[] = [null];
    check(lib, lib.boosterPredict(model.handle, dmat, mask, 0, 0, outLen, outResult), "Predict");
    const length = Number(outLen[0]);
    // The result buffer belongs to the booster and is reused by the next call: copy it out now.
    return Float32Array.from(koffi.decode(outResult[0], "float", length) as number[]);
  });
};

/** Predictions on the response scale (probabilities for binary:logistic, counts for count:poisson). */
export const predict = (model: XgbModel, features: Float32Array): Float32Array =>
  runPredict(model, features, predictMask.value);

/**
 * SHAP contributions on the margin scale: row-major nRows × (nCols + 1), the last column being the bias.
 * Each row sums to the untransformed prediction (log-odds for logistic, log-mean for poisson).
 */
export const predictContributions = (model: XgbModel, features: Float32Array): Float32Array =>
  runPredict(model, features, predictMask.contributions);

/** Releases the native booster; safe to call twice. */
export const free = (model: XgbModel): void => {
  if (model.freed) return;
  load().boosterFree(model.handle);
  model.freed = true;
};
