import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TCycle } from "../../../../src/core/reviews/review.schemas.ts";
import { api } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";

/** Plans a new review cycle; `onCreated` shows its schedule. */
export const NewCycleForm = ({ onCreated }: { onCreated: (cycle: TCycle) => void }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const createCycle = useMutation({
    mutationFn: (input: object) => api<TCycle>("POST", "/api/reviews/cycles", input),
    onSuccess: (cycle) => {
      onCreated(cycle);
      return queryClient.invalidateQueries({ queryKey: ["review-cycles"] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    createCycle.mutate({ name: form.name, startsOn: form.startsOn, lengthMonths: Number(form.lengthMonths) });
  };
  return (
    <>
      <form className="inline-form" onSubmit={submit}>
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
      <ErrorNote error={createCycle.error} />
    </>
  );
};
