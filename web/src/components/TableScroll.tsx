import type { ReactNode } from "react";

/**
 * A wide table scrolls sideways inside its own box on a narrow screen, rather than the whole page. The box
 * is a named region (a labelled section) and focusable, so keyboard users can scroll it too.
 */
export const TableScroll = ({ label, children }: { label: string; children: ReactNode }) => (
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to be scrolled.
  <section className="scroll" aria-label={label} tabIndex={0}>
    {children}
  </section>
);
