import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import { Field, inputClasses } from './field';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  options: readonly SelectOption[];
  hint?: ReactNode;
  errors?: readonly string[];
  aside?: ReactNode;
  containerClassName?: string;
  /** A first option with an empty value (e.g. "— not set —"). */
  emptyOption?: string;
}

export function Select({
  label,
  options,
  hint,
  errors,
  aside,
  containerClassName,
  emptyOption,
  className = '',
  ...rest
}: SelectProps) {
  return (
    <Field
      label={label}
      hint={hint}
      errors={errors}
      aside={aside}
      className={containerClassName}
      isRequired={rest.required}
    >
      {(control) => (
        <select
          {...control}
          aria-required={rest.required || undefined}
          className={`${inputClasses} pr-8 ${className}`}
          {...rest}
        >
          {emptyOption !== undefined && <option value="">{emptyOption}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A compact select without the label row, for use inside another field's label row or a table. */
export function InlineSelect({
  label,
  options,
  errors,
  className = '',
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  /** Accessible name (not shown). */
  label: string;
  options: readonly SelectOption[];
  errors?: readonly string[];
}) {
  const id = useId();
  const errorId = `${id}-errors`;
  const hasErrors = !!errors && errors.length > 0;
  return (
    <span className="inline-flex flex-col items-end">
      <select
        id={id}
        aria-label={label}
        aria-invalid={hasErrors || undefined}
        aria-describedby={hasErrors ? errorId : undefined}
        className={
          'rounded-md border border-slate-300 bg-white py-1 pr-7 pl-2 text-xs text-slate-700 ' +
          `aria-invalid:border-red-600 ${className}`
        }
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      {hasErrors && (
        <span id={errorId} className="mt-1 text-right text-xs text-red-700">
          {errors.join(' ')}
        </span>
      )}
    </span>
  );
}
