import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import type { ReportDetail } from "./voices-api.ts";

/**
 * A report form's fields once sent, and the option that empties it only once the server took it: after a
 * refusal the person corrects what they chose.
 */
export const submitted = (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  const element = event.currentTarget;
  const data = Object.fromEntries(new FormData(element)) as Record<string, string>;
  return { data, clear: { onSuccess: () => element.reset() } };
};

/** Shows a report as the server now holds it, and the queue that lists it. */
export const useReportRefresh = (id: string) => {
  const queryClient = useQueryClient();
  return (data: ReportDetail) => {
    queryClient.setQueryData(["voices", "report", id], data);
    void queryClient.invalidateQueries({ queryKey: ["voices", "queue"] });
  };
};
