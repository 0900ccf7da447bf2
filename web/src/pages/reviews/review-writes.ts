import type { FormEvent } from "react";
import { useApiCall } from "../../api/use-api-call.ts";

/**
 * The review's writes share one call, so every form waits while any of them is saving; each form finds its
 * own outcome by the path it wrote to.
 */
export const useReviewWrites = (id: string) => {
  const call = useApiCall(["review", id]);
  // Each form shows its own refusal beside it, where the person is looking.
  const errorAt = (path: string) => (call.variables?.path === path ? call.error : null);
  return {
    // As the address names it, like the record the page read and refetches after each write.
    reviewId: id,
    mutate: call.mutate,
    isPending: call.isPending,
    errorAt,
    outcomeAt: (path: string) => ({
      error: errorAt(path),
      saved: call.isSuccess && call.variables?.path === path,
    }),
  };
};

export type ReviewWrites = ReturnType<typeof useReviewWrites>;

/** A submitted form's fields, keeping the page where it is. */
export const formValues = (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  return Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
};
