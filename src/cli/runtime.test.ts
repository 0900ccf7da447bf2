import { describe, expect, it } from "vitest";
import { configOf } from "./runtime.ts";

describe("configOf", () => {
  it("derives Secure cookies and the public address from the command line's host and port", () => {
    const config = configOf({ dataDir: "data" }, { host: "0.0.0.0", port: 4000 });
    expect(config).toMatchObject({ host: "0.0.0.0", port: 4000, secureCookies: true });
    expect(config.publicUrl).toBe("http://localhost:4000/");
  });

  it("keeps cookies without Secure on loopback", () => {
    expect(configOf({ dataDir: "data" }, { host: "127.0.0.1" }).secureCookies).toBe(false);
  });
});
