import { useEffect, useRef } from "react";

/** Mounts an Observable Plot figure (any function that returns an element) and replaces it when it changes. */
export const PlotFigure = ({ make, label }: { make: () => Element | null; label: string }) => {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const figure = make();
    host.replaceChildren(...(figure ? [figure] : []));
    return () => host.replaceChildren();
  }, [make]);
  return <figure className="plot" ref={ref} aria-label={label} />;
};
