import type { Db } from "../../db/types.ts";

export type NoteRow = { id: string; author: string; body: string; createdAt: Date };
export type ReplyRow = {
  id: string;
  reportId: string;
  body: string;
  channel: "receipt" | "sms";
  delivery: "shown" | "queued" | "sent";
  createdAt: Date;
};

export const insertNote = async (
  db: Db,
  note: { reportId: string; authorId: string | null; author: string; body: string; at: Date },
): Promise<NoteRow> =>
  db
    .insertInto("voices_notes")
    .values({
      report_id: note.reportId,
      author_id: note.authorId,
      author: note.author,
      body: note.body,
      created_at: note.at,
    })
    .returning(["id", "author", "body", "created_at as createdAt"])
    .executeTakeFirstOrThrow();

export const listNotes = (db: Db, reportId: string): Promise<NoteRow[]> =>
  db
    .selectFrom("voices_notes")
    .select(["id", "author", "body", "created_at as createdAt"])
    .where("report_id", "=", reportId)
    .orderBy("created_at")
    .execute();

const replyColumns = [
  "id",
  "report_id as reportId",
  "body",
  "channel",
  "delivery",
  "created_at as createdAt",
] as const;
type RawReply = Omit<ReplyRow, "channel" | "delivery"> & { channel: string; delivery: string };
const typedReply = (row: RawReply): ReplyRow => ({
  ...row,
  channel: row.channel as ReplyRow["channel"],
  delivery: row.delivery as ReplyRow["delivery"],
});

export const insertReply = async (
  db: Db,
  reply: {
    reportId: string;
    body: string;
    channel: ReplyRow["channel"];
    delivery: ReplyRow["delivery"];
    authorId: string;
    at: Date;
  },
): Promise<ReplyRow> =>
  typedReply(
    await db
      .insertInto("voices_replies")
      .values({
        report_id: reply.reportId,
        body: reply.body,
        channel: reply.channel,
        delivery: reply.delivery,
        author_id: reply.authorId,
        created_at: reply.at,
      })
      .returning(replyColumns)
      .executeTakeFirstOrThrow(),
  );

export const listReplies = async (db: Db, reportId: string): Promise<ReplyRow[]> =>
  (
    await db
      .selectFrom("voices_replies")
      .select(replyColumns)
      .where("report_id", "=", reportId)
      .orderBy("created_at")
      .execute()
  ).map(typedReply);

export const queuedSmsReplies = async (db: Db, limit: number): Promise<ReplyRow[]> =>
  (
    await db
      .selectFrom("voices_replies")
      .select(replyColumns)
      .where("delivery", "=", "queued")
      .orderBy("created_at")
      .limit(limit)
      .execute()
  ).map(typedReply);

export const markReplySent = async (db: Db, id: string, at: Date): Promise<boolean> => {
  const result = await db
    .updateTable("voices_replies")
    .set({ delivery: "sent", sent_at: at })
    .where("id", "=", id)
    .where("delivery", "=", "queued")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

export const replyExists = async (db: Db, id: string): Promise<boolean> =>
  (await db.selectFrom("voices_replies").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
