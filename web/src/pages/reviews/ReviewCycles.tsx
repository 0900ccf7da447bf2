import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TScheduleEntry } from "../../../../src/core/reviews/review.schemas.ts";
import { get } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import { Field } from "../../components/Field.tsx";
import { useSession } from "../../session.tsx";
import { CycleSchedule } from "./CycleSchedule.tsx";
import { NewCycleForm } from "./NewCycleForm.tsx";
import { useReviewCycles } from "./review-cycles.ts";

/** The review cycles: the chosen cycle's schedule, and a new cycle for those who plan them. */
export const ReviewCycles = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const mayPlanCycles = allows(me, "review.schedule");
  const { cycles, running } = useReviewCycles();
  const [cycleId, setCycleId] = useState<string>("");
  // The schedule opens on the cycle running today, not on one planned for later.
  const selected = cycleId || running || cycles.data?.[0]?.id || "";
  const schedule = useQuery({
    queryKey: ["review-schedule", selected],
    enabled: Boolean(selected),
    queryFn: () => get<TScheduleEntry[]>(`/api/reviews/cycles/${selected}/schedule`),
  });
  return (
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
      <CycleSchedule entries={schedule.data ?? []} />
      {mayPlanCycles && <NewCycleForm onCreated={(cycle) => setCycleId(cycle.id)} />}
    </section>
  );
};
