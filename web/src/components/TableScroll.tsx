import type { ReactNode } from "react";

/**
 * A wide table scrolls sideways inside its own box on a narrow screen, rather than the whole page. The box
 * is a named figure and focusable, so keyboard users can scroll it too. A figure, not a landmark: it usually
 * sits in a section of the same name, and two landmarks of one name cannot be told apart.
 */
export const TableScroll = ({ label, children }: { label: string; children: ReactNode }) => (
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to be scrolled.
  <figure className="scroll" aria-label={label} tabIndex={0}>
    {children}
  </figure>
);
