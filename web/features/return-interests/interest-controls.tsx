import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnInterest } from '../../../common/return-interests';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Spinner } from '../../components/ui/spinner';
import { TextField } from '../../components/ui/text-field';
import { useLanguage } from '../../lib/format';

/** An on/off switch (role="switch") with a visible label and an explanation read with it. */
export function Switch({
  checked,
  onChange,
  label,
  description,
  disabled = false,
  isBusy = false,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
  isBusy?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={description ? `${id}-description` : undefined}
        aria-busy={isBusy || undefined}
        disabled={disabled || isBusy}
        onClick={() => onChange(!checked)}
        className={
          'relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors ' +
          'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-ai-500 ' +
          'disabled:cursor-not-allowed disabled:opacity-60 ' +
          (checked ? 'bg-ai-700' : 'bg-slate-300')
        }
      >
        <span
          aria-hidden="true"
          className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${checked ? 'translate-x-5' : 'translate-x-0.5'}`}
        />
      </button>
      <div className="min-w-0 flex-1 text-sm">
        <p id={`${id}-label`} className="flex items-center gap-2 font-medium text-slate-900">
          {label}
          {isBusy && <Spinner size="sm" />}
        </p>
        {description && (
          <p id={`${id}-description`} className="mt-0.5 text-slate-600">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * A list of short entries typed one by one (Enter, the Add button or leaving the field adds the
 * entry), shown as removable chips. Errors of the list and of single entries show under it.
 */
export function ChipInput({
  label,
  hint,
  values,
  errors,
  onChange,
  maxLength,
}: {
  label: string;
  hint?: string;
  values: string[];
  errors?: string[];
  onChange: (values: string[]) => void;
  maxLength?: number;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    const value = draft.trim();
    if (!value) return;
    if (!values.some((v) => v.toLowerCase() === value.toLowerCase())) onChange([...values, value]);
    setDraft('');
  };
  return (
    <div>
      <div className="flex items-end gap-2">
        <TextField
          label={label}
          hint={hint}
          value={draft}
          errors={errors}
          maxLength={maxLength}
          containerClassName="min-w-0 flex-1"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          onBlur={add}
        />
        <Button
          variant="secondary"
          onClick={add}
          aria-label={t('returnInterest.chips.addLabel', { field: label })}
          className={hint || (errors && errors.length > 0) ? 'self-center' : ''}
        >
          {t('returnInterest.chips.add')}
        </Button>
      </div>
      {values.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label={label}>
          {values.map((v) => (
            <li key={v}>
              <button
                type="button"
                className="inline-flex items-center gap-1 rounded-full bg-ai-50 px-3 py-1 text-sm text-ai-800 ring-1 ring-ai-200 hover:bg-ai-100 focus-visible:outline-3 focus-visible:outline-ai-500"
                onClick={() => onChange(values.filter((x) => x !== v))}
                aria-label={t('returnInterest.chips.remove', { value: v })}
              >
                {v} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The API's messages for a list field: `preferredRoles` and `preferredRoles.2` (one entry), the
 * latter prefixed with the entry it is about.
 */
export function listErrors(fields: Record<string, string[]>, name: string, sent: string[]): string[] {
  return Object.entries(fields).flatMap(([key, messages]) => {
    if (key === name) return messages;
    if (!key.startsWith(`${name}.`)) return [];
    const entry = sent[Number(key.slice(name.length + 1))];
    return entry === undefined ? messages : messages.map((m) => `「${entry}」: ${m}`);
  });
}

/** Status of one interest as the member should read it: visible to HR, hidden, or withdrawn. */
export function InterestStatusBadge({ interest }: { interest: ReturnInterest }) {
  const { t } = useTranslation();
  if (interest.status === 'withdrawn') return <Badge>{t('returnInterest.status.withdrawn')}</Badge>;
  return interest.visibleToHr ? (
    <Badge tone="green">{t('returnInterest.status.visible')}</Badge>
  ) : (
    <Badge tone="amber">{t('returnInterest.status.hidden')}</Badge>
  );
}

/** A day in the member's own zone and language (2026年11月24日 / November 24, 2026). */
export function useDay() {
  const lang = useLanguage();
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'long' });
  return (iso: string) => format.format(new Date(iso));
}
