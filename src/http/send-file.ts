import type { FastifyReply } from "fastify";
import type { TableFile } from "./presenters/tabular.presenter.ts";

/** Answers with a file the browser saves under its name instead of showing. */
export const sendFile = (reply: FastifyReply, file: TableFile) =>
  reply
    .type(file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .send(file.body);
