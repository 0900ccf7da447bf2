import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ComponentType, RefObject } from "react";
import { useTranslation } from "react-i18next";
import {
  type AlertStep,
  stepGrants,
  type TAlert,
  type TAlertDetail,
  transitions,
} from "../../../../src/core/alerts/alert.schemas.ts";
import { api } from "../../api/client.ts";
import { worksOn } from "../../api/permissions.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { useSession } from "../../session.tsx";
import {
  AcknowledgeForm,
  ActForm,
  AssessForm,
  CloseForm,
  DecideForm,
  type StepFormProps,
} from "./AlertStepForms.tsx";

/** Each step's form, in the order an alert goes through them. */
const stepForms: [AlertStep, ComponentType<StepFormProps>][] = [
  ["acknowledge", AcknowledgeForm],
  ["assess", AssessForm],
  ["decide", DecideForm],
  ["act", ActForm],
  ["close", CloseForm],
];

/** Takes a step on the alert, then refreshes every list it shows in and hands the keyboard to the new status. */
const useAlertStep = (id: string, statusRef: RefObject<HTMLElement | null>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, body }: { name: AlertStep; body: object }) =>
      api<TAlert>("POST", `/api/alerts/${id}/${name}`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        predicate: (q) => ["alert", "alerts", "measures"].includes(String(q.queryKey[0])),
      });
      // The form just used is gone with the step it took: the keyboard goes to the new status, which is read out.
      statusRef.current?.focus();
    },
  });
};

/**
 * The steps the reader may take on the alert from where it stands, or why they may not: only the owning
 * desk's organisation acts on it, and only those of its people who may decide.
 */
export const AlertSteps = ({
  alert: a,
  statusRef,
}: {
  alert: TAlertDetail;
  statusRef: RefObject<HTMLElement | null>;
}) => {
  const { t } = useTranslation();
  const { me } = useSession();
  const step = useAlertStep(a.id, statusRef);
  const open = a.status !== "closed";
  const own = me.acting.orgId === a.owner.orgId;
  const mayStep = (name: AlertStep) =>
    worksOn(me, a.owner.orgId, stepGrants[name]) &&
    (transitions[name].from as readonly string[]).includes(a.status);
  return (
    <>
      {open && !own && <p className="muted">{t("alerts.ownerOnly", { org: a.owner.orgName })}</p>}
      {open && own && !worksOn(me, a.owner.orgId, "alert.decide") && (
        <p className="muted">{t("alerts.decidedByDesk", { org: a.owner.orgName })}</p>
      )}
      {stepForms.map(
        ([name, StepForm]) =>
          mayStep(name) && (
            <StepForm key={name} take={(body) => step.mutate({ name, body })} busy={step.isPending} />
          ),
      )}
      <ErrorNote error={step.error} />
    </>
  );
};
