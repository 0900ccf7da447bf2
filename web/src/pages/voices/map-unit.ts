import { type RefObject, useEffect, useState } from "react";

/**
 * The map's units per screen pixel: 1 where the map is drawn at its own width, more where it is shrunk to
 * fit a phone. Marks sized in screen pixels keep their size whatever the screen.
 */
export const useMapUnit = (ref: RefObject<SVGSVGElement | null>, mapWidth: number): number => {
  const [unit, setUnit] = useState(1);
  useEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const observer = new ResizeObserver(([entry]) => {
      const drawn = entry?.contentRect.width ?? 0;
      setUnit(drawn > 0 ? Math.max(1, mapWidth / drawn) : 1);
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, [ref, mapWidth]);
  return unit;
};
