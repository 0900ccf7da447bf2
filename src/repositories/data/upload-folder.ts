import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** A private temporary folder holding one uploaded file until its import has read it. */
export type UploadFolder = {
  /** Stores the upload under the person's own file name (without any folder part), so reports name it. */
  save: (fileName: string, content: Readable) => Promise<string>;
  remove: () => Promise<void>;
};

export const createUploadFolder = async (): Promise<UploadFolder> => {
  const dir = await mkdtemp(join(tmpdir(), "continuum-upload-"));
  return {
    save: async (fileName, content) => {
      const name = fileName.replace(/^.*[\\/]/, "").replace(/[^\w.\- ()]+/g, "_");
      const file = join(dir, name || "upload.csv");
      await pipeline(content, createWriteStream(file));
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
};
