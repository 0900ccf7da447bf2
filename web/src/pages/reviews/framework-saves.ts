import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFramework } from "../../../../src/core/frameworks/framework.schemas.ts";
import { api } from "../../api/client.ts";
import { factorsOf } from "./factor-drafts.ts";
import type { FrameworkDraft } from "./framework-draft.ts";

/**
 * The framework's three writes: the edit saved in place, saved as a new version, or the framework made the
 * default. `onSaved` shows the framework saved; the writes outlive the framework being reread, so "Saved." stays.
 */
export const useFrameworkSaves = (
  id: string,
  framework: TFramework | undefined,
  draft: FrameworkDraft,
  onSaved: (id: string) => void,
) => {
  const queryClient = useQueryClient();
  const done = async (saved: TFramework) => {
    onSaved(saved.id);
    await queryClient.invalidateQueries({ queryKey: ["frameworks"] });
    await queryClient.invalidateQueries({ queryKey: ["framework", saved.id] });
  };
  const save = useMutation({
    mutationFn: () =>
      api<TFramework>("PATCH", `/api/frameworks/${id}`, {
        title: draft.title,
        factors: factorsOf(draft.drafts),
      }),
    onSuccess: done,
  });
  const saveAsVersion = useMutation({
    mutationFn: () =>
      api<TFramework>("POST", "/api/frameworks", {
        slug: framework?.slug,
        version: draft.version,
        title: draft.title,
        description: framework?.description ?? "",
        source: framework?.source ?? "",
        factors: factorsOf(draft.drafts),
      }),
    onSuccess: done,
  });
  const makeDefault = useMutation({
    mutationFn: () => api<TFramework>("PATCH", `/api/frameworks/${id}`, { isDefault: true }),
    onSuccess: done,
  });
  return { save, saveAsVersion, makeDefault };
};

export type FrameworkSaves = ReturnType<typeof useFrameworkSaves>;
