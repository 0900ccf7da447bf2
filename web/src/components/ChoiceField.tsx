import { Field } from "./Field.tsx";

/**
 * Either the form reads the choice when submitted (`name` and `defaultValue`), or the page follows it as it
 * changes (`value` and `onChange`; with a `name`, the form sends it too).
 */
type Selection<T extends string> =
  | { name: string; defaultValue: T | ""; value?: never; onChange?: never }
  | { name?: string; defaultValue?: never; value: T; onChange: (choice: T) => void };

/**
 * A labelled select of fixed choices, each worded by the caller (usually a translation key per choice). With a
 * placeholder it starts on no choice and must be given one, so that nothing is recorded by default.
 */
export const ChoiceField = <T extends string>({
  label,
  choices,
  wording,
  placeholder,
  ...selection
}: {
  label: string;
  choices: readonly T[];
  wording: (choice: T) => string;
  placeholder?: string;
} & Selection<T>) => {
  // The choices are the only values the select can hold, so reading one back as T is safe.
  const onChange = selection.onChange;
  return (
    <Field label={label}>
      <select
        name={selection.name}
        defaultValue={selection.defaultValue}
        value={selection.value}
        onChange={onChange && ((event) => onChange(event.target.value as T))}
        required={placeholder !== undefined}
      >
        {placeholder !== undefined && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {wording(choice)}
          </option>
        ))}
      </select>
    </Field>
  );
};
