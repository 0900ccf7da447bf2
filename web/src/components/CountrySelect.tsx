import { useTranslation } from "react-i18next";
import { useCountryNames } from "../api/country-names.ts";
import { Field } from "./Field.tsx";

/** A country chosen by its name in the reader's language; the form receives its ISO3 code as `iso3`. */
export const CountrySelect = ({ defaultValue = "" }: { defaultValue?: string }) => {
  const { t } = useTranslation();
  // The names arrive after the first render: a new select once they are in lets `defaultValue` find its option.
  const loaded = useCountryNames().current.length > 0;
  return (
    <Field label={t("alerts.country")}>
      <select key={String(loaded)} name="iso3" required defaultValue={defaultValue}>
        <option value="" disabled>
          {t("alerts.chooseCountry")}
        </option>
        <CountryOptions />
      </select>
    </Field>
  );
};

/** Every country of today as an option, named and sorted in the reader's language, valued by its ISO3 code. */
export const CountryOptions = () =>
  useCountryNames().current.map((country) => (
    <option key={country.iso3} value={country.iso3}>
      {country.name}
    </option>
  ));
