import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, get, setCsrfToken } from "./api/client.ts";
import type { Me } from "./api/types.ts";

type Session = { me: Me; signOut: () => Promise<void> };
const SessionContext = createContext<Session | null>(null);

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
};

/** Loads who is signed in; children render only with a session, otherwise `signedOut` does. */
export const SessionGate = ({ children, signedOut }: { children: ReactNode; signedOut: ReactNode }) => {
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        const result = await get<Me>("/api/auth/me");
        setCsrfToken(result.csrfToken);
        return result;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
  // The server writes notifications in the language the person last read the app in.
  const { i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    if (!me.data || me.data.language === language) return;
    const signedIn = me.data;
    void api("PUT", "/api/auth/language", { language }).then(() =>
      queryClient.setQueryData(["me"], { ...signedIn, language }),
    );
  }, [me.data, language, queryClient]);
  if (me.isPending) return <p className="loading">…</p>;
  if (!me.data) return <>{signedOut}</>;
  const signOut = async () => {
    await api("POST", "/api/auth/sign-out");
    setCsrfToken(null);
    queryClient.setQueryData(["me"], null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "me" });
  };
  return <SessionContext.Provider value={{ me: me.data, signOut }}>{children}</SessionContext.Provider>;
};
