import { writeFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { clearances } from "../../core/access/vocabulary.ts";
import { reviewStatuses } from "../../core/reviews/review.schemas.ts";
import { type Language, languages } from "../../core/shared/languages.ts";
import {
  presentCycle,
  presentReview,
  presentReviewDetail,
  presentScheduleEntry,
} from "../../http/presenters/review.presenter.ts";
import { presentReviewExport, renderReviewBrief } from "../../http/presenters/review-export.presenter.ts";
import { addRecommendation } from "../../services/reviews/add-recommendation.ts";
import { assessRiskFactor } from "../../services/reviews/assess-risk-factor.ts";
import { updateReview } from "../../services/reviews/change-review.ts";
import { changeReviewStatus } from "../../services/reviews/change-review-status.ts";
import { createReview } from "../../services/reviews/create-review.ts";
import { createReviewCycle } from "../../services/reviews/create-review-cycle.ts";
import { exportReview } from "../../services/reviews/export-review.ts";
import { followUpRecommendation } from "../../services/reviews/follow-up-recommendation.ts";
import { getReviewSchedule } from "../../services/reviews/get-review-schedule.ts";
import { listReviewCycles } from "../../services/reviews/read-review-cycles.ts";
import { getReview, listReviews } from "../../services/reviews/read-reviews.ts";
import { refreshReviewSchedule } from "../../services/reviews/refresh-review-schedule.ts";
import { respondToRecommendation } from "../../services/reviews/respond-to-recommendation.ts";
import { assertWritableOutput } from "../output-files.ts";
import {
  asCliUser,
  collect,
  configOf,
  type GlobalOptions,
  numberOption,
  printOne,
  printRows,
} from "../runtime.ts";

/** The evidence pack shows community-report counts under the configured minimum as withheld. */
const evidenceOf = (global: GlobalOptions) => ({ minCellCount: configOf(global).voices.minCellCount });

export const registerReviews = (program: Command): void => {
  const reviews = program
    .command("reviews")
    .alias("review")
    .description("country reviews: the Peacebuilding Audit");

  reviews
    .command("list")
    .description("list reviews")
    .option("--iso3 <code>", "one country")
    .addOption(new Option("--status <status>", "one stage of the review").choices(reviewStatuses))
    .action(async (options: { iso3?: string; status?: string }, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const list = (
          await listReviews(ctx, { iso3: options.iso3?.toUpperCase(), status: options.status as never })
        ).map(presentReview);
        printRows(global, list, ["id", "iso3", "status", "title", "updatedAt"]);
      }),
    );

  reviews
    .command("create")
    .description("open a review workspace for a country (gathers the evidence pack)")
    .requiredOption("--iso3 <code>", "country")
    .option("--title <text>", "title")
    .option("--cycle <id>", "review cycle")
    .option("--framework <id>", "framework (default: the cycle's, else the default framework)")
    .addOption(new Option("--clearance <level>", "who may read it (default restricted)").choices(clearances))
    .action(
      async (
        options: { iso3: string; title?: string; cycle?: string; framework?: string; clearance?: string },
        command: Command,
      ) =>
        asCliUser(command, async (ctx, global) => {
          const review = presentReviewDetail(
            await createReview(
              ctx,
              {
                iso3: options.iso3.toUpperCase(),
                ...(options.title ? { title: options.title } : {}),
                ...(options.cycle ? { cycleId: options.cycle } : {}),
                ...(options.framework ? { frameworkId: options.framework } : {}),
                // Validated by the service, naming the field.
                ...(options.clearance ? { clearance: options.clearance as never } : {}),
              },
              evidenceOf(global),
            ),
          );
          printOne(
            global,
            review,
            `Opened review ${review.id} for ${review.iso3} (${review.framework.title}).`,
          );
        }),
    );

  reviews
    .command("show <id>")
    .description("a review with assessments and recommendations")
    .action(async (id: string, _options: unknown, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const review = presentReviewDetail(await getReview(ctx, id));
        const text = [
          `${review.title} — ${review.status}`,
          ...review.assessments.map(
            (a) => `  factor ${a.factorCode}: ${a.level}, ${a.trend}, confidence ${a.confidence}`,
          ),
          ...review.recommendations.map((r) => `  → ${r.addressedTo}: ${r.body} [${r.response}]`),
        ].join("\n");
        printOne(global, review, text);
      }),
    );

  reviews
    .command("assess <id> <factor>")
    .description("assess one risk factor of the review's framework")
    .requiredOption("--level <level>", "none | low | moderate | high | severe")
    .requiredOption("--confidence <level>", "low | medium | high")
    .option("--trend <trend>", "improving | stable | worsening | unknown", "unknown")
    .option("--note <text>", "the assessment", "")
    .option("--link <label=url>", "evidence link (repeat)", collect)
    .action(
      async (
        id: string,
        factor: string,
        options: { level: string; confidence: string; trend: string; note: string; link?: string[] },
        command: Command,
      ) =>
        asCliUser(command, async (ctx, global) => {
          const evidenceLinks = (options.link ?? []).map((link) => {
            const at = link.indexOf("=");
            return at > 0
              ? { label: link.slice(0, at), url: link.slice(at + 1) }
              : { label: link, url: link };
          });
          await assessRiskFactor(ctx, id, factor, {
            level: options.level as never,
            confidence: options.confidence as never,
            trend: options.trend as never,
            note: options.note,
            evidenceLinks,
          });
          printOne(
            global,
            { reviewId: id, factor, level: options.level },
            `Factor ${factor} assessed as ${options.level}.`,
          );
        }),
    );

  reviews
    .command("findings <id>")
    .description("write the review's findings")
    .requiredOption("--text <text>", "findings")
    .action(async (id: string, options: { text: string }, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        await updateReview(ctx, id, { findings: options.text });
        printOne(global, { reviewId: id }, "Findings saved.");
      }),
    );

  reviews
    .command("recommend <id>")
    .description("issue a recommendation addressed to a named actor")
    .requiredOption("--body <text>", "the recommendation")
    .requiredOption("--to <actor>", "addressed to")
    .requiredOption("--from <actor>", "recommended by")
    .action(async (id: string, options: { body: string; to: string; from: string }, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const rec = await addRecommendation(ctx, id, {
          body: options.body,
          addressedTo: options.to,
          recommendedBy: options.from,
        });
        printOne(global, rec, `Recommendation ${rec.id} to ${rec.addressedTo}.`);
      }),
    );

  reviews
    .command("respond <recommendationId>")
    .description("record the addressee's response")
    .requiredOption("--response <response>", "supported | noted")
    .action(async (id: string, options: { response: string }, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const rec = await respondToRecommendation(ctx, id, { response: options.response });
        printOne(global, rec, `Recommendation ${rec.id}: ${rec.response}.`);
      }),
    );

  reviews
    .command("follow-up <recommendationId>")
    .description("follow up an adopted review's recommendation at the next cycle")
    .requiredOption("--implementation <level>", "not_started | partial | full")
    .option("--note <text>", "what was found", "")
    .option("--review <id>", "the review recording the follow-up")
    .action(
      async (
        id: string,
        options: { implementation: string; note: string; review?: string },
        command: Command,
      ) =>
        asCliUser(command, async (ctx, global) => {
          const rec = await followUpRecommendation(ctx, id, {
            implementation: options.implementation,
            note: options.note,
            ...(options.review ? { reviewId: options.review } : {}),
          });
          printOne(global, rec, `Recommendation ${rec.id}: implementation ${rec.implementation}.`);
        }),
    );

  reviews
    .command("status <id>")
    .description("move a review: draft → in_review → adopted (or back to draft)")
    .requiredOption("--to <status>", "in_review | adopted | draft")
    .option("--note <text>", "note for the audit log", "")
    .action(async (id: string, options: { to: string; note: string }, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const review = presentReviewDetail(
          await changeReviewStatus(ctx, id, { to: options.to, note: options.note }, evidenceOf(global)),
        );
        printOne(global, review, `Review ${review.id} is now ${review.status}.`);
      }),
    );

  reviews
    .command("export <id>")
    .description("export a review as a printable HTML brief or as JSON")
    .addOption(
      new Option("--format <format>", "printable brief or data").choices(["html", "json"]).default("html"),
    )
    .option("--out <file>", "file to write (default: standard output)")
    .addOption(
      new Option("--lang <language>", "language of the printable brief").choices(languages).default("en"),
    )
    .action(async (id: string, options: { format: string; out?: string; lang: Language }, command: Command) =>
      asCliUser(command, async (ctx) => {
        if (options.out) assertWritableOutput(options.out);
        const data = presentReviewExport(await exportReview(ctx, id));
        const text =
          options.format === "json"
            ? `${JSON.stringify(data, null, 2)}\n`
            : renderReviewBrief(data, options.lang);
        if (options.out) {
          writeFileSync(options.out, text);
          process.stderr.write(`Wrote ${options.out}\n`);
        } else process.stdout.write(text);
      }),
    );

  const cycles = reviews.command("cycles").description("review cycles and their schedule");
  cycles
    .command("list")
    .description("list cycles")
    .action(async (_options: unknown, command: Command) =>
      asCliUser(command, async (ctx, global) =>
        printRows(global, (await listReviewCycles(ctx)).map(presentCycle), [
          "id",
          "name",
          "startsOn",
          "lengthMonths",
          "countries",
        ]),
      ),
    );
  cycles
    .command("create")
    .description("open a cycle that schedules every country (default 54 months)")
    .requiredOption("--name <name>", "name, e.g. 'Cycle 1'")
    .requiredOption("--starts <date>", "YYYY-MM-DD")
    .option("--months <n>", "cycle length in months", numberOption("months"))
    .action(async (options: { name: string; starts: string; months?: number }, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const cycle = presentCycle(
          await createReviewCycle(ctx, {
            name: options.name,
            startsOn: options.starts,
            ...(options.months ? { lengthMonths: options.months } : {}),
          }),
        );
        printOne(
          global,
          cycle,
          `Opened ${cycle.name}: ${cycle.countries} countries over ${cycle.lengthMonths} months — id ${cycle.id}`,
        );
      }),
    );
  cycles
    .command("schedule <cycleId>")
    .description("the cycle's schedule (--bring-forward re-checks forecasts and alerts first)")
    .option("--bring-forward", "bring forward the countries at risk now")
    .action(async (cycleId: string, options: { bringForward?: boolean }, command: Command) =>
      asCliUser(command, async (ctx, global) => {
        const rows = (
          options.bringForward
            ? await refreshReviewSchedule(ctx, cycleId)
            : await getReviewSchedule(ctx, cycleId)
        ).map(presentScheduleEntry);
        printRows(global, rows, [
          "plannedFor",
          "iso3",
          "countryName",
          "broughtForwardReason",
          "reviewStatus",
        ]);
      }),
    );
};
