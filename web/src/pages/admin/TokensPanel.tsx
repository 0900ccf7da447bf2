import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, get } from "../../api/client.ts";
import type { Organisation, OrganisationApiToken } from "../../api/types.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { day, when } from "../../i18n/dates.ts";

/**
 * The live API tokens acting for the organisations the administrator runs, so that a leaked or forgotten one
 * is stopped at once rather than when its holder is back.
 */
export const TokensPanel = () => {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: ["organisation-tokens"],
    queryFn: () => get<OrganisationApiToken[]>("/api/users/tokens"),
  });
  const organisations = useQuery({
    queryKey: ["organisations"],
    queryFn: () => get<Organisation[]>("/api/organisations"),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<null>("DELETE", `/api/users/tokens/${id}`),
    onSuccess: () =>
      Promise.all(
        ["organisation-tokens", "tokens", "audit-log"].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
  const orgName = (orgId: string) => organisations.data?.find((org) => org.id === orgId)?.name ?? orgId;
  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t("admin.tokens")}</h2>
      <p className="muted">{t("admin.tokensIntro")}</p>
      {tokens.data?.length === 0 ? (
        <p>{t("admin.noTokens")}</p>
      ) : (
        <TableScroll label={t("admin.tokens")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.tokenHolder")}</th>
                <th scope="col">{t("admin.organisation")}</th>
                <th scope="col">{t("admin.tokenName")}</th>
                <th scope="col">{t("account.lastUsed")}</th>
                <th scope="col">{t("admin.tokenExpires")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("account.revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data?.map((token) => (
                <tr key={token.id}>
                  <td>{token.owner.email}</td>
                  <td>{orgName(token.orgId)}</td>
                  <td>
                    {token.name} <code>{token.prefix}…</code>
                  </td>
                  <td>{token.lastUsedAt ? when(token.lastUsedAt, i18n.language) : t("account.never")}</td>
                  <td>{token.expiresAt ? day(token.expiresAt, i18n.language) : t("admin.tokenNoExpiry")}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t("admin.revokeToken", { name: token.name, email: token.owner.email })}
                      onClick={() => revoke.mutate(token.id)}
                    >
                      {t("account.revoke")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {revoke.isSuccess && (
        <p role="status" className="muted">
          {t("admin.tokenRevoked")}
        </p>
      )}
      <ErrorNote error={tokens.error ?? revoke.error} />
    </section>
  );
};
