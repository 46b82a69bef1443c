import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberResults, type PickedMember } from '#web/components/member-picker';
import { inputClasses, RequiredMark } from '#web/components/ui/field';
import { useMemberSearch } from './use-exits';

export type { PickedMember };

/** Search members by name (kanji, kana or romaji) and pick one (the results as the shared picker shows them). */
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
            <MemberResults items={items} none={t('exits.picker.none')} onPick={onChange} />
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
