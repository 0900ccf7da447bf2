import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

type Run = { id: string; status: "running" | "succeeded" | "failed" };

/**
 * The model job worth showing on this page: the one this tab started, otherwise the newest run if it is
 * still running or has failed. Runs live on the server, so a second tab or a reload during a long forecast
 * must find the running job through the list of runs, not through state only the starting tab holds.
 * The followed run is polled while it runs; when it succeeds the `refresh` queries are reloaded (pass a
 * constant, so the effect does not re-run on every render).
 */
export const useLiveRun = <R extends Run>({
  kind,
  startedId,
  fetchRuns,
  fetchRun,
  refresh,
}: {
  kind: "forecast" | "backtest";
  startedId: string | null;
  fetchRuns: () => Promise<R[]>;
  fetchRun: (id: string) => Promise<R>;
  refresh: readonly unknown[];
}): R | undefined => {
  const queryClient = useQueryClient();
  const runs = useQuery({ queryKey: ["warning-jobs", kind, "list"], queryFn: fetchRuns });
  const newest = runs.data?.[0];
  const followedId = startedId ?? (newest && newest.status !== "succeeded" ? newest.id : null);
  const run = useQuery({
    queryKey: ["warning-jobs", kind, followedId],
    queryFn: () => fetchRun(followedId ?? ""),
    enabled: followedId !== null,
    refetchInterval: (query) => (query.state.data?.status === "running" ? 1000 : false),
  });
  // The list is only fetched once; until the followed run's first poll answers, the list entry stands in.
  const current = run.data ?? (newest?.id === followedId ? newest : undefined);
  const status = current?.status;
  useEffect(() => {
    if (status === "succeeded") void queryClient.invalidateQueries({ queryKey: refresh });
  }, [status, queryClient, refresh]);
  return current;
};
