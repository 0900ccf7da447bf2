import { useTranslation } from "react-i18next";
import { grantableClearances, mayChangeMembership } from "../../../../src/core/access/policies.ts";
import { clearances, roles } from "../../../../src/core/access/vocabulary.ts";
import { actorOf } from "../../api/permissions.ts";
import type { Clearance, Membership, Role, User } from "../../api/types.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { useSession } from "../../session.tsx";
import type { PeopleWrites } from "./people-writes.ts";

/**
 * One person's membership of one organisation: its role and clearance, changed with its button, and the
 * membership ended. The controls offer only what the server's policy allows.
 */
export const MembershipControls = ({
  person,
  membership: m,
  writes,
}: {
  person: User;
  membership: Membership;
  writes: PeopleWrites;
}) => {
  const { t } = useTranslation();
  const { me } = useSession();
  const admin = actorOf(me);
  const grantable = grantableClearances(admin);
  const mayChange = mayChangeMembership(admin, m, person);
  const own = person.id === me.user.id && m.orgId === me.acting.orgId;
  return (
    <div>
      {m.orgName}:{" "}
      {/* Saved with its button, not on every change: stepping through the roles with the arrow
          keys would grant each in turn. */}
      <form
        key={`${m.role}-${m.clearance}`}
        className="membership-form"
        aria-label={`${person.email} — ${m.orgName}`}
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          writes.setMembership.mutate({
            userId: person.id,
            orgId: m.orgId,
            change: {
              role: String(form.get("role")) as Role,
              clearance: String(form.get("clearance")) as Clearance,
            },
          });
        }}
      >
        <select
          name="role"
          aria-label={`${t("admin.role")} — ${person.email} — ${m.orgName}`}
          defaultValue={m.role}
          disabled={!mayChange}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>{" "}
        <select
          name="clearance"
          aria-label={`${t("admin.clearance")} — ${person.email} — ${m.orgName}`}
          defaultValue={m.clearance}
          disabled={!mayChange}
        >
          {clearances.map((level) => (
            <option key={level} value={level} disabled={!grantable.includes(level)}>
              {t(`clearance.${level}`)}
            </option>
          ))}
        </select>{" "}
        {mayChange && (
          <BusyButton type="submit" busy={writes.setMembership.isPending}>
            {t("admin.change")}
          </BusyButton>
        )}
      </form>{" "}
      {!own && mayChange && (
        <button
          type="button"
          className="link"
          onClick={() =>
            window.confirm(t("admin.confirmRemove", { person: person.email, org: m.orgName })) &&
            writes.removeMembership.mutate({ userId: person.id, orgId: m.orgId })
          }
        >
          {t("admin.removeMembership")}
        </button>
      )}
    </div>
  );
};
