import { describe, expect, it } from "vitest";
import { hasOwnName, personLabel } from "./person-label.ts";

describe("a person's label", () => {
  it("gives the name and the e-mail", () => {
    expect(personLabel({ name: "Ana Silva", email: "ana@x.org" })).toBe("Ana Silva (ana@x.org)");
    expect(hasOwnName({ name: "Ana Silva", email: "ana@x.org" })).toBe(true);
  });

  it("gives the e-mail once for a person named by it", () => {
    expect(personLabel({ name: "ana@x.org", email: "ana@x.org" })).toBe("ana@x.org");
    expect(personLabel({ name: "Ana@X.org", email: "ana@x.org" })).toBe("ana@x.org");
    expect(hasOwnName({ name: "ana@x.org", email: "ana@x.org" })).toBe(false);
  });
});
