import { useEffect, useRef } from "react";

/**
 * Mounts the element `make` returns (an Observable Plot figure) into the returned ref's node, and replaces it
 * whenever `make` changes: callers memoise it with useCallback over what the figure shows.
 */
export const usePlot = <T extends HTMLElement>(make: () => Element | null) => {
  const ref = useRef<T>(null);
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const figure = make();
    host.replaceChildren(...(figure ? [figure] : []));
    return () => host.replaceChildren();
  }, [make]);
  return ref;
};
