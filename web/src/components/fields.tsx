import { type ReactNode, useEffect, useId, useRef } from "react";
import { type FieldError, fieldId } from "../api";

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

function Described({ id, hint, error }: Omit<FieldProps, "label">) {
  return (
    <>
      {hint && (
        <p className="ds_hint-text" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="ds_question__error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

const describedBy = ({ id, hint, error }: FieldProps) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

const questionClass = (error?: string) => `ds_question${error ? " ds_question--error" : ""}`;

export function TextInput(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    type?: string;
    inputMode?: "decimal" | "numeric" | "email" | "text";
    autoComplete?: string;
  },
) {
  const { id, label, value, onChange, type = "text", inputMode, autoComplete, error } = props;
  return (
    <div className={questionClass(error)}>
      <label className="ds_label" htmlFor={id}>
        {label}
      </label>
      <Described {...props} />
      <input
        className={`ds_input${error ? " ds_input--error" : ""}`}
        id={id}
        name={id}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function Textarea(props: FieldProps & { value: string; onChange: (value: string) => void }) {
  const { id, label, value, onChange, error } = props;
  return (
    <div className={questionClass(error)}>
      <label className="ds_label" htmlFor={id}>
        {label}
      </label>
      <Described {...props} />
      <textarea
        className={`ds_input${error ? " ds_input--error" : ""}`}
        id={id}
        name={id}
        rows={4}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function Select(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    options: { value: string; label: string }[];
    placeholder?: string;
  },
) {
  const { id, label, value, onChange, options, placeholder = "Choose one", error } = props;
  return (
    <div className={questionClass(error)}>
      <label className="ds_label" htmlFor={id}>
        {label}
      </label>
      <Described {...props} />
      <div className="ds_select-wrapper">
        <select
          className={`ds_select${error ? " ds_select--error" : ""}`}
          id={id}
          name={id}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(props)}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <span className="ds_select-arrow" aria-hidden="true" />
      </div>
    </div>
  );
}

export function Radios(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    options: { value: string; label: string; hint?: string }[];
  },
) {
  const { id, label, value, onChange, options, error } = props;
  return (
    <fieldset className={questionClass(error)} id={id} aria-describedby={describedBy(props)}>
      <legend className="ds_label">{label}</legend>
      <Described {...props} />
      <div className="ds_radios">
        {options.map((o) => (
          <div className="ds_radio" key={o.value}>
            <input
              className="ds_radio__input"
              type="radio"
              id={`${id}-${o.value}`}
              name={id}
              value={o.value}
              checked={value === o.value}
              aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
              onChange={() => onChange(o.value)}
            />
            <label className="ds_radio__label" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
            {o.hint && (
              <p className="ds_hint-text" id={`${id}-${o.value}-hint`}>
                {o.hint}
              </p>
            )}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Lists what needs fixing, linked to each field; takes focus when it appears. */
export function ErrorSummary({ errors, detail }: { errors: FieldError[]; detail?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (errors.length || detail) ref.current?.focus();
  }, [errors, detail]);
  if (!errors.length && !detail) return null;
  return (
    <div
      className="ds_error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby={titleId}
    >
      <h2 className="ds_error-summary__title" id={titleId}>
        There is a problem
      </h2>
      {detail && <p>{detail}</p>}
      <ul className="ds_error-summary__list">
        {errors.map((e) => (
          <li key={`${e.path}-${e.message}`}>
            <a href={`#${fieldId(e.path)}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Button({
  children,
  secondary,
  disabled,
}: {
  children: ReactNode;
  secondary?: boolean;
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      className={`ds_button${secondary ? " ds_button--secondary" : ""}`}
      disabled={disabled}
    >
      {children}
    </button>
  );
}

export function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="ds_checkbox">
      <input
        className="ds_checkbox__input"
        type="checkbox"
        id={id}
        name={id}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="ds_checkbox__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

/** A group of checkboxes for a list of choices, with one legend and one error. */
export function Checkboxes({
  id,
  legend,
  hint,
  error,
  options,
  selected,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <div className={questionClass(error)} id={id}>
      <fieldset aria-describedby={describedBy({ id, label: legend, hint, error })}>
        <legend className="ds_label">{legend}</legend>
        <Described id={id} hint={hint} error={error} />
        {options.map((o) => (
          <div className="ds_checkbox ds_checkbox--small" key={o.value}>
            <input
              className="ds_checkbox__input"
              type="checkbox"
              id={`${id}-${o.value}`}
              checked={selected.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <label className="ds_checkbox__label" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
