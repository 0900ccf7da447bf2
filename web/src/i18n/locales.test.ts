import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Tree = { [key: string]: string | Tree };

const dir = new URL("./locales/", import.meta.url);
const load = (file: string): Tree => JSON.parse(readFileSync(new URL(file, dir), "utf8")) as Tree;

/** Flattens nested strings to dotted keys; plural suffixes fold onto their base key, since languages differ in plural forms. */
const flatten = (tree: Tree, prefix = ""): Map<string, string> =>
  new Map(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string"
        ? [[`${prefix}${key}`.replace(/_(zero|one|two|few|many|other)$/, ""), value] as const]
        : [...flatten(value, `${prefix}${key}.`)],
    ),
  );
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]);

const english = flatten(load("en.json"));
const others = readdirSync(dir).filter((file) => file.endsWith(".json") && file !== "en.json");

describe("translation files", () => {
  it("ship French complete, as the proof that a language is only a file", () => {
    const french = flatten(load("fr.json"));
    expect([...english.keys()].filter((key) => !french.has(key))).toEqual([]);
  });

  it("ar.json calls an alert تنبيه on every page, keeping إنذار for early warning itself", () => {
    const arabic = [...flatten(load("ar.json"))];
    expect(arabic.filter(([, text]) => text.includes("إنذار")).map(([key]) => key)).toEqual([
      "app.tagline",
      "measures.intro",
    ]);
  });

  for (const file of others) {
    it(`${file} names itself and its direction, and uses only English keys with the same placeholders`, () => {
      const strings = flatten(load(file));
      expect(strings.get("$meta.name")).toBeTruthy();
      expect(["ltr", "rtl"]).toContain(strings.get("$meta.dir"));
      for (const [key, value] of strings) {
        const source = english.get(key);
        expect(source, `${file}: ${key} is not an English key`).toBeDefined();
        if (key.startsWith("$meta.")) continue;
        for (const name of placeholders(value))
          expect(placeholders(source ?? ""), `${file}: ${key}`).toContain(name);
      }
    });
  }
});
