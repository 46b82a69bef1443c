import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { Field, inputClasses } from './field';

/** Only text controls: a <select> matches :read-only in Chromium. */
const readOnlyClasses = 'read-only:bg-slate-100 read-only:text-slate-600';

interface FieldOwnProps {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  aside?: ReactNode;
  containerClassName?: string;
}

interface TextFieldProps extends FieldOwnProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {}

export function TextField({
  label,
  hint,
  errors,
  aside,
  containerClassName,
  className = '',
  ...rest
}: TextFieldProps) {
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
        <input
          {...control}
          aria-required={rest.required || undefined}
          className={`${inputClasses} ${readOnlyClasses} ${className}`}
          {...rest}
        />
      )}
    </Field>
  );
}

interface TextAreaProps extends FieldOwnProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {}

export function TextArea({
  label,
  hint,
  errors,
  aside,
  containerClassName,
  className = '',
  ...rest
}: TextAreaProps) {
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
        <textarea
          {...control}
          aria-required={rest.required || undefined}
          className={`${inputClasses} ${readOnlyClasses} min-h-28 ${className}`}
          {...rest}
        />
      )}
    </Field>
  );
}
