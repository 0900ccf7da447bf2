import type { ReactNode } from "react";

/** A labelled form control: the label wraps the control so it is announced and clickable. */
export const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  // biome-ignore lint/a11y/noLabelWithoutControl: the control arrives as `children`, inside the label.
  <label className="field">
    <span>{label}</span>
    {children}
  </label>
);
