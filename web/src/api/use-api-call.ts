import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";

type ApiCall = { method: string; path: string; body?: object };

/** A write whose answer the page reads back by refetching `invalidates` (its list or record). */
export const useApiCall = (invalidates: readonly unknown[]) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: ApiCall) => api<unknown>(method, path, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...invalidates] }),
  });
};

/** One such write, handed to the parts of a page that share it (they wait while any of them is saving). */
export type ApiWrite = ReturnType<typeof useApiCall>;
