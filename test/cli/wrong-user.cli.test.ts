import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { createCliDataDir } from "../support/cli-data-dir.ts";
import { tempDir } from "../support/temp-dir.ts";

/**
 * `--as EMAIL` lets a script act as a named person, so every state-changing command must refuse that person
 * what the policies refuse them, as the API does: a viewer, an analyst, an organisation administrator (not a
 * platform administrator), another organisation's administrator, the platform operator on another
 * organisation's records, a person whose membership ended. Each refusal is a valid invocation (exit 4, or 3
 * where another organisation's record is hidden, never the usage error 2); afterwards nothing has changed,
 * and the same invocations succeed for the right person.
 */
const dir = tempDir("wrong-user");
const dataDir = join(dir, "db");

const people = {
  viewer: "viewer@alpha.example.org",
  analyst: "analyst@alpha.example.org",
  alphaAdmin: "admin@alpha.example.org",
  betaAdmin: "admin@beta.example.org",
  former: "former@alpha.example.org",
  stranger: "nobody@example.org",
} as const;
/** `operator` runs without --as: the first platform administrator, a member of the host organisation only. */
type Person = keyof typeof people | "operator";

/** Ids and files known once the setup ran; a command's `@name` argument stands for one of them. */
const refs = new Map<string, string>();
const resolve = (arg: string): string => {
  if (!arg.startsWith("@")) return arg;
  const value = refs.get(arg.slice(1));
  if (value === undefined) throw new Error(`no record ${arg} was set up`);
  return value;
};

const cli = (as: Person, ...args: string[]) =>
  runCli(["--data-dir", dataDir, ...(as === "operator" ? [] : ["--as", people[as]]), ...args.map(resolve)], {
    DATABASE_URL: "",
    CONTINUUM_VOICES_KEY: "",
  });
const json = <T>(as: Person, ...args: string[]): T => {
  const result = cli(as, "--json", ...args);
  if (result.status !== 0) throw new Error(`${as}: ${args.join(" ")}: ${result.status} ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
};
const idOf = (as: Person, ...args: string[]) => json<{ id: string }>(as, ...args).id;
const must = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`the setup found no ${what}`);
  return value;
};

const password = "a long test passphrase";
const surveySheet = "data/bundled/voices/kobo_reach_irq_water_survey_xlsform_survey.csv";
const choicesSheet = "data/bundled/voices/kobo_reach_irq_water_survey_xlsform_choices.csv";

/** Every invocation the table runs, each valid for the right person (the positive controls below prove it). */
const commands = {
  "org add": ["org", "add", "gamma", "Gamma Network", "--kind", "civil_society"],
  "user add": ["user", "add", "new@alpha.example.org", "--org", "alpha", "--role", "viewer"],
  "user set-role": ["user", "set-role", people.viewer, "--org", "alpha", "--role", "administrator"],
  "user remove": ["user", "remove", people.analyst, "--org", "alpha"],
  "user platform-admin": ["user", "platform-admin", people.alphaAdmin],
  "user unlock": ["user", "unlock", people.analyst],
  "token create": ["token", "create", "nightly-import"],
  "audit list": ["audit", "list"],
  "audit export": ["audit", "export", "--out", "@auditExport"],
  "import views-cm (shared dataset)": ["import", "views-cm", "@viewsFile"],
  "import views-cm (alpha's dataset)": ["import", "views-cm", "@viewsFile", "--dataset-id", "alpha-views"],
  "alerts raise": [
    "alerts",
    "raise",
    "--iso3",
    "CAF",
    "--severity",
    "low",
    "--summary",
    "Roadblock on the N2",
  ],
  "alerts evaluate": ["alerts", "evaluate"],
  "alerts acknowledge": ["alerts", "acknowledge", "@newAlert", "--note", "seen"],
  "alerts assess": ["alerts", "assess", "@newAlert", "--assessment", "Clashes are spreading north"],
  "alerts decide": [
    "alerts",
    "decide",
    "@assessedAlert",
    "--option",
    "Send an envoy",
    "--decision",
    "Send an envoy",
    "--rationale",
    "Fastest route to the parties",
  ],
  "alerts act": ["alerts", "act", "@decidedAlert", "--note", "Envoy travelling"],
  "alerts close": ["alerts", "close", "@decidedAlert", "--outcome", "Calm returned"],
  "alerts rules add": ["alerts", "rules", "add", "@ruleFile"],
  "alerts rules update": ["alerts", "rules", "update", "@rule", "@ruleUpdateFile"],
  "alerts rules remove": ["alerts", "rules", "remove", "@rule"],
  "alerts desks set": ["alerts", "desks", "set", "CAF", "--org", "beta"],
  "frameworks add": ["frameworks", "add", "@frameworkFile"],
  "frameworks update": ["frameworks", "update", "@framework", "@frameworkUpdateFile"],
  "reviews create": ["reviews", "create", "--iso3", "MLI", "--title", "Mali review"],
  "reviews assess": ["reviews", "assess", "@draftReview", "1", "--level", "high", "--confidence", "medium"],
  "reviews findings": ["reviews", "findings", "@draftReview", "--text", "Violence is moving east."],
  "reviews recommend": [
    "reviews",
    "recommend",
    "@draftReview",
    "--body",
    "Open a humanitarian corridor",
    "--to",
    "Government",
    "--from",
    "Mission",
  ],
  "reviews respond": ["reviews", "respond", "@recommendation", "--response", "supported"],
  "reviews follow-up": ["reviews", "follow-up", "@recommendation", "--implementation", "partial"],
  "reviews status (submit)": ["reviews", "status", "@draftReview", "--to", "in_review"],
  "reviews status (adopt)": ["reviews", "status", "@inReviewReview", "--to", "adopted"],
  "reviews cycles create": ["reviews", "cycles", "create", "--name", "Cycle 2", "--starts", "2031-01-01"],
  "reviews cycles schedule --bring-forward": ["reviews", "cycles", "schedule", "@cycle", "--bring-forward"],
  "scenarios add": [
    "scenarios",
    "add",
    "--iso3",
    "CAF",
    "--title",
    "Post-election unrest",
    "--likelihood",
    "possible",
    "--impact",
    "major",
  ],
  "scenarios share": ["scenarios", "share", "@scenario", "--org", "beta"],
  "scenarios share --plan": ["scenarios", "share", "@plan", "--plan", "--org", "beta"],
  "scenarios plans add": ["scenarios", "plans", "add", "--iso3", "CAF", "--title", "Evacuation plan"],
  "voices triage": ["voices", "triage", "@report", "--status", "verified", "--note", "seen twice"],
  "voices reply": ["voices", "reply", "@report", "Thank you, we are looking into it."],
  "voices reveal": ["voices", "reveal", "@report", "--reason", "follow-up call"],
  "voices redact": ["voices", "redact", "@report", "--text", "A checkpoint on a road near Bria."],
  "voices forms save": ["voices", "forms", "save", "@formFile"],
  "voices forms draft --save": [
    "voices",
    "forms",
    "draft",
    "--id",
    "viewer_water",
    "--survey",
    surveySheet,
    "--choices",
    choicesSheet,
    "--iso3",
    "IRQ",
    "--category",
    "services",
    "--save",
  ],
  "voices import-kobo": [
    "voices",
    "import-kobo",
    "docs/examples/voices/reach-irq-water-submissions.csv",
    "--form",
    "alpha_water",
  ],
  "voices import-ushahidi": ["voices", "import-ushahidi", "docs/examples/voices/ushahidi-export.csv"],
  "voices rotate-key": ["voices", "rotate-key"],
  // Small and quick: the refusal must come before any training, and the controls must not take minutes.
  forecast: ["forecast", "--origin", "2019-12", "--horizon", "1", "--rounds", "5", "--out", "@forecastOut"],
  "forecast-cells": ["forecast-cells", "--iso3", "CAF", "--horizon", "1", "--out", "@cellsOut"],
  "backtest-cells": ["backtest-cells", "--iso3", "CAF", "--origins", "2018-12"],
  "forecast --publish": [
    "forecast",
    "--origin",
    "2019-12",
    "--horizon",
    "1",
    "--rounds",
    "5",
    "--publish",
    "--out",
    "@forecastOut",
  ],
  backtest: ["backtest", "--origins", "2017-12", "--horizon", "1", "--rounds", "5"],
} as const satisfies Record<string, readonly string[]>;
type CommandName = keyof typeof commands;

const notFound = 3;
const refused = 4;

/**
 * Who must be refused what. 3 where the record is another organisation's and not shared: it is hidden as
 * when they read it. The viewer and the analyst are cleared confidential, so theirs are refusals by role.
 */
const refusals: readonly (readonly [Person, CommandName, typeof notFound | typeof refused])[] = [
  ["stranger", "org add", notFound],
  ["viewer", "org add", refused],
  ["alphaAdmin", "org add", refused],
  ["viewer", "user add", refused],
  ["analyst", "user add", refused],
  ["betaAdmin", "user add", refused],
  ["viewer", "user set-role", refused],
  ["betaAdmin", "user set-role", refused],
  ["viewer", "user remove", refused],
  ["betaAdmin", "user remove", refused],
  ["viewer", "user platform-admin", refused],
  ["alphaAdmin", "user platform-admin", refused],
  ["viewer", "user unlock", refused],
  ["betaAdmin", "user unlock", notFound],
  // Anyone signed in may make a token acting as themself (policies: token.create for every role); someone
  // whose membership ended may not.
  ["former", "token create", refused],
  ["viewer", "audit list", refused],
  ["analyst", "audit list", refused],
  ["viewer", "audit export", refused],
  ["viewer", "import views-cm (alpha's dataset)", refused],
  ["analyst", "import views-cm (shared dataset)", refused],
  ["alphaAdmin", "import views-cm (shared dataset)", refused],
  ["betaAdmin", "import views-cm (alpha's dataset)", refused],
  ["viewer", "alerts raise", refused],
  ["viewer", "alerts evaluate", refused],
  ["viewer", "alerts acknowledge", refused],
  ["analyst", "alerts acknowledge", refused],
  ["betaAdmin", "alerts acknowledge", notFound],
  // The operator raised it, so reads it; reading is not owning the desk.
  ["operator", "alerts acknowledge", refused],
  ["viewer", "alerts assess", refused],
  ["betaAdmin", "alerts assess", notFound],
  ["viewer", "alerts decide", refused],
  ["analyst", "alerts decide", refused],
  // The decided alert is public: other organisations read it, and are refused acting on it.
  ["viewer", "alerts act", refused],
  ["analyst", "alerts act", refused],
  ["betaAdmin", "alerts act", refused],
  ["operator", "alerts act", refused],
  ["viewer", "alerts close", refused],
  ["betaAdmin", "alerts close", refused],
  ["viewer", "alerts rules add", refused],
  ["alphaAdmin", "alerts rules add", refused],
  ["alphaAdmin", "alerts rules update", refused],
  ["alphaAdmin", "alerts rules remove", refused],
  ["viewer", "alerts desks set", refused],
  ["alphaAdmin", "alerts desks set", refused],
  ["analyst", "frameworks add", refused],
  ["alphaAdmin", "frameworks add", refused],
  ["alphaAdmin", "frameworks update", refused],
  ["viewer", "reviews create", refused],
  ["viewer", "reviews assess", refused],
  ["betaAdmin", "reviews assess", notFound],
  ["viewer", "reviews findings", refused],
  ["betaAdmin", "reviews findings", notFound],
  ["operator", "reviews findings", notFound],
  ["viewer", "reviews recommend", refused],
  ["betaAdmin", "reviews recommend", notFound],
  ["viewer", "reviews respond", refused],
  ["betaAdmin", "reviews respond", notFound],
  ["viewer", "reviews follow-up", refused],
  ["betaAdmin", "reviews follow-up", notFound],
  ["viewer", "reviews status (submit)", refused],
  ["analyst", "reviews status (adopt)", refused],
  ["viewer", "reviews cycles create", refused],
  ["alphaAdmin", "reviews cycles create", refused],
  ["alphaAdmin", "reviews cycles schedule --bring-forward", refused],
  ["viewer", "scenarios add", refused],
  ["viewer", "scenarios share", refused],
  ["betaAdmin", "scenarios share", notFound],
  ["operator", "scenarios share", notFound],
  ["viewer", "scenarios share --plan", refused],
  ["viewer", "scenarios plans add", refused],
  ["viewer", "voices triage", refused],
  ["betaAdmin", "voices triage", notFound],
  ["operator", "voices triage", notFound],
  ["viewer", "voices reply", refused],
  ["analyst", "voices reply", refused],
  ["betaAdmin", "voices reply", notFound],
  ["viewer", "voices reveal", refused],
  ["analyst", "voices reveal", refused],
  ["betaAdmin", "voices reveal", notFound],
  ["operator", "voices reveal", notFound],
  ["viewer", "voices redact", refused],
  ["betaAdmin", "voices redact", notFound],
  ["analyst", "voices forms save", refused],
  // The form id is alpha's: another organisation may not overwrite its mapping.
  ["betaAdmin", "voices forms save", refused],
  ["viewer", "voices forms draft --save", refused],
  ["viewer", "voices import-kobo", refused],
  ["betaAdmin", "voices import-kobo", notFound],
  ["viewer", "voices import-ushahidi", refused],
  ["viewer", "voices rotate-key", refused],
  // The master key wraps every organisation's reporters' data keys: replacing it is running the instance,
  // like sending its e-mail (notification.send), not one organisation's configuration.
  ["alphaAdmin", "voices rotate-key", refused],
  ["viewer", "forecast", refused],
  ["analyst", "forecast --publish", refused],
  ["alphaAdmin", "forecast --publish", refused],
  ["viewer", "backtest", refused],
  ["viewer", "forecast-cells", refused],
  ["viewer", "backtest-cells", refused],
];

/** The same invocations by the right person, deletions last: the refusals were not usage errors. */
const permitted: readonly (readonly [Person, CommandName])[] = [
  ["operator", "org add"],
  ["alphaAdmin", "user add"],
  ["alphaAdmin", "user unlock"],
  ["viewer", "token create"],
  ["alphaAdmin", "audit list"],
  ["operator", "audit export"],
  ["analyst", "import views-cm (alpha's dataset)"],
  ["analyst", "alerts raise"],
  ["alphaAdmin", "alerts acknowledge"],
  ["alphaAdmin", "alerts decide"],
  ["alphaAdmin", "alerts act"],
  ["alphaAdmin", "alerts close"],
  ["operator", "alerts rules update"],
  ["operator", "frameworks add"],
  ["analyst", "reviews findings"],
  ["analyst", "reviews follow-up"],
  ["alphaAdmin", "reviews status (adopt)"],
  ["analyst", "scenarios share"],
  ["alphaAdmin", "voices reply"],
  ["alphaAdmin", "voices reveal"],
  ["alphaAdmin", "voices forms save"],
  ["operator", "forecast --publish"],
  ["analyst", "backtest"],
  ["analyst", "forecast-cells"],
  ["analyst", "backtest-cells"],
  ["operator", "voices rotate-key"],
  ["alphaAdmin", "user set-role"],
  ["operator", "alerts rules remove"],
  ["alphaAdmin", "user remove"],
];

type AuditEntry = { id: number; action: string; actor: string };
const newestAuditId = () => json<AuditEntry[]>("operator", "audit", "list", "--limit", "1")[0]?.id ?? 0;

/** What the refused commands would have changed, read by people who see it (the audit log covers the rest). */
const state = () => ({
  people: json<unknown[]>("operator", "user", "list"),
  alerts: json<unknown[]>("alphaAdmin", "alerts", "list"),
  rules: json<unknown[]>("operator", "alerts", "rules", "list"),
  frameworks: json<unknown[]>("operator", "frameworks", "list"),
  reviews: json<unknown[]>("analyst", "reviews", "list"),
  scenarios: json<unknown[]>("analyst", "scenarios", "list"),
  reports: json<unknown[]>("alphaAdmin", "voices", "list"),
  forecastRuns: json<unknown[]>("operator", "forecast-runs"),
  voicesKey: readFileSync(join(dataDir, "voices.key"), "utf8"),
});

let before: ReturnType<typeof state>;
let auditMark = 0;

const createDataDir = () => createCliDataDir(dataDir, { email: "operator@example.org", password });

const writeFile = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  refs.set(name.replace(/\.\w+$/, ""), path);
};

beforeAll(async () => {
  await createDataDir();
  writeFile(
    "ruleFile.json",
    JSON.stringify({
      name: "Fatalities above range, low",
      severity: "low",
      definition: {
        kind: "fatalities_above_range",
        lookbackMonths: 24,
        minFatalities: 25,
        maxDataAgeMonths: 6,
      },
    }),
  );
  writeFile("ruleUpdateFile.json", JSON.stringify({ name: "Renamed rule" }));
  writeFile(
    "frameworkFile.json",
    JSON.stringify({
      slug: "regional-watch",
      version: "1",
      title: "Regional watch",
      factors: [
        {
          code: "1",
          name: "Armed conflict",
          category: "common",
          indicators: [{ code: "1.1", text: "Armed clashes" }],
        },
      ],
    }),
  );
  writeFile("frameworkUpdateFile.json", JSON.stringify({ title: "Atrocity crimes framework" }));
  const awsd = JSON.parse(readFileSync("data/bundled/voices/awsd-form.json", "utf8")) as object;
  writeFile("formFile.json", JSON.stringify({ ...awsd, id: "alpha_water" }));
  writeFile(
    "viewsFile.csv",
    [
      "country_id,month_id,country,gwcode,isoab,year,month,ucdp_ged_sb_best_sum",
      "70,479,Central African Republic,482,CAF,2019,11,18.0",
      "70,480,Central African Republic,482,CAF,2019,12,0.0",
      "",
    ].join("\n"),
  );
  refs.set("auditExport", join(dir, "audit.jsonl"));
  refs.set("forecastOut", join(dir, "forecast.csv"));
  refs.set("cellsOut", join(dir, "cells.csv"));

  const ok = (as: Person, ...args: string[]) => {
    const result = cli(as, ...args);
    if (result.status !== 0) throw new Error(`${as}: ${args.join(" ")}: ${result.status} ${result.stderr}`);
  };
  ok("operator", "org", "add", "alpha", "Alpha Mission", "--kind", "un_entity");
  ok("operator", "org", "add", "beta", "Beta Foundation", "--kind", "donor");
  for (const [person, org, role] of [
    ["viewer", "alpha", "viewer"],
    ["analyst", "alpha", "analyst"],
    ["alphaAdmin", "alpha", "administrator"],
    ["betaAdmin", "beta", "administrator"],
    ["former", "alpha", "analyst"],
  ] as const)
    ok(
      "operator",
      ...["user", "add", people[person], "--org", org, "--role", role],
      ...["--clearance", "confidential", "--password", password],
    );
  ok("operator", "user", "remove", people.former, "--org", "alpha");

  // Alpha's desk owns CAF's alerts; one alert waits at each step the table moves.
  ok("operator", "alerts", "desks", "set", "CAF", "--org", "alpha");
  const raise = (summary: string, clearance: string) =>
    json<{ alert: { id: string } }>(
      "operator",
      ...["alerts", "raise", "--iso3", "CAF", "--severity", "high", "--summary", summary],
      ...["--clearance", clearance],
    ).alert.id;
  refs.set("newAlert", raise("Clashes near Bambari", "restricted"));
  refs.set("assessedAlert", raise("Armed men at the Bria checkpoint", "restricted"));
  refs.set("decidedAlert", raise("Displacement towards Kaga-Bandoro", "public"));
  ok("alphaAdmin", "alerts", "assess", "@assessedAlert", "--assessment", "Likely to spread");
  ok("alphaAdmin", "alerts", "assess", "@decidedAlert", "--assessment", "Thousands on the move");
  ok(
    "alphaAdmin",
    ...["alerts", "decide", "@decidedAlert", "--option", "Convoy", "--decision", "Send a convoy"],
    ...["--rationale", "Roads are open"],
  );
  refs.set("rule", must(json<{ id: string }[]>("operator", "alerts", "rules", "list")[0]?.id, "alert rule"));
  refs.set(
    "framework",
    must(
      json<{ id: string; isDefault: boolean }[]>("operator", "frameworks", "list").find((f) => f.isDefault)
        ?.id,
      "default framework",
    ),
  );

  // Alpha's reviews (restricted): a draft, one awaiting adoption, and an adopted one with a recommendation.
  refs.set("draftReview", idOf("analyst", "reviews", "create", "--iso3", "CAF", "--title", "CAF review"));
  refs.set("inReviewReview", idOf("analyst", "reviews", "create", "--iso3", "MMR", "--title", "MMR review"));
  refs.set("adoptedReview", idOf("analyst", "reviews", "create", "--iso3", "SYR", "--title", "SYR review"));
  for (const review of ["@inReviewReview", "@adoptedReview"]) {
    ok("analyst", "reviews", "assess", review, "1", "--level", "high", "--confidence", "medium");
  }
  refs.set(
    "recommendation",
    idOf(
      "analyst",
      ...["reviews", "recommend", "@adoptedReview", "--body", "Deploy ceasefire monitors"],
      ...["--to", "Government", "--from", "Mission"],
    ),
  );
  for (const review of ["@inReviewReview", "@adoptedReview"])
    ok("analyst", "reviews", "status", review, "--to", "in_review");
  ok("alphaAdmin", "reviews", "status", "@adoptedReview", "--to", "adopted");
  refs.set(
    "cycle",
    idOf("operator", "reviews", "cycles", "create", "--name", "Cycle 1", "--starts", "2027-01-01"),
  );

  // Confidential by default: alpha's alone.
  refs.set(
    "scenario",
    idOf(
      "analyst",
      ...["scenarios", "add", "--iso3", "CAF", "--title", "Election violence"],
      ...["--likelihood", "likely", "--impact", "major"],
    ),
  );
  refs.set(
    "plan",
    idOf(
      "analyst",
      ...["scenarios", "plans", "add", "--iso3", "CAF", "--title", "Election plan"],
      ...["--scenario", "@scenario"],
    ),
  );

  // A report with a receipt (so a reply reaches someone), received by alpha, and alpha's own Kobo form.
  refs.set(
    "report",
    idOf(
      "alphaAdmin",
      ...["voices", "submit", "--category", "armed_violence", "--description", "Checkpoint on the Bria road"],
      ...["--place", "Bria", "--iso3", "CAF"],
    ),
  );
  // A public report goes to the host organisation: alpha's administrator has no say over its reporter's key.
  ok(
    "operator",
    ...["voices", "submit", "--category", "armed_violence", "--description", "Shooting near the market"],
    ...["--place", "Bambari"],
  );
  ok(
    "alphaAdmin",
    ...[
      "voices",
      "forms",
      "draft",
      "--id",
      "alpha_water",
      "--survey",
      surveySheet,
      "--choices",
      choicesSheet,
    ],
    ...["--iso3", "IRQ", "--category", "services", "--save"],
  );
  ok("analyst", ...commands["import views-cm (alpha's dataset)"]);

  before = state();
  auditMark = newestAuditId();
}, 600_000);

describe("state-changing commands run --as the wrong person", () => {
  it.each(refusals.map(([as, name, exit]) => [`${as} › ${name}`, as, name, exit] as const))(
    "%s is refused",
    (_, as, name, exit) => {
      const result = cli(as, ...commands[name]);
      expect(result.status, result.stdout + result.stderr).toBe(exit);
      expect(result.stderr).toMatch(
        exit === notFound
          ? /^continuum: .*(was not found|No user)/
          : /^continuum: .*(does not allow this|Only |may only|belongs to (no|another) organisation|Every organisation reads)/,
      );
    },
  );

  it("changed nothing: no audited write, the same records, no file written", () => {
    // Every write appends to the audit log. Of refusals at the command line only a refused reveal is logged,
    // on purpose: an attempt on a reporter's identity is the receiving organisation's to know.
    const entries = json<AuditEntry[]>("operator", "audit", "list", "--limit", "500")
      .filter((entry) => entry.id > auditMark)
      .map((entry) => `${entry.action} by ${entry.actor.replace(/ \(cli: .*\)$/, "")}`);
    const refusedReveals = entries.filter((entry) => entry.startsWith("voices.reveal_refused "));
    expect.soft(refusedReveals.sort()).toEqual(
      refusals
        .filter(([, name]) => name === "voices reveal")
        .map(([as]) => `voices.reveal_refused by ${as === "operator" ? "operator@example.org" : people[as]}`)
        .sort(),
    );
    expect.soft(entries.filter((entry) => !refusedReveals.includes(entry))).toEqual([]);
    expect.soft(state()).toEqual(before);
    expect.soft(existsSync(resolve("@auditExport"))).toBe(false);
    expect.soft(existsSync(resolve("@forecastOut"))).toBe(false);
  }, 120_000);

  it("measures count only what each reader may see", () => {
    type Measures = { alerts: { alerts: number }[]; recommendations: { recommendations: number }[] };
    const counts = (as: Person) => {
      const measures = json<Measures>(as, "measures");
      return {
        alerts: measures.alerts.reduce((sum, row) => sum + row.alerts, 0),
        recommendations: measures.recommendations.reduce((sum, row) => sum + row.recommendations, 0),
      };
    };
    expect(counts("viewer")).toEqual({ alerts: 3, recommendations: 1 });
    // Beta reads the public alert only, and none of alpha's restricted reviews.
    expect(counts("betaAdmin")).toEqual({ alerts: 1, recommendations: 0 });
  });

  it("lets the right person run the same invocations", () => {
    for (const [as, name] of permitted) {
      const result = cli(as, ...commands[name]);
      expect(result.status, `${as} › ${name}: ${result.stderr}`).toBe(0);
    }
    // The viewer's token acts as the viewer, not as whoever ran the command.
    const [token] = json<{ actor: string }[]>("operator", "audit", "list", "--action", "token.create");
    expect(token?.actor).toMatch(/^viewer@alpha\.example\.org /);
  }, 600_000);
});
