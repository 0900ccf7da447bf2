import type { ComponentProps, MouseEvent } from "react";

/**
 * A button that stays focusable while its work runs or while it cannot act: a disabled button drops the
 * keyboard's focus to the page. It says it is unavailable (aria-disabled) and ignores presses, a submit included.
 */
export const BusyButton = ({
  busy,
  onClick,
  type = "button",
  ...rest
}: ComponentProps<"button"> & { busy: boolean }) => (
  <button
    type={type}
    aria-disabled={busy || undefined}
    onClick={(event: MouseEvent<HTMLButtonElement>) => {
      if (busy) event.preventDefault();
      else onClick?.(event);
    }}
    {...rest}
  />
);
