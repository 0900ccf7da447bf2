import { startTransition, useCallback, useOptimistic } from "react";
import { useSearchParams } from "react-router";

const noKeys: readonly string[] = [];

/**
 * A page's choice kept in the address (`?horizon=3`): Back, reload and a shared link bring the same view.
 * A change replaces the history entry, so Back leaves the page instead of stepping through each choice; the
 * default is left out of the address, and a value not in `allowed` reads as the default. A change also drops
 * the keys in `clears`, the choices it makes stale: a new filter sends a list back to its first page. (Two
 * setters called in one event would not do: each writes over the address the page was rendered with.)
 */
export const useUrlState = <T extends string>(
  key: string,
  fallback: T,
  allowed?: readonly T[],
  clears: readonly string[] = noKeys,
): [T, (value: T) => void] => {
  const [params, setParams] = useSearchParams();
  const raw = params.get(key);
  const value = raw !== null && (!allowed || allowed.includes(raw as T)) ? (raw as T) : fallback;
  // The address changes in a transition. Until it has, the control shows the value chosen: else a slider would
  // snap back, and the next arrow key would step from the old value again, losing the step between.
  const [shown, show] = useOptimistic(value);
  const set = useCallback(
    (next: T) =>
      startTransition(() => {
        show(next);
        setParams(
          (current) => {
            const updated = new URLSearchParams(current);
            if (next === fallback) updated.delete(key);
            else updated.set(key, next);
            for (const stale of clears) updated.delete(stale);
            return updated;
          },
          { replace: true },
        );
      }),
    [key, fallback, setParams, show, clears],
  );
  return [shown, set];
};

/** A whole number of at least 1 kept in the address, such as the months ahead a view shows. */
export const useUrlCount = (key: string, fallback: number): [number, (value: number) => void] => {
  const [text, setText] = useUrlState<string>(key, String(fallback));
  const value = Number(text);
  const set = useCallback((next: number) => setText(String(next)), [setText]);
  return [Number.isInteger(value) && value >= 1 ? value : fallback, set];
};
