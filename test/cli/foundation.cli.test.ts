import { existsSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliOn, runCli } from "../support/cli.ts";
import { tempDir } from "../support/temp-dir.ts";

/** The CLI on its own embedded data directory (the PostgreSQL run points DATABASE_URL at the test template). */
const dataDir = tempDir("cli");
const cli = cliOn(dataDir);

describe("continuum CLI", () => {
  it("prints help for every command and exits 0", () => {
    for (const command of [
      [],
      ["serve"],
      ["migrate"],
      ["org"],
      ["org", "add"],
      ["user", "add"],
      ["user", "set-role"],
      ["token", "create"],
    ]) {
      const result = cli(...command, "--help");
      expect(result.status, command.join(" ")).toBe(0);
      expect(result.stdout).toMatch(/Usage: continuum/);
    }
  });

  it("migrates, then says to initialise before acting on an instance without administrator (exit 6)", () => {
    expect(cli("migrate").stdout).toMatch(/Applied: 0001_foundation/);
    const result = cli("org", "list");
    expect(result.status).toBe(6);
    expect(result.stderr).toMatch(/no administrator/);
  });

  it("does not create a mistyped data directory (exit 6, naming it)", () => {
    const typo = join(dataDir, "no-such-dir");
    const result = cliOn(typo)("org", "list");
    expect([result.status, existsSync(typo)]).toEqual([6, false]);
    expect(result.stderr).toContain(`There is no data directory ${typo}`);
  });

  it("exits 2 on invalid usage and names the problem", () => {
    const result = cli("org", "add", "only-slug");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/required option .--kind/);
  });

  it("refuses a port that is taken or out of range before any start-up work", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen({ port: 0, host: "127.0.0.1" }, resolve));
    const { port } = taken.address() as AddressInfo;
    const fresh = join(dataDir, "never-started");
    const inUse = runCli(["--data-dir", fresh, "serve", "--port", String(port)], { DATABASE_URL: "" });
    taken.close();
    expect([inUse.status, inUse.stderr.trim()]).toEqual([
      2,
      `continuum: Cannot listen on 127.0.0.1:${port}: another process uses it. Choose another with --port or CONTINUUM_PORT.\n  --port: in use`,
    ]);
    expect(existsSync(fresh)).toBe(false);
    const outOfRange = cli("serve", "--port", "99999");
    expect([outOfRange.status, outOfRange.stderr]).toEqual([
      2,
      expect.stringMatching(/--port must be at most 65535/),
    ]);
  });

  it("initialises once, printing the configured administrator", () => {
    const env = {
      CONTINUUM_ADMIN_EMAIL: "Chief@Example.org",
      CONTINUUM_ADMIN_PASSWORD: "a long admin passphrase",
    };
    const first = runCli(["--data-dir", dataDir, "init"], { ...env, DATABASE_URL: "" });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/chief@example\.org/);
    expect(cli("init").stdout).toMatch(/already initialised/);
  });

  it("manages organisations, people, roles and tokens, with JSON output for scripts", () => {
    expect(cli("org", "add", "au", "African Union", "--kind", "regional_organisation").status).toBe(0);
    const orgs = JSON.parse(cli("--json", "org", "list").stdout) as { slug: string }[];
    expect(orgs.map((o) => o.slug).sort()).toEqual(["au", "continuum"]);
    expect(cli("org", "add", "au", "Duplicate", "--kind", "donor").status).toBe(5);
    expect(cli("org", "add", "bad", "Bad kind", "--kind", "army").status).toBe(2);
    // With --json a failure comes in the API's error shape.
    const refused = cli("--json", "org", "add", "au", "Again", "--kind", "donor");
    expect(refused.status).toBe(5);
    expect(JSON.parse(refused.stderr)).toMatchObject({
      error: { code: "conflict", details: expect.any(Array) },
    });

    const added = cli(
      "user",
      "add",
      "desk@example.org",
      "--org",
      "au",
      "--role",
      "desk_officer",
      "--name",
      "Desk Officer",
    );
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/Generated password \(shown once\): \S{12,}/);
    expect(cli("user", "add", "x@example.org", "--org", "nowhere", "--role", "viewer").status).toBe(3);

    expect(
      cli(
        "user",
        "set-role",
        "desk@example.org",
        "--org",
        "au",
        "--role",
        "analyst",
        "--clearance",
        "confidential",
      ).status,
    ).toBe(0);
    const people = JSON.parse(cli("--json", "user", "list", "--org", "au").stdout) as {
      email: string;
      memberships: { role: string; clearance: string }[];
    }[];
    expect(people).toEqual([
      expect.objectContaining({
        email: "desk@example.org",
        // The generated password is the operator's, passed on: the person chooses their own at first sign-in.
        mustChangePassword: true,
        memberships: [expect.objectContaining({ role: "analyst", clearance: "confidential" })],
      }),
    ]);

    const token = JSON.parse(cli("--json", "--as", "desk@example.org", "token", "create", "etl").stdout) as {
      token: string;
    };
    expect(token.token).toMatch(/^ctk_/);

    // A lost password is not the end of the instance: the operator sets a new one and names a second platform administrator.
    const reset = JSON.parse(cli("--json", "user", "reset-password", "desk@example.org").stdout) as {
      password: string;
    };
    expect(reset.password).toMatch(/^\S{12,}$/);
    expect(cli("user", "reset-password", "desk@example.org", "--password", "deskdesk").status).toBe(2);
    expect(cli("--as", "desk@example.org", "user", "reset-password", "chief@example.org").status).toBe(4);
    expect(cli("user", "platform-admin", "desk@example.org").stdout).toMatch(/now a platform administrator/);
    expect(
      cli("--as", "desk@example.org", "user", "platform-admin", "desk@example.org", "--off").status,
    ).toBe(0);
    const last = cli("user", "platform-admin", "chief@example.org", "--off");
    expect(last.status).toBe(5);
    expect(last.stderr).toMatch(/no platform administrator left/);
  }, 180_000); // a dozen CLI processes, each opening the database

  it("names the option, its allowed values or the file at fault when input is wrong (exit 2)", () => {
    const role = cli("user", "add", "x@example.org", "--org", "au", "--role", "boss");
    expect([role.status, role.stderr]).toEqual([
      2,
      expect.stringMatching(/Allowed choices are administrator/),
    ]);
    const days = cli("token", "create", "etl", "--expires-days", "abc");
    expect([days.status, days.stderr]).toEqual([
      2,
      expect.stringMatching(/--expires-days must be a whole number/),
    ]);
    expect(cli("token", "create", "etl", "--expires-days", "0").stderr).toMatch(/^ {2}--expires-days: /m);
    const id = cli("alerts", "show", "not-an-id");
    expect([id.status, id.stderr]).toEqual([2, expect.stringMatching(/"not-an-id" is not an id/)]);
    const out = cli("audit", "export", "--out", join(dataDir, "missing", "log.jsonl"));
    expect([out.status, out.stderr]).toEqual([
      2,
      expect.stringMatching(/Cannot write --out .*does not exist/),
    ]);
    // /proc takes no new files, whatever the permissions say: refused before any work, the message says why.
    const proc = cli("audit", "export", "--out", "/proc/continuum-audit.jsonl");
    expect([proc.status, proc.stderr]).toEqual([
      2,
      expect.stringMatching(
        /Cannot write --out .*(does not take new files|system refused|permission denied)/,
      ),
    ]);
    expect(cli("audit", "export", "--out", join(dataDir, "audit.csv")).stderr).toMatch(
      /JSON Lines; name the file \.jsonl/,
    );
    expect(cli("audit", "list", "--since", "2026-03-01", "--until", "2026-01-01").stderr).toMatch(
      /--until: must not be before since/,
    );
    expect(cli("audit", "list", "--since", "2020-01-01").status).toBe(0);
    expect(cli("audit", "list", "--since", "yesterday").stderr).toMatch(/--since: a day \(YYYY-MM-DD\)/);
  });

  it("records CLI writes in the audit log, marked as coming from the CLI", () => {
    const result = cli("--json", "audit", "list", "--limit", "50");
    expect(result.status).toBe(0);
    const entries = JSON.parse(result.stdout) as { via: string; action: string; actor: string }[];
    expect(entries.filter((e) => e.via === "cli").map((e) => e.action)).toEqual(
      expect.arrayContaining(["organisation.create", "user.create", "member.set_role", "token.create"]),
    );
    expect(entries.find((e) => e.action === "token.create")?.actor).toMatch(/^desk@example\.org \(cli: /);
  });
});
