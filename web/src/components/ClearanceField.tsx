import { useTranslation } from "react-i18next";
import { type Clearance, readableClearances } from "../../../src/core/access/vocabulary.ts";
import { highestHeld } from "../api/permissions.ts";
import { useSession } from "../session.tsx";
import { Field } from "./Field.tsx";

/**
 * Who may read a record: the levels the person holds, starting at `wanted` or the highest held below it; or,
 * when changing a record, starting at `unchanged` (an empty choice that keeps its level).
 */
export const ClearanceField = ({ wanted, unchanged }: { wanted?: Clearance; unchanged?: string }) => {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <Field label={t("admin.clearance")}>
      <select name="clearance" defaultValue={unchanged || !wanted ? "" : highestHeld(me, wanted)}>
        {unchanged && <option value="">{unchanged}</option>}
        {readableClearances(me.acting.clearance).map((level) => (
          <option key={level} value={level}>
            {t(`clearance.${level}`)}
          </option>
        ))}
      </select>
    </Field>
  );
};
