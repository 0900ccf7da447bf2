import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { conflict, invalid } from "../../core/shared/errors.ts";

/**
 * Envelope encryption of the identifying fields of a report (AES-256-GCM from node:crypto): each report
 * has its own random data key; the data key is stored wrapped (encrypted) by the master key. Rotating the
 * master key re-wraps data keys only. The report id is bound in as associated data, so a sealed value
 * copied onto another report does not open.
 */
type MasterKey = { id: string; key: Buffer };
export type Keyring = { current: MasterKey; previous: ReadonlyMap<string, Buffer> };
export type Sealed = { sealed: string; wrappedKey: string; keyId: string };

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key's public name: the first 16 hex digits of its SHA-256 (never the key itself). */
const keyIdOf = (key: Buffer): string => createHash("sha256").update(key).digest("hex").slice(0, 16);

const parseMasterKey = (base64: string, name = "CONTINUUM_VOICES_KEY"): MasterKey => {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32)
    throw new Error(`${name} must be the base64 of exactly 32 bytes (got ${key.length}).`);
  return { id: keyIdOf(key), key };
};

export const generateMasterKey = (): string => randomBytes(32).toString("base64");

export const makeKeyring = (current: string, previous: readonly string[] = []): Keyring => {
  const previousKeys = previous.map((k) => parseMasterKey(k, "CONTINUUM_VOICES_PREVIOUS_KEYS"));
  return { current: parseMasterKey(current), previous: new Map(previousKeys.map((k) => [k.id, k.key])) };
};

const encrypt = (key: Buffer, plain: Buffer, aad: string): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
};

const decrypt = (key: Buffer, packed: string, aad: string): Buffer => {
  const bytes = Buffer.from(packed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
};

const masterFor = (keyring: Keyring, keyId: string): Buffer => {
  if (keyId === keyring.current.id) return keyring.current.key;
  const key = keyring.previous.get(keyId);
  if (!key) {
    throw conflict(
      `This report's data key is wrapped by master key ${keyId}, which is not configured (set it in CONTINUUM_VOICES_PREVIOUS_KEYS, then run \`continuum voices rotate-key\`).`,
      [{ field: "CONTINUUM_VOICES_PREVIOUS_KEYS", message: `does not hold master key ${keyId}` }],
    );
  }
  return key;
};

export const seal = (keyring: Keyring, recordId: string, payload: unknown): Sealed => {
  const dataKey = randomBytes(32);
  try {
    return {
      sealed: encrypt(dataKey, Buffer.from(JSON.stringify(payload), "utf8"), `voices:${recordId}`),
      wrappedKey: encrypt(keyring.current.key, dataKey, `voices-key:${recordId}`),
      keyId: keyring.current.id,
    };
  } finally {
    dataKey.fill(0);
  }
};

export const unseal = <T>(keyring: Keyring, recordId: string, sealed: Sealed): T => {
  const dataKey = decrypt(masterFor(keyring, sealed.keyId), sealed.wrappedKey, `voices-key:${recordId}`);
  try {
    return JSON.parse(decrypt(dataKey, sealed.sealed, `voices:${recordId}`).toString("utf8")) as T;
  } finally {
    dataKey.fill(0);
  }
};

/** Re-wraps a data key under the current master key; the sealed payload itself is untouched. */
export const rewrap = (
  keyring: Keyring,
  recordId: string,
  wrapped: { wrappedKey: string; keyId: string },
): { wrappedKey: string; keyId: string } => {
  const dataKey = decrypt(masterFor(keyring, wrapped.keyId), wrapped.wrappedKey, `voices-key:${recordId}`);
  try {
    return {
      wrappedKey: encrypt(keyring.current.key, dataKey, `voices-key:${recordId}`),
      keyId: keyring.current.id,
    };
  } finally {
    dataKey.fill(0);
  }
};

/** The development key file: used only when CONTINUUM_VOICES_KEY is not set. */
export const DEV_KEY_FILE = "voices.key";
const DEV_PREVIOUS_KEY_FILE = "voices.previous.key";

/**
 * Reads the development key from the data directory, creating it (mode 0600) on first use. Creation is
 * atomic (write a temporary file, then link it into place), so concurrent processes agree on one key.
 */
const readOrCreateDevKey = (dataDir: string): { key: string; created: boolean; file: string } => {
  const file = join(dataDir, DEV_KEY_FILE);
  if (existsSync(file)) return { key: readFileSync(file, "utf8").trim(), created: false, file };
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, `${generateMasterKey()}\n`, { mode: 0o600 });
  let created = true;
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    created = false;
  } finally {
    unlinkSync(temporary);
  }
  return { key: readFileSync(file, "utf8").trim(), created, file };
};

export const readDevPreviousKey = (dataDir: string): string | undefined => {
  const file = join(dataDir, DEV_PREVIOUS_KEY_FILE);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
};

/** Development rotation: the old key is kept as the previous key until every data key is re-wrapped. */
export const replaceDevKey = (dataDir: string, next: string): void => {
  const file = join(dataDir, DEV_KEY_FILE);
  const previous = readFileSync(file, "utf8");
  writeFileSync(join(dataDir, DEV_PREVIOUS_KEY_FILE), previous, { mode: 0o600 });
  writeFileSync(`${file}.next`, `${next}\n`, { mode: 0o600 });
  // rename is atomic: a crash leaves the old key, or the new one with the old kept as previous.
  renameSync(`${file}.next`, file);
};

export const forgetDevPreviousKey = (dataDir: string): void => {
  const file = join(dataDir, DEV_PREVIOUS_KEY_FILE);
  if (existsSync(file)) unlinkSync(file);
};

export type KeySource = {
  keyring: Keyring;
  source: "configured" | "development";
  file?: string;
  created: boolean;
};

/**
 * The keyring of this process: CONTINUUM_VOICES_KEY (plus CONTINUUM_VOICES_PREVIOUS_KEYS) when set,
 * otherwise, on the embedded database, the development key in its data directory (created on first use). On a
 * PostgreSQL server the key must be set: the processes sharing the database share no data directory, and each
 * would seal reports with a key of its own that the others cannot open.
 */
export const loadKeyring = (config: {
  voices: { key: string | undefined; previousKeys: readonly string[] };
  dataDir: string;
  databaseUrl: string | undefined;
}): KeySource => {
  const { voices: settings, dataDir } = config;
  if (!settings.key && config.databaseUrl)
    throw invalid(
      "Set CONTINUUM_VOICES_KEY to use a PostgreSQL database: every process sharing it must seal community reports with the same key (`continuum voices generate-key` makes one; keep it apart from the database's backups). Reports sealed earlier with a development key need that key: the contents of its voices.key file.",
      [{ field: "CONTINUUM_VOICES_KEY", message: "required with DATABASE_URL" }],
    );
  if (settings.key) {
    return {
      keyring: makeKeyring(settings.key, settings.previousKeys),
      source: "configured",
      created: false,
    };
  }
  const dev = readOrCreateDevKey(dataDir);
  const previous = readDevPreviousKey(dataDir);
  return {
    keyring: makeKeyring(dev.key, [...settings.previousKeys, ...(previous ? [previous] : [])]),
    source: "development",
    file: dev.file,
    created: dev.created,
  };
};
