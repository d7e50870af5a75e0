import { useState } from "react";
import { fieldId } from "../api";

/**
 * A form's text values, and the props that tie each to its input and its error:
 * `<TextInput label="Given name" {...field("givenName")} />`. `prefix` is the values' place
 * in the request body ("person." for `{ person: values }`); `idPrefix` keeps input ids unique
 * when one page holds several copies of a form.
 */
export function useFields<T extends Record<string, string>>(
  initial: T,
  prefix = "",
  idPrefix = "",
) {
  const [values, setValues] = useState(initial);
  const bind = (errorFor: (path: string) => string | undefined) => (key: keyof T & string) => ({
    id: fieldId(idPrefix + prefix + key),
    value: values[key] as string,
    onChange: (value: string) => setValues((current) => ({ ...current, [key]: value })),
    error: errorFor(prefix + key),
  });
  return { values, bind };
}
