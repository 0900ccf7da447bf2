import { useUrlState } from "../../url-state.ts";

/** The years the event data may cover. */
export const EVENT_YEARS = Array.from({ length: 2019 - 1989 + 1 }, (_, i) => String(1989 + i));

/** The years of events shown, kept in the address; "" leaves that end of the range open. */
export const useEventYears = () => {
  const [fromChosen, setFromYear] = useUrlState<string>("eventsFrom", "", ["", ...EVENT_YEARS]);
  const [toChosen, setToYear] = useUrlState<string>("eventsTo", "", ["", ...EVENT_YEARS]);
  // A shared address may hold the years the wrong way round: read them in order.
  const [fromYear, toYear] =
    fromChosen && toChosen && fromChosen > toChosen ? [toChosen, fromChosen] : [fromChosen, toChosen];
  return { fromYear, toYear, setFromYear, setToYear };
};

export type EventYears = ReturnType<typeof useEventYears>;
