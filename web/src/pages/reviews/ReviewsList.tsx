import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { translated } from "../../../../src/core/frameworks/framework.schemas.ts";
import type {
  TCycle,
  TReview,
  TReviewDetail,
  TScheduleEntry,
} from "../../../../src/core/reviews/review.schemas.ts";
import { api, get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { allows } from "../../api/permissions.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ClearanceField } from "../../components/ClearanceField.tsx";
import { CountrySelect } from "../../components/CountrySelect.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { ltr } from "../../i18n/index.ts";
import { useSession } from "../../session.tsx";
import { broughtForwardText } from "./brought-forward.ts";
import { ReviewsNav } from "./ReviewsSection.tsx";

/** The first day after a cycle (YYYY-MM-DD). */
const cycleEnd = (cycle: TCycle): string => {
  const [year, month, day] = cycle.startsOn.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + cycle.lengthMonths, day)).toISOString().slice(0, 10);
};

export const ReviewsList = () => {
  const { t, i18n } = useTranslation();
  const countryNames = useCountryNames();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mayPlanCycles = allows(me, "review.schedule");
  const [showAll, setShowAll] = useState(false);
  // An alert's page sends its reader here with the country filled in.
  const [params] = useSearchParams();
  const country = params.get("open");
  useEffect(() => {
    if (!country) return;
    // After the page has taken the focus to its content (Shell), on to the form filled in for the reader.
    const frame = requestAnimationFrame(() => document.getElementById("open-review")?.focus());
    return () => cancelAnimationFrame(frame);
  }, [country]);
  const reviews = useQuery({ queryKey: ["reviews"], queryFn: () => get<TReview[]>("/api/reviews") });
  const cycles = useQuery({
    queryKey: ["review-cycles"],
    queryFn: () => get<TCycle[]>("/api/reviews/cycles"),
  });
  const [cycleId, setCycleId] = useState<string>("");
  // A new review belongs to the cycle running today (cycles come latest start first), if any.
  const today = new Date().toISOString().slice(0, 10);
  const running = cycles.data?.find((cycle) => cycle.startsOn <= today && today < cycleEnd(cycle))?.id ?? "";
  // The schedule opens on that cycle too, not on one planned for later.
  const selected = cycleId || running || cycles.data?.[0]?.id || "";
  const schedule = useQuery({
    queryKey: ["review-schedule", selected],
    enabled: Boolean(selected),
    queryFn: () => get<TScheduleEntry[]>(`/api/reviews/cycles/${selected}/schedule`),
  });
  const open = useMutation({
    mutationFn: (input: object) => api<TReviewDetail>("POST", "/api/reviews", input),
    onSuccess: (review) => navigate(`/reviews/${review.id}`),
  });
  const createCycle = useMutation({
    mutationFn: (input: object) => api<TCycle>("POST", "/api/reviews/cycles", input),
    onSuccess: (cycle) => {
      setCycleId(cycle.id);
      return queryClient.invalidateQueries({ queryKey: ["review-cycles"] });
    },
  });
  const submitOpen = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    open.mutate({
      iso3: form.iso3,
      ...(form.title ? { title: form.title } : {}),
      ...(form.cycleId ? { cycleId: form.cycleId } : {}),
      clearance: form.clearance,
    });
  };
  const submitCycle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    createCycle.mutate({ name: form.name, startsOn: form.startsOn, lengthMonths: Number(form.lengthMonths) });
  };
  // The countries brought forward first, then the schedule in order; the whole cycle on request.
  const entries = schedule.data ?? [];
  const forward = entries.filter((e) => e.broughtForwardReason);
  const ordered = [...forward, ...entries.filter((e) => !e.broughtForwardReason)];
  const upcoming = showAll ? ordered : ordered.slice(0, Math.max(25, forward.length));
  return (
    <>
      <h1>{t("reviews.title")}</h1>
      <ReviewsNav />
      <p>{t("reviews.intro")}</p>
      {reviews.data?.length === 0 && <p>{t("reviews.empty")}</p>}
      {reviews.data && reviews.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t("countries.country")}</th>
              <th>{t("reviews.titleField")}</th>
              <th>{t("alerts.status")}</th>
              <th>{t("reviews.framework")}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.data.map((review) => (
              <tr key={review.id}>
                <td>{countryNames.byIso3(review.iso3, review.countryName)}</td>
                <td>
                  <Link to={`/reviews/${review.id}`}>{review.title}</Link>
                </td>
                <td>{t(`reviews.statuses.${review.status}`)}</td>
                <td>
                  {translated(review.framework.title, review.framework.titleTranslations, i18n.language)} (
                  {review.framework.version})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {allows(me, "review.write") && (
        <section aria-labelledby="open-review">
          <h2 id="open-review" tabIndex={-1}>
            {t("reviews.open")}
          </h2>
          <form className="inline-form" onSubmit={submitOpen}>
            <CountrySelect defaultValue={country ?? ""} />
            <Field label={t("reviews.titleField")}>
              <input name="title" size={40} />
            </Field>
            <Field label={t("reviews.cycle")}>
              <select name="cycleId" key={running} defaultValue={running}>
                <option value="">{t("reviews.noCycle")}</option>
                {cycles.data?.map((cycle) => (
                  <option key={cycle.id} value={cycle.id}>
                    {cycle.name} ({ltr(cycle.startsOn)})
                  </option>
                ))}
              </select>
            </Field>
            <ClearanceField wanted="restricted" />
            <BusyButton type="submit" busy={open.isPending}>
              {t("reviews.openButton")}
            </BusyButton>
          </form>
          <ErrorNote error={open.error} />
        </section>
      )}
      <section aria-labelledby="cycles">
        <h2 id="cycles">{t("reviews.cycles")}</h2>
        {cycles.data?.length === 0 && !mayPlanCycles && <p>{t("reviews.noCycles")}</p>}
        {cycles.data && cycles.data.length > 0 && (
          <Field label={t("reviews.cycle")}>
            <select value={selected} onChange={(e) => setCycleId(e.target.value)}>
              {cycles.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} — {c.startsOn}, {t("reviews.countries", { count: c.countries })}
                </option>
              ))}
            </select>
          </Field>
        )}
        {upcoming.length > 0 && (
          <table>
            <thead>
              <tr>
                <th>{t("reviews.plannedFor")}</th>
                <th>{t("countries.country")}</th>
                <th>{t("reviews.broughtForward")}</th>
                <th>{t("alerts.status")}</th>
              </tr>
            </thead>
            <tbody>
              {upcoming.map((entry) => (
                <tr key={entry.iso3}>
                  <td>{entry.plannedFor}</td>
                  <td>{countryNames.byIso3(entry.iso3, entry.countryName)}</td>
                  <td>{broughtForwardText(entry.broughtForwardReasons, t, i18n.language)}</td>
                  <td>
                    {entry.reviewId ? (
                      <Link to={`/reviews/${entry.reviewId}`}>
                        {t(`reviews.statuses.${entry.reviewStatus ?? "draft"}`)}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {upcoming.length < entries.length && (
          <button type="button" onClick={() => setShowAll(true)}>
            {t("reviews.showWholeCycle", { count: entries.length })}
          </button>
        )}
        {mayPlanCycles && (
          <form className="inline-form" onSubmit={submitCycle}>
            <Field label={t("reviews.cycleName")}>
              <input name="name" required minLength={3} />
            </Field>
            <Field label={t("reviews.startsOn")}>
              <input name="startsOn" type="date" required />
            </Field>
            <Field label={t("reviews.lengthMonths")}>
              <input name="lengthMonths" type="number" min={1} max={240} defaultValue={54} />
            </Field>
            <BusyButton type="submit" busy={createCycle.isPending}>
              {t("reviews.createCycle")}
            </BusyButton>
          </form>
        )}
        <ErrorNote error={createCycle.error} />
      </section>
    </>
  );
};
