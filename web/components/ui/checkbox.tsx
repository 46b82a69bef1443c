import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFieldControl } from './field';
import { FieldErrors } from './field-errors';

interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: ReactNode;
  /** Extra text after the label, e.g. a facet count. */
  detail?: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  containerClassName?: string;
}

export function Checkbox({ label, detail, hint, errors, containerClassName = '', ...rest }: CheckboxProps) {
  const { control, hintId, errorId } = useFieldControl({ hint, errors });
  return (
    <div className={containerClassName}>
      <div className="flex items-start gap-2.5">
        <input
          {...control}
          type="checkbox"
          className="mt-0.5 size-[1.125rem] shrink-0 rounded border-slate-400 accent-ai-700"
          {...rest}
        />
        <label
          htmlFor={control.id}
          className="flex min-w-0 flex-1 items-baseline justify-between gap-2 text-sm text-slate-800"
        >
          <span className="min-w-0 break-words">{label}</span>
          {detail !== undefined && (
            <span className="shrink-0 text-xs tabular-nums text-slate-500">{detail}</span>
          )}
        </label>
      </div>
      {hint && (
        <p id={hintId} className="mt-0.5 ml-7 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
