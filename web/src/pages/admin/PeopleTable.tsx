import { useTranslation } from "react-i18next";
import type { User } from "../../api/types.ts";
import { TableScroll } from "../../components/TableScroll.tsx";
import { MembershipControls } from "./MembershipControls.tsx";
import type { PeopleWrites } from "./people-writes.ts";

/** Everyone the administrator sees, with their memberships and, for a locked account, its unlock. */
export const PeopleTable = ({ people, writes }: { people: User[] | undefined; writes: PeopleWrites }) => {
  const { t } = useTranslation();
  return (
    <TableScroll label={t("admin.people")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin.name")}</th>
            <th scope="col">{t("admin.email")}</th>
            <th scope="col">{t("admin.memberships")}</th>
            <th scope="col">{t("admin.locked")}</th>
          </tr>
        </thead>
        <tbody>
          {people?.map((person) => (
            <tr key={person.id}>
              <td>{person.name}</td>
              <td>
                {person.email}
                {person.mustChangePassword && <p className="muted">{t("admin.mustChangePassword")}</p>}
              </td>
              <td>
                {person.memberships.map((m) => (
                  <MembershipControls key={m.orgId} person={person} membership={m} writes={writes} />
                ))}
              </td>
              <td>
                {person.locked && (
                  <button type="button" onClick={() => writes.unlock.mutate(person.id)}>
                    {t("admin.unlock")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
};
