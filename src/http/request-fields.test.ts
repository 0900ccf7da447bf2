import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { invalid } from "../core/shared/errors.ts";
import { registerErrorHandler } from "./plugins/errors.ts";

/** A route whose service refuses the fields it is told to name, as services do: by their input's names. */
const appRefusing = (fields: string[]) => {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.post(
    "/things/:id",
    {
      schema: {
        params: z.object({ id: z.string() }),
        querystring: z.object({ to: z.string().optional() }),
        body: z.object({
          iso3: z.string(),
          note: z.string().optional(),
          body: z.string().optional(),
          place: z.object({ lat: z.number() }),
        }),
      },
    },
    () => {
      throw invalid(
        "Refused.",
        fields.map((field) => ({ field, message: "wrong" })),
      );
    },
  );
  return app;
};

const fieldsNamed = async (fields: string[]) => {
  const response = await appRefusing(fields).inject({
    method: "POST",
    url: "/things/a1?to=2019-01",
    payload: { iso3: "XXX", body: "text", place: { lat: 1 } },
  });
  return response.json().error.details.map((detail: { field: string }) => detail.field);
};

/** A form upload whose route reads its fields itself, as the data import does. */
const formFieldsNamed = async (fields: string[]) => {
  const app = Fastify();
  registerErrorHandler(app);
  app.addContentTypeParser("multipart/form-data", (_request, _payload, done) => done(null));
  app.post("/uploads", () => {
    throw invalid(
      "Refused.",
      fields.map((field) => ({ field, message: "wrong" })),
    );
  });
  const response = await app.inject({
    method: "POST",
    url: "/uploads",
    headers: { "content-type": "multipart/form-data; boundary=x" },
    payload: "--x--",
  });
  return response.json().error.details.map((detail: { field: string }) => detail.field);
};

describe("a service's fields in an API answer", () => {
  it("are named by the part of the request they came from, as request validation names them", async () => {
    expect(await fieldsNamed(["iso3", "place.lat", "to", "id"])).toEqual([
      "body.iso3",
      "body.place.lat",
      "querystring.to",
      "params.id",
    ]);
  });

  it("name a field the request left out by the part that declares it", async () => {
    expect(await fieldsNamed(["note"])).toEqual(["body.note"]);
  });

  it("name a form upload's fields as the body's", async () => {
    expect(await formFieldsNamed(["licenceUrl", "file"])).toEqual(["body.licenceUrl", "body.file"]);
  });

  it("keep the name of what is no part of the request, or already names its part", async () => {
    expect(await fieldsNamed(["line 3", "CONTINUUM_VOICES_KEY"])).toEqual(["line 3", "CONTINUUM_VOICES_KEY"]);
    expect(await fieldsNamed(["body.iso3", "querystring.to"])).toEqual(["body.iso3", "querystring.to"]);
  });

  it("tell a field called body from the part of the same name", async () => {
    expect(await fieldsNamed(["body", "body.body", "body.iso3"])).toEqual([
      "body.body",
      "body.body",
      "body.iso3",
    ]);
  });
});
