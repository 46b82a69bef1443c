import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldErrors } from './field-errors';

export const inputClasses =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-xs ' +
  // The focus ring is the one rule for every text control in styles.css.
  'placeholder:text-slate-400 focus:border-ai-500 disabled:bg-slate-100 ' +
  'aria-invalid:border-red-600';

/** What a control spreads on itself so its label, hint and errors are announced with it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Ids for a control, its hint and its error list, and the attributes that tie them together. */
export function useFieldControl({ hint, errors }: { hint?: ReactNode; errors?: readonly string[] }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-errors`;
  const hasErrors = !!errors && errors.length > 0;
  const control: FieldControlProps = {
    id,
    'aria-invalid': hasErrors || undefined,
    'aria-describedby': describedBy(hint ? hintId : null, hasErrors ? errorId : null),
  };
  return { control, hintId, errorId };
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  /** Rendered at the right of the label row (e.g. a visibility chooser). */
  aside?: ReactNode;
  className?: string;
  /** Shows the required marker after the label (the control itself carries `required`). */
  isRequired?: boolean;
  /** The control; spread `control` on it. */
  children: (control: FieldControlProps) => ReactNode;
}

/** Label, control, hint and error list laid out and wired the same way for every field. */
export function Field({ label, hint, errors, aside, className, isRequired, children }: FieldProps) {
  const { control, hintId, errorId } = useFieldControl({ hint, errors });
  return (
    <div className={className}>
      <div className="mb-1 flex flex-wrap items-end justify-between gap-x-3 gap-y-1">
        {/* The marker stays outside the label so the field's name is exactly the label text. */}
        <span>
          <label htmlFor={control.id} className="text-sm font-medium text-slate-800">
            {label}
          </label>
          {isRequired && <RequiredMark />}
        </span>
        {aside}
      </div>
      {children(control)}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

/** The visible "required" marker; screen readers hear `required` on the control instead. */
export function RequiredMark() {
  return (
    <span aria-hidden="true" className="ml-0.5 font-bold text-red-700" data-required-mark="">
      *
    </span>
  );
}

/** One line at the top of a form that explains the marker. */
export function RequiredLegend() {
  const { t } = useTranslation();
  return <p className="text-sm text-slate-600">{t('validation.requiredLegend')}</p>;
}
