import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import type { User } from "../../api/types.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { AddPersonForm } from "./AddPersonForm.tsx";
import { PeopleTable } from "./PeopleTable.tsx";
import { usePeopleWrites } from "./people-writes.ts";

/** The people of the organisations the administrator sees: their roles and clearances, and new members. */
export const PeoplePanel = () => {
  const { t } = useTranslation();
  const people = useQuery({ queryKey: ["users"], queryFn: () => get<User[]>("/api/users") });
  const writes = usePeopleWrites();
  const { setMembership, removeMembership, unlock } = writes;
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">{t("admin.people")}</h2>
      <PeopleTable people={people.data} writes={writes} />
      {setMembership.isSuccess && (
        <p role="status" className="muted">
          {t("admin.membershipSaved")}
        </p>
      )}
      <ErrorNote error={setMembership.error ?? removeMembership.error ?? unlock.error} />
      <AddPersonForm />
    </section>
  );
};
