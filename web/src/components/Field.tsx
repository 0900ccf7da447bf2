import type { ReactNode } from "react";

/** A labelled form control: the label wraps the control so it is announced and clickable. */
export const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <label className="field">
    <span>{label}</span>
    {children}
  </label>
);
