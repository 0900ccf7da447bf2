import { useEffect, useRef, useState } from "react";

/**
 * Mounts an Observable Plot figure (any function that returns an element) and replaces it when it or
 * the room for it changes. `make` gets the width available, so a chart can draw at that size on a
 * narrow screen rather than be shrunk until its text is unreadable.
 *
 * The host is left-to-right: Plot lays out axes and anchors labels for a left-to-right page, and in a
 * right-to-left one its axis titles and tick labels land outside the chart or on the axis.
 */
export const PlotFigure = ({ make, label }: { make: (width: number) => Element | null; label: string }) => {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(host);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const host = ref.current;
    if (!host || width === 0) return;
    const figure = make(width);
    // A screen reader would read the drawing as its tick labels ("50 100 200 … 2019 2020") and mark types
    // ("rect", "rule"): it hears the figure's label instead, and the table beside each chart holds its values.
    figure?.setAttribute("aria-hidden", "true");
    host.replaceChildren(...(figure ? [figure] : []));
    return () => host.replaceChildren();
  }, [make, width]);
  return <figure className="plot" dir="ltr" ref={ref} aria-label={label} />;
};
