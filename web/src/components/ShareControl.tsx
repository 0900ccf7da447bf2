import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Action } from "../../../src/core/access/policies.ts";
import type { TOrganisation } from "../../../src/core/organisations/organisation.schemas.ts";
import { get } from "../api/client.ts";
import { worksOn } from "../api/permissions.ts";
import { useApiCall } from "../api/use-api-call.ts";
import { useSession } from "../session.tsx";
import { ErrorNote } from "./ErrorNote.tsx";

type Shareable = { ownerOrgId: string; clearance: string; sharedWith: readonly string[] };

/**
 * Who else reads a record beyond its organisation, and for the owning organisation's writers the choice of
 * organisations to share it with (`path` is the record's `…/shares` endpoint, which replaces the list).
 */
export const ShareControl = ({
  path,
  record,
  action,
  invalidates,
}: {
  path: string;
  record: Shareable;
  action: Action;
  invalidates: readonly unknown[];
}) => {
  const { t } = useTranslation();
  const { me } = useSession();
  const organisations = useQuery({
    queryKey: ["organisations"],
    queryFn: () => get<TOrganisation[]>("/api/organisations"),
  });
  const call = useApiCall(invalidates);
  const names = new Map(organisations.data?.map((org) => [org.id, org.name]));
  const mayShare = worksOn(me, record.ownerOrgId, action);
  const others = organisations.data?.filter((org) => org.id !== record.ownerOrgId) ?? [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const orgIds = new FormData(event.currentTarget).getAll("orgId").map(String);
    call.mutate({ method: "PUT", path, body: { orgIds } });
  };
  return (
    <div className="share-control">
      <p className="muted">
        {t("sharing.by", { org: names.get(record.ownerOrgId) ?? "…" })}{" "}
        {record.clearance === "public"
          ? t("sharing.public")
          : record.sharedWith.length === 0
            ? t("sharing.notShared")
            : t("sharing.sharedWith", {
                names: record.sharedWith.map((id) => names.get(id) ?? id).join(", "),
              })}
      </p>
      {mayShare && others.length > 0 && (
        <details>
          <summary>{t("sharing.share")}</summary>
          <form onSubmit={submit}>
            <fieldset>
              <legend>{t("sharing.with")}</legend>
              {others.map((org) => (
                <label key={org.id} className="check">
                  <input
                    type="checkbox"
                    name="orgId"
                    value={org.id}
                    defaultChecked={record.sharedWith.includes(org.id)}
                  />{" "}
                  {org.name}
                </label>
              ))}
            </fieldset>
            <button type="submit">{t("sharing.save")}</button>
            <ErrorNote error={call.error} />
          </form>
        </details>
      )}
    </div>
  );
};
