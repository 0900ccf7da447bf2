import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerErrorHandler } from "./errors.ts";

const appThrowing = (error: Error) => {
  const app = Fastify();
  registerErrorHandler(app);
  app.get("/fails", () => {
    throw error;
  });
  return app;
};

describe("error handler", () => {
  it("answers 503 while the database server does not answer, 500 for other faults", async () => {
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const unavailable = await appThrowing(down).inject({ method: "GET", url: "/fails" });
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.json().error.code).toBe("unavailable");
    const broken = await appThrowing(new Error("a bug")).inject({ method: "GET", url: "/fails" });
    expect(broken.statusCode).toBe(500);
    expect(broken.json().error).toMatchObject({
      code: "internal",
      message: "Something went wrong on the server.",
    });
  });
});
