import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import type { TReviewDetail } from "../../../../src/core/reviews/review.schemas.ts";
import { api } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ClearanceField } from "../../components/ClearanceField.tsx";
import { CountrySelect } from "../../components/CountrySelect.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { ltr } from "../../i18n/index.ts";
import { useReviewCycles } from "./review-cycles.ts";

/** Opens a review of a country, in the cycle running today unless chosen otherwise, and goes to it. */
export const OpenReviewForm = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { cycles, running } = useReviewCycles();
  // An alert's page sends its reader here with the country filled in.
  const [params] = useSearchParams();
  const country = params.get("open");
  useEffect(() => {
    if (!country) return;
    // After the page has taken the focus to its content (Shell), on to the form filled in for the reader.
    const frame = requestAnimationFrame(() => document.getElementById("open-review")?.focus());
    return () => cancelAnimationFrame(frame);
  }, [country]);
  const open = useMutation({
    mutationFn: (input: object) => api<TReviewDetail>("POST", "/api/reviews", input),
    onSuccess: (review) => navigate(`/reviews/${review.id}`),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    open.mutate({
      iso3: form.iso3,
      ...(form.title ? { title: form.title } : {}),
      ...(form.cycleId ? { cycleId: form.cycleId } : {}),
      clearance: form.clearance,
    });
  };
  return (
    <section aria-labelledby="open-review">
      <h2 id="open-review" tabIndex={-1}>
        {t("reviews.open")}
      </h2>
      <form className="inline-form" onSubmit={submit}>
        <CountrySelect defaultValue={country ?? ""} />
        <Field label={t("reviews.titleField")}>
          <input name="title" size={40} />
        </Field>
        <Field label={t("reviews.cycle")}>
          {/* A new review belongs to the cycle running today, if any. */}
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
  );
};
