import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClasses } from '#web/components/ui/field';
import { FieldErrors } from '#web/components/ui/field-errors';
import { useMemberSearch } from './use-jobs';

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
