import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type Hidden = { before: boolean; after: boolean };

/**
 * A wide table scrolls sideways inside its own box on a narrow screen, rather than the whole page. While it
 * overflows, the box is a Tab stop, so keyboard users can scroll it too; otherwise it would be a stop that does
 * nothing. A named figure, not a landmark: it usually sits in a section of the same name, and two landmarks of
 * one name cannot be told apart. Phones show no scrollbar until one scrolls, so a cut table would pass for a
 * whole one: a line above says it scrolls, and each edge with columns beyond it fades.
 */
export const TableScroll = ({ label, children }: { label: string; children: ReactNode }) => {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const [hidden, setHidden] = useState<Hidden>({ before: false, after: false });
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      // scrollLeft runs negative on a right-to-left page: its size is the distance from the start either way.
      const scrolled = Math.abs(box.scrollLeft);
      const beyond = box.scrollWidth - box.clientWidth - scrolled;
      const next = { before: scrolled > 1, after: beyond > 1 };
      setHidden((now) => (now.before === next.before && now.after === next.after ? now : next));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    box.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", measure);
    };
  }, []);
  const overflows = hidden.before || hidden.after;
  return (
    <>
      {/* A screen reader reads every column as it is: the hint is for the eye. */}
      {overflows && (
        <p className="scroll-hint" aria-hidden="true">
          {t("app.scrollsSideways")}
        </p>
      )}
      <div
        className="scroll-frame"
        data-hidden-before={hidden.before || undefined}
        data-hidden-after={hidden.after || undefined}
      >
        <figure ref={ref} className="scroll" aria-label={label} tabIndex={overflows ? 0 : undefined}>
          {children}
        </figure>
      </div>
    </>
  );
};
