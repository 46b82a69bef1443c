import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClasses, RequiredMark } from '#web/components/ui/field';
import { useMemberSearch } from './use-exits';

export interface PickedMember {
  id: string;
  displayName: string;
}

/** Search members by name (kanji, kana or romaji) and pick one. */
export function MemberPicker({
  label,
  value,
  onChange,
  errors,
  roles,
  name,
  excludeId,
  hint,
  isRequired,
}: {
  label: string;
  value: PickedMember | null;
  onChange: (member: PickedMember | null) => void;
  errors?: readonly string[];
  roles?: string;
  name: string;
  /** Left out of the results (e.g. the viewer, who cannot open their own case). */
  excludeId?: string;
  hint?: string;
  isRequired?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const results = useMemberSearch(q, roles);
  const items = results.data?.items.filter((m) => m.id !== excludeId) ?? [];
  const errorId = `${id}-errors`;
  const hintId = `${id}-hint`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {isRequired && <RequiredMark />}
      {value ? (
        <div className="mt-1 flex items-center gap-3 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2">
          <span className="font-medium text-slate-900" data-testid={`${name}-picked`}>
            {value.displayName}
          </span>
          <button
            type="button"
            className="text-sm text-ai-700 underline"
            onClick={() => {
              onChange(null);
              setQ('');
            }}
          >
            {t('exits.picker.change')}
          </button>
        </div>
      ) : (
        <>
          <input
            id={id}
            name={name}
            type="search"
            autoComplete="off"
            value={q}
            placeholder={t('exits.picker.placeholder')}
            onChange={(e) => setQ(e.target.value)}
            aria-invalid={errors && errors.length > 0 ? true : undefined}
            aria-required={isRequired || undefined}
            aria-describedby={
              [hint ? hintId : '', errors && errors.length > 0 ? errorId : ''].filter(Boolean).join(' ') ||
              undefined
            }
            className={`${inputClasses} mt-1`}
          />
          {q.trim() && results.data && (
            <ul className="mt-1 max-h-60 overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm">
              {items.length === 0 && (
                <li className="px-3 py-2 text-sm text-slate-600">{t('exits.picker.none')}</li>
              )}
              {items.map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    className="w-full px-3 py-2 text-left text-sm hover:bg-ai-50 focus-visible:bg-ai-50"
                    onClick={() => onChange({ id: m.id, displayName: m.displayName })}
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
        </>
      )}
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
