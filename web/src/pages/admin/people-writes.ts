import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { Membership, User } from "../../api/types.ts";

/** After a write, the people and the audit log below them, which shows the write at once. */
const useRefreshPeople = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(["users", "audit-log"].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
};

/** Adds a person to an organisation, creating their account unless they already have one. */
export const useAddPerson = () => {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (input: object) => api<User & { accountExisted: boolean }>("POST", "/api/users", input),
    onSuccess: refresh,
  });
};

/** The writes on the people already listed: a membership's role and clearance, its end, and an unlock. */
export const usePeopleWrites = () => {
  const refresh = useRefreshPeople();
  const setMembership = useMutation({
    mutationFn: ({ userId, orgId, change }: { userId: string; orgId: string; change: Partial<Membership> }) =>
      api<User>("PUT", `/api/users/${userId}/memberships/${orgId}`, change),
    onSuccess: refresh,
  });
  const removeMembership = useMutation({
    mutationFn: ({ userId, orgId }: { userId: string; orgId: string }) =>
      api<null>("DELETE", `/api/users/${userId}/memberships/${orgId}`),
    onSuccess: refresh,
  });
  const unlock = useMutation({
    mutationFn: (userId: string) => api<User>("POST", `/api/users/${userId}/unlock`),
    onSuccess: refresh,
  });
  return { setMembership, removeMembership, unlock };
};

export type PeopleWrites = ReturnType<typeof usePeopleWrites>;
