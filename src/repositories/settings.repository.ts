import type { Db } from "../db/types.ts";

export const readSetting = async <T>(db: Db, key: string): Promise<T | undefined> => {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value as T | undefined;
};

export const writeSetting = async (db: Db, key: string, value: unknown): Promise<void> => {
  const json = JSON.stringify(value);
  await db
    .insertInto("settings")
    .values({ key, value: json })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: json }))
    .execute();
};
