import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import { createGunzip } from "node:zlib";
import Papa from "papaparse";

/** A file that cannot be read as CSV (missing, truncated gzip, …); the message names the file. */
/** Where in the file, when the problem is at one place (0 and "": the file as a whole). */
type FilePlace = { line: number; column: string };

export class DataFileError extends Error {
  readonly file: string;
  /** What is wrong, without the file's name. */
  readonly reason: string;
  readonly place: FilePlace;
  constructor(file: string, reason: string, place: FilePlace = { line: 0, column: "" }) {
    super(`${file}: ${place.line > 0 ? `line ${place.line}, ${place.column}: ` : ""}${reason}.`);
    this.name = "DataFileError";
    this.file = file;
    this.reason = reason;
    this.place = place;
  }
}

export type ReadSummary = { records: number; bytes: number; sha256: string; gzip: boolean };

const isGzip = async (path: string): Promise<boolean> => {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(2);
    const { bytesRead } = await file.read(buffer, 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await file.close();
  }
};

/**
 * A streamed parse keeps a UTF-8 byte order mark in the first field, where it also hides that field's
 * quotes (`\uFEFF"Data Source"`, as the World Bank writes it).
 */
const withoutByteOrderMark = (cells: string[]): string[] => {
  const first = cells[0];
  if (!first?.startsWith("\uFEFF")) return cells;
  const bare = first.slice(1);
  cells[0] = /^"[\s\S]*"$/.test(bare) ? bare.slice(1, -1).replaceAll('""', '"') : bare;
  return cells;
};

const lineBreaks = (cell: string): number => {
  let count = 0;
  for (let at = cell.indexOf("\n"); at >= 0; at = cell.indexOf("\n", at + 1)) count += 1;
  return count;
};

/**
 * Streams a CSV file (plain, or gzip detected by its magic bytes whatever the name) through papaparse in
 * array mode. `onRecord` receives each record with the line it starts on, as an editor numbers lines (the
 * header is 1; a quoted field that spans lines pushes the next records down). Progress is in
 * bytes of the file as stored. Rejects with a DataFileError naming the file on a truncated or corrupt gzip.
 */
export const readCsvFile = async (
  path: string,
  onRecord: (cells: string[], line: number) => void,
  progress?: (doneBytes: number, totalBytes: number) => void,
): Promise<ReadSummary> => {
  const name = basename(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new DataFileError(name, "file not found or not readable");
  }
  const gzip = await isGzip(path);
  const hash = createHash("sha256");
  let read = 0;
  let records = 0;
  let line = 0;
  let nextLine = 1;
  let header: string[] = [];
  return new Promise<ReadSummary>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      raw.destroy();
      reject(error);
    };
    const raw = createReadStream(path);
    raw.on("data", (chunk) => {
      hash.update(chunk);
      read += chunk.length;
      progress?.(read, size);
    });
    raw.on("error", (error) => fail(new DataFileError(name, error.message)));
    let text: NodeJS.ReadableStream = raw;
    if (gzip) {
      const gunzip = createGunzip();
      gunzip.on("error", (error) =>
        fail(new DataFileError(name, `truncated or corrupt gzip file (${error.message})`)),
      );
      text = raw.pipe(gunzip);
    }
    (text as NodeJS.ReadableStream & { setEncoding(encoding: string): void }).setEncoding("utf8");
    Papa.parse<string[]>(text, {
      delimiter: ",",
      skipEmptyLines: true,
      chunk: (results) => {
        if (settled) return;
        try {
          for (const cells of results.data) {
            records += 1;
            line = nextLine;
            nextLine += 1 + cells.reduce((breaks, cell) => breaks + lineBreaks(cell), 0);
            if (line === 1) header = withoutByteOrderMark(cells);
            // Bytes that are not UTF-8 decode to U+FFFD: stored, they would garble names for good.
            const garbled = cells.findIndex((cell) => cell.includes("\uFFFD"));
            if (garbled >= 0) {
              const column = header[garbled] ?? `column ${garbled + 1}`;
              fail(
                new DataFileError(
                  name,
                  "not UTF-8 text (saved in another encoding, such as Latin-1, Windows-1252 or UTF-16?); save the file as UTF-8",
                  { line, column },
                ),
              );
              return;
            }
            onRecord(cells, line);
          }
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      },
      complete: () => {
        if (settled) return;
        settled = true;
        resolve({ records, bytes: read, sha256: hash.digest("hex"), gzip });
      },
      error: (error: Error) => fail(new DataFileError(name, error.message)),
    });
  });
};

/** Reads a whole (small) CSV file: the header and the rows. */
export const readCsvTable = async (
  path: string,
): Promise<{ header: string[]; rows: string[][]; sha256: string }> => {
  const rows: string[][] = [];
  const { sha256 } = await readCsvFile(path, (cells) => {
    rows.push(cells);
  });
  const [header = [], ...rest] = rows;
  return { header, rows: rest, sha256 };
};

/** Bytes of a file as stored, for progress. */
export const fileSize = async (path: string): Promise<number> => (await stat(path)).size;

/** The SHA-256 of a file as stored (compressed or not), to recognise the same file again. */
export const fileSha256 = async (path: string): Promise<string> => {
  const name = basename(path);
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    throw new DataFileError(name, "file not found or not readable");
  }
  return hash.digest("hex");
};
