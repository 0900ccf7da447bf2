import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * A wide table scrolls sideways inside its own box on a narrow screen, rather than the whole page. While it
 * overflows, the box is a Tab stop, so keyboard users can scroll it too; otherwise it would be a stop that does
 * nothing. A named figure, not a landmark: it usually sits in a section of the same name, and two landmarks of
 * one name cannot be told apart.
 */
export const TableScroll = ({ label, children }: { label: string; children: ReactNode }) => {
  const ref = useRef<HTMLElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const observer = new ResizeObserver(() => setOverflows(box.scrollWidth > box.clientWidth));
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <figure ref={ref} className="scroll" aria-label={label} tabIndex={overflows ? 0 : undefined}>
      {children}
    </figure>
  );
};
