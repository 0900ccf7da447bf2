import { readFileSync } from "node:fs";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZodError, z } from "zod";
import { DomainError } from "../../core/shared/errors.ts";
import type { Language } from "../../core/shared/languages.ts";
import { clickedPoint, pointFrom, ZOOM, zoomWindow } from "../../core/voices/form-map.ts";
import { groupReceipt, normaliseReceipt } from "../../core/voices/receipt.ts";
import { reportDateProblem } from "../../core/voices/report-date.ts";
import { listCategories } from "../../services/voices/list-categories.ts";
import { readReceipt } from "../../services/voices/read-receipt.ts";
import { reportFormBorders, reportFormCountries } from "../../services/voices/read-report-form-map.ts";
import { submitReport } from "../../services/voices/submit-report.ts";
import { receivingOrganisation } from "../../services/voices/voices-context.ts";
import { type FormValues, formPage, messagePage, receiptPage, statusPage } from "../voices-form/render.ts";
import { FORM_STRINGS, pickLanguage } from "../voices-form/strings.ts";
import { checkRate, type VoicesRuntime } from "../voices-guard.ts";
import type { RouteDeps, TypedApp } from "./types.ts";

const asset = (name: string) => readFileSync(new URL(`../voices-form/${name}`, import.meta.url), "utf8");
const CSS = asset("voices.css");
const WORLD = asset("world.svg");

// Plain form posts and links: every value is text, checked where it is used; unknown parameters are ignored.
const ZLanguageQuery = z.looseObject({ lang: z.string().optional() });
const ZMapQuery = z.looseObject({
  lat: z.string().optional(),
  lon: z.string().optional(),
  mlat: z.string().optional(),
  mlon: z.string().optional(),
});
const ZFormBody = z.record(z.string(), z.string());

const RECEIPT_PATH = "/report/receipt";
const RECEIPT_COOKIE = "continuum_receipt";
/** Long enough to read and copy the code, or switch language, after sending. */
const RECEIPT_COOKIE_SECONDS = 30 * 60;

/** The land map with country borders drawn over it, built once. */
let world: string | undefined;
const worldMap = () => {
  world ??= WORLD.replace(
    "</svg>",
    `<path d="${reportFormBorders()}" fill="none" stroke="#6f8190" stroke-width="0.8" vector-effect="non-scaling-stroke"/></svg>`,
  );
  return world;
};

/** Zod paths and domain fields of a submission, named as the form's fields. */
const formField = (path: string): string => {
  const last = path.replace(/^contact\./, "").replace(/^body\./, "");
  return [
    "category",
    "description",
    "date",
    "latitude",
    "longitude",
    "coordinates",
    "iso3",
    "place",
    "name",
    "phone",
    "email",
  ].includes(last)
    ? last
    : "form";
};

const numberOrText = (text: string | undefined): number | undefined => {
  const trimmed = (text ?? "").trim().replace(",", ".");
  return trimmed === "" ? undefined : Number(trimmed);
};

const nonEmpty = (text: string | undefined) => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * The public report form, rendered on the server: it works without JavaScript, on a slow connection
 * (one small stylesheet, a map image only when wanted), in English, French and Arabic (right to left).
 * Submissions are plain form POSTs answered with 303 to the receipt page.
 */
export const voicesFormRoutes = (app: TypedApp, deps: RouteDeps, runtime: VoicesRuntime): void => {
  let countries: Promise<{ iso3: string; iso2: string | null; name: string }[]> | undefined;
  const countryList = () => {
    countries ??= reportFormCountries(deps.db);
    return countries;
  };
  const today = () => deps.now().toISOString().slice(0, 10);
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).header("cache-control", "no-store").type("text/html; charset=utf-8").send(body);

  const renderForm = async (
    reply: FastifyReply,
    status: number,
    lang: Language,
    values: FormValues,
    errors: Record<string, string> = {},
    notice?: string,
  ) =>
    html(
      reply,
      status,
      formPage({
        lang,
        values,
        errors,
        categories: (await listCategories(deps.db)).map((c) => c.code),
        countries: await countryList(),
        today: today(),
        ...(notice ? { notice } : {}),
      }),
    );

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The form's pages take what a browser's form sends, and nothing else: the JSON API is /api/public/reports.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 64 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    // A post too large to read is still a person at a form: answered with a page in their language, not JSON.
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.code !== "FST_ERR_CTP_BODY_TOO_LARGE") throw error;
      const query = request.query as { lang?: string } | undefined;
      const lang = pickLanguage(query?.lang, request.headers["accept-language"]);
      return html(reply, 413, messagePage(lang, FORM_STRINGS[lang].errors.description ?? ""));
    });
    const hide = { schema: { hide: true } };
    const withLanguage = { schema: { hide: true, querystring: ZLanguageQuery } };
    const posted = { schema: { hide: true, body: ZFormBody } };

    scope.get("/report/voices.css", hide, (_request, reply) =>
      reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=86400").send(CSS),
    );

    scope.get("/report/map.svg", { schema: { hide: true, querystring: ZMapQuery } }, (request, reply) => {
      const query = request.query;
      const zoom = pointFrom(query.lat, query.lon);
      const mark = pointFrom(query.mlat, query.mlon);
      let svg = worldMap();
      if (zoom) {
        const { west, north } = zoomWindow(zoom);
        svg = svg.replace(
          'viewBox="0 0 360 180"',
          `viewBox="${west + 180} ${90 - north} ${ZOOM.width} ${ZOOM.height}"`,
        );
      }
      // The chosen point, the same size on screen at either scale.
      if (mark)
        svg = svg.replace(
          "</svg>",
          `<circle cx="${mark.lon + 180}" cy="${90 - mark.lat}" r="${zoom ? 0.4 : 4}" fill="#c0392b" stroke="#fff" stroke-width="1.5" vector-effect="non-scaling-stroke"/></svg>`,
        );
      return reply.type("image/svg+xml").header("cache-control", "public, max-age=86400").send(svg);
    });

    scope.get("/report", withLanguage, async (request, reply) => {
      const lang = pickLanguage(request.query.lang, request.headers["accept-language"]);
      return renderForm(reply, 200, lang, {});
    });

    scope.post("/report", posted, async (request, reply) => {
      const body = request.body;
      const lang = pickLanguage(body.lang, request.headers["accept-language"]);
      const s = FORM_STRINGS[lang];
      const values: FormValues = {
        category: body.category,
        description: body.description,
        place: body.place,
        iso3: body.iso3,
        latitude: body.latitude,
        longitude: body.longitude,
        date: body.date,
        name: body.name,
        phone: body.phone,
        email: body.email,
        zoom_lat: body.zoom_lat,
        zoom_lon: body.zoom_lon,
      };

      // A click on the map image sends map.x/map.y: set the coordinates and show a closer map.
      if (body["map.x"] !== undefined && body["map.y"] !== undefined) {
        const zoom = pointFrom(body.zoom_lat, body.zoom_lon);
        const point = clickedPoint({ x: body["map.x"], y: body["map.y"] }, zoom);
        if (!point) return renderForm(reply, 200, lang, values, {}, s.mapNeedsPointer);
        const [latitude, longitude] = [String(point.lat), String(point.lon)];
        const picked = { ...values, latitude, longitude, zoom_lat: latitude, zoom_lon: longitude };
        const kept = zoom ? { zoom_lat: body.zoom_lat, zoom_lon: body.zoom_lon } : {};
        return renderForm(reply, 200, lang, { ...picked, ...kept }, {}, s.mapPicked);
      }

      // The honeypot: people never see this field; a filled one is a robot, thanked and ignored.
      if (body.website) return reply.code(303).header("location", `/report/thanks?lang=${lang}`).send();

      try {
        checkRate(reply, deps.now().getTime(), [[runtime.byAddress, `submit|${request.ip}`]]);
      } catch (error) {
        // The form comes back as typed: behind one shared address, a reporter's words are not lost to others' sending.
        if (error instanceof DomainError) return renderForm(reply, 429, lang, values, {}, s.tooMany);
        throw error;
      }
      const contact = {
        ...(nonEmpty(body.name) ? { name: nonEmpty(body.name) } : {}),
        ...(nonEmpty(body.phone) ? { phone: nonEmpty(body.phone) } : {}),
        ...(nonEmpty(body.email) ? { email: nonEmpty(body.email) } : {}),
      };
      const latitude = numberOrText(body.latitude);
      const longitude = numberOrText(body.longitude);
      const input = {
        category: body.category ?? "",
        description: body.description ?? "",
        date: body.date ?? "",
        language: lang,
        ...(nonEmpty(body.iso3) ? { iso3: nonEmpty(body.iso3) } : {}),
        ...(nonEmpty(body.place) ? { place: nonEmpty(body.place) } : {}),
        ...(latitude !== undefined ? { latitude } : {}),
        ...(longitude !== undefined ? { longitude } : {}),
        ...(Object.keys(contact).length ? { contact } : {}),
      };
      try {
        await runtime.placesReady();
        const ownerOrgId = await receivingOrganisation(deps.db, runtime.settings);
        const fromMap = body.zoom_lat !== undefined && latitude !== undefined;
        const result = await submitReport(
          { db: deps.db, now: deps.now, via: "api", label: "public:web" },
          runtime,
          input,
          { channel: "web", ownerOrgId, fromMap },
        );
        // The code travels in a short-lived cookie, not the address, so it stays out of the browser's history.
        return reply
          .setCookie(RECEIPT_COOKIE, result.receipt, {
            httpOnly: true,
            sameSite: "strict",
            secure: deps.config.secureCookies,
            path: RECEIPT_PATH,
            maxAge: RECEIPT_COOKIE_SECONDS,
          })
          .code(303)
          .header("location", `${RECEIPT_PATH}?lang=${lang}`)
          .send();
      } catch (error) {
        const paths =
          error instanceof ZodError
            ? error.issues.map((issue) => issue.path.map(String).join("."))
            : error instanceof DomainError && error.code === "validation_failed"
              ? error.details.map((d) => d.field)
              : undefined;
        if (!paths) throw error;
        // The date is checked against the clock only once the rest is well-formed: check it now too, so one
        // round trip shows every problem.
        if (/^\d{4}-\d{2}-\d{2}$/.test(input.date) && reportDateProblem(input.date, today(), "web"))
          paths.push("date");
        const errors: Record<string, string> = {};
        for (const path of paths) {
          const name = formField(path);
          // A point in another country is shown at the country list, the first thing to check; a point at
          // sea, with no country chosen, at the coordinates.
          if (name === "coordinates" && !input.iso3) errors.latitude = s.errors.atSea ?? "";
          else errors[name === "coordinates" ? "iso3" : name] = s.errors[name] ?? s.errors.form ?? "";
        }
        return renderForm(reply, 400, lang, values, errors);
      }
    });

    scope.get("/report/thanks", withLanguage, (request, reply) => {
      const lang = pickLanguage(request.query.lang, request.headers["accept-language"]);
      return html(reply, 200, messagePage(lang, FORM_STRINGS[lang].thanks));
    });

    scope.get("/report/status", withLanguage, (request, reply) => {
      const lang = pickLanguage(request.query.lang, request.headers["accept-language"]);
      return html(reply, 200, statusPage(lang));
    });

    const showReceipt = async (
      request: FastifyRequest,
      reply: FastifyReply,
      lang: Language,
      code: string,
      fresh: boolean,
    ) => {
      try {
        checkRate(reply, deps.now().getTime(), [
          [runtime.byAddress, `receipt|${request.ip}`],
          [runtime.byReceipt, `${code}|${request.ip}`],
        ]);
        const status = await readReceipt(deps.db, code, { online: true });
        return html(reply, 200, receiptPage(lang, code, status, fresh));
      } catch (error) {
        if (error instanceof DomainError && error.code === "rate_limited")
          return html(reply, 429, messagePage(lang, FORM_STRINGS[lang].tooMany));
        if (error instanceof DomainError && error.code === "not_found")
          return html(reply, 404, statusPage(lang, FORM_STRINGS[lang].unknownReceipt, code));
        if (error instanceof DomainError && error.code === "forbidden")
          return html(reply, 403, statusPage(lang, FORM_STRINGS[lang].smsReceipt, code));
        throw error;
      }
    };

    // Checking is a POST answered in place, so the code never appears in an address.
    scope.post("/report/status", posted, (request, reply) => {
      const body = request.body;
      const lang = pickLanguage(body.lang, request.headers["accept-language"]);
      const typed = (body.receipt ?? "").trim().toUpperCase().replace(/\s+/g, "");
      // Shown back as it was given out, however it was typed (spaces, no dashes, lower case).
      const canonical = normaliseReceipt(typed);
      const code = canonical ? groupReceipt(canonical) : typed;
      if (!/^[0-9A-Z-]{12,20}$/.test(code))
        return html(reply, 400, statusPage(lang, FORM_STRINGS[lang].unknownReceipt, code));
      return showReceipt(request, reply, lang, code, false);
    });

    scope.get(RECEIPT_PATH, withLanguage, (request, reply) => {
      const lang = pickLanguage(request.query.lang, request.headers["accept-language"]);
      const code = request.cookies[RECEIPT_COOKIE];
      if (!code) return html(reply, 200, statusPage(lang));
      return showReceipt(request, reply, lang, code, true);
    });
  });
};
