import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { Field, inputClasses } from '../../components/ui/field';

/** Splits typed text into terms: comma (either width), Japanese comma or new line. */
export const splitTerms = (text: string) =>
  text
    .split(/[,，、\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Adds terms to a list, skipping repeats (case aside), up to `max`. */
export function addTerms(list: string[], terms: string[], max: number): string[] {
  const next = [...list];
  for (const term of terms) {
    if (next.length >= max) break;
    if (!next.some((v) => v.toLowerCase() === term.toLowerCase())) next.push(term);
  }
  return next;
}

interface ChipInputProps {
  label: string;
  hint?: ReactNode;
  values: string[];
  onChange: (values: string[]) => void;
  /** What is typed but not yet a chip: kept by the form, so saving never drops it. */
  draft: string;
  onDraftChange: (text: string) => void;
  errors?: readonly string[];
  max: number;
  name: string;
}

/**
 * A list of short terms shown as chips. Enter or a comma turns the typed text into a chip;
 * Backspace in an empty box takes the last chip back into the box for editing. Leaving the box
 * does not: the chips moving the form down under the pointer would swallow the next click. The
 * form sends what is still typed as a term of its own.
 */
export function ChipInput({
  label,
  hint,
  values,
  onChange,
  draft,
  onDraftChange,
  errors,
  max,
  name,
}: ChipInputProps) {
  const { t } = useTranslation();
  const commit = () => {
    const terms = splitTerms(draft);
    if (terms.length === 0) return;
    onChange(addTerms(values, terms, max));
    onDraftChange('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',' || event.key === '、') {
      if (event.nativeEvent.isComposing) return; // the IME is still converting
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      event.preventDefault();
      onDraftChange(values[values.length - 1] ?? '');
      onChange(values.slice(0, -1));
    }
  };
  const full = values.length >= max;
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => (
        <div>
          {values.length > 0 && (
            <ul className="mb-2 flex flex-wrap gap-1.5" aria-label={t('jobAlerts.form.chosen', { label })}>
              {values.map((value) => (
                <li
                  key={value}
                  className="inline-flex items-center gap-1 rounded-full bg-ai-50 py-0.5 pr-1 pl-3 text-sm text-ai-800 ring-1 ring-ai-200"
                >
                  <span className="break-all">{value}</span>
                  <button
                    type="button"
                    className="inline-flex size-6 items-center justify-center rounded-full text-ai-700 hover:bg-ai-100 focus-visible:outline-3 focus-visible:outline-ai-300"
                    aria-label={t('jobAlerts.form.remove', { value })}
                    onClick={() => onChange(values.filter((v) => v !== value))}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="flex gap-2">
            <input
              {...control}
              name={name}
              className={inputClasses}
              value={draft}
              disabled={full}
              placeholder={full ? t('jobAlerts.form.full', { max }) : undefined}
              onChange={(e) => onDraftChange(e.target.value)}
              onKeyDown={onKeyDown}
              enterKeyHint="done"
              autoComplete="off"
            />
            <Button
              variant="secondary"
              className="shrink-0 whitespace-nowrap"
              onClick={commit}
              disabled={full || draft.trim() === ''}
            >
              {t('jobAlerts.form.add')}
            </Button>
          </div>
        </div>
      )}
    </Field>
  );
}
