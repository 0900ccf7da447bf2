import { useQuery } from "@tanstack/react-query";
import type { TCycle } from "../../../../src/core/reviews/review.schemas.ts";
import { get } from "../../api/client.ts";

/** The first day after a cycle (YYYY-MM-DD). */
const cycleEnd = (cycle: TCycle): string => {
  const [year, month, day] = cycle.startsOn.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + cycle.lengthMonths, day)).toISOString().slice(0, 10);
};

/** The review cycles, latest start first, and the id of the one running today ("" when none is). */
export const useReviewCycles = () => {
  const cycles = useQuery({
    queryKey: ["review-cycles"],
    queryFn: () => get<TCycle[]>("/api/reviews/cycles"),
  });
  const today = new Date().toISOString().slice(0, 10);
  const running = cycles.data?.find((cycle) => cycle.startsOn <= today && today < cycleEnd(cycle))?.id ?? "";
  return { cycles, running };
};
