import { useEffect, useState } from "react";
import type { TFramework } from "../../../../src/core/frameworks/framework.schemas.ts";
import { draftsOf, type FactorDraft, newDraft } from "./factor-drafts.ts";

/** The framework as being edited: its title, factors and the new version's name, reset whenever it is (re)read. */
export const useFrameworkDraft = (framework: TFramework | undefined) => {
  const [drafts, setDrafts] = useState<FactorDraft[]>([]);
  const [title, setTitle] = useState("");
  const [version, setVersion] = useState("");
  useEffect(() => {
    if (!framework) return;
    setDrafts(draftsOf(framework));
    setTitle(framework.title);
    setVersion("");
  }, [framework]);
  return {
    drafts,
    title,
    setTitle,
    version,
    setVersion,
    update: (index: number, change: Partial<FactorDraft>) =>
      setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...change } : d))),
    addFactor: (name: string) => setDrafts((all) => [...all, newDraft(all.length, name)]),
  };
};

export type FrameworkDraft = ReturnType<typeof useFrameworkDraft>;
