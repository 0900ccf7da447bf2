import { useTranslation } from "react-i18next";
import { type Clearance, readableClearances } from "../../../src/core/access/vocabulary.ts";
import { highestHeld } from "../api/permissions.ts";
import { useSession } from "../session.tsx";
import { Field } from "./Field.tsx";

/** Who may read a new record: the levels the author holds, starting at `wanted` or the highest held below it. */
export const ClearanceField = ({ wanted }: { wanted: Clearance }) => {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <Field label={t("admin.clearance")}>
      <select name="clearance" defaultValue={highestHeld(me, wanted)}>
        {readableClearances(me.acting.clearance).map((level) => (
          <option key={level} value={level}>
            {t(`clearance.${level}`)}
          </option>
        ))}
      </select>
    </Field>
  );
};
