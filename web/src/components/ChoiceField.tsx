import { Field } from "./Field.tsx";

/** A labelled select of fixed choices, each worded by the caller (usually a translation key per choice). */
export const ChoiceField = <T extends string>({
  label,
  name,
  choices,
  defaultValue,
  wording,
}: {
  label: string;
  name: string;
  choices: readonly T[];
  defaultValue: T;
  wording: (choice: T) => string;
}) => (
  <Field label={label}>
    <select name={name} defaultValue={defaultValue}>
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {wording(choice)}
        </option>
      ))}
    </select>
  </Field>
);
