import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useLocation, useNavigate } from "react-router";

/**
 * A form that changes what the session may do (signing in, choosing one's own password): `send` sends it, or
 * throws what to show; then the page asked for opens, as the session now allows.
 */
export const useSessionForm = (send: (form: FormData) => Promise<void>) => {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setBusy(true);
    try {
      await send(form);
      // The form that had the focus goes away: the page it opens takes the focus to its content.
      navigate(location, { replace: true, state: { focusContent: true } });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { submit, error, busy };
};
