import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { inputClasses } from '../../components/ui/field';
import { FieldErrors } from '../../components/ui/field-errors';
import { useMemberSearch } from './use-jobs';

/**
 * Skills as chips: Enter or a comma adds what was typed, × removes one. What is still in the box
 * is handed to the form on submit through `pending`, so nothing typed is lost.
 */
export function ChipsInput({
  label,
  hint,
  placeholder,
  values,
  onChange,
  pending,
  onPendingChange,
  errors,
}: {
  label: string;
  hint?: string;
  placeholder?: string;
  values: string[];
  onChange: (values: string[]) => void;
  pending: string;
  onPendingChange: (text: string) => void;
  errors?: readonly string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-errors`;
  const add = (text: string) => {
    const parts = text
      .split(/[,、，]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const seen = new Set(values.map((v) => v.normalize('NFKC').toLowerCase()));
    const next = [...values];
    for (const part of parts) {
      const key = part.normalize('NFKC').toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        next.push(part);
      }
    }
    onChange(next);
    onPendingChange('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'Enter' || e.key === ',') && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (pending.trim()) add(pending);
    } else if (e.key === 'Backspace' && pending === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  const hasErrors = !!errors && errors.length > 0;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {values.length > 0 && (
        <ul className="mb-2 flex flex-wrap gap-1.5" aria-label={label}>
          {values.map((value) => (
            <li
              key={value}
              className="inline-flex items-center gap-1 rounded-full bg-ai-50 py-0.5 pr-1 pl-2.5 text-sm text-ai-800 ring-1 ring-ai-200"
            >
              {value}
              <button
                type="button"
                className="rounded-full px-1.5 text-ai-700 hover:bg-ai-100"
                aria-label={t('jobs.form.removeSkill', { skill: value })}
                onClick={() => onChange(values.filter((v) => v !== value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <input
          id={id}
          value={pending}
          placeholder={placeholder}
          onChange={(e) => {
            const text = e.target.value;
            if (/[,、，]$/.test(text)) add(text);
            else onPendingChange(text);
          }}
          onKeyDown={onKeyDown}
          aria-invalid={hasErrors || undefined}
          aria-describedby={
            [hint ? hintId : '', hasErrors ? errorId : ''].filter(Boolean).join(' ') || undefined
          }
          className={`${inputClasses} min-w-0 flex-1`}
        />
        <Button variant="secondary" onClick={() => pending.trim() && add(pending)}>
          {t('jobs.form.addSkill')}
        </Button>
      </div>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

export interface PickedMember {
  id: string;
  displayName: string;
}

/** The members of a confidential group: search by name (kanji, kana, romaji), add, remove. */
export function GroupPicker({
  value,
  onChange,
  errors,
}: {
  value: PickedMember[];
  onChange: (members: PickedMember[]) => void;
  errors?: readonly string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-errors`;
  const [q, setQ] = useState('');
  const results = useMemberSearch(q);
  const picked = new Set(value.map((m) => m.id));
  const hasErrors = !!errors && errors.length > 0;
  return (
    <fieldset className="rounded-xl border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium text-slate-800">{t('jobs.form.groupMembers')}</legend>
      {value.length === 0 ? (
        <p className="text-sm text-slate-500">{t('jobs.form.groupEmpty')}</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5" data-testid="group-members">
          {value.map((m) => (
            <li
              key={m.id}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-sm text-slate-800"
            >
              {m.displayName}
              <button
                type="button"
                className="rounded-full px-1.5 hover:bg-slate-200"
                aria-label={t('jobs.form.removeMember', { name: m.displayName })}
                onClick={() => onChange(value.filter((x) => x.id !== m.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="mt-3 block text-sm text-slate-700">
        {t('jobs.form.groupSearch')}
      </label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={q}
        placeholder={t('jobs.form.groupSearchPlaceholder')}
        onChange={(e) => setQ(e.target.value)}
        aria-invalid={hasErrors || undefined}
        aria-describedby={hasErrors ? errorId : undefined}
        className={`${inputClasses} mt-1`}
      />
      {q.trim() && results.data && (
        <ul className="mt-1 max-h-60 overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          {results.data.items.length === 0 && (
            <li className="px-3 py-2 text-sm text-slate-600">{t('jobs.form.groupNone')}</li>
          )}
          {results.data.items
            .filter((m) => !picked.has(m.id))
            .map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="w-full px-3 py-2 text-left text-sm hover:bg-ai-50 focus-visible:bg-ai-50"
                  onClick={() => {
                    onChange([...value, { id: m.id, displayName: m.displayName }]);
                    setQ('');
                  }}
                >
                  <span className="font-medium text-slate-900">{m.displayName}</span>
                  {m.departments && m.departments.length > 0 && (
                    <span className="ml-2 text-slate-600">{m.departments.join(' / ')}</span>
                  )}
                  <span className="ml-2 text-xs text-slate-500">{t(`roles.${m.role}`)}</span>
                </button>
              </li>
            ))}
        </ul>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
