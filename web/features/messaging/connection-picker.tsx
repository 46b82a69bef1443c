import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRef } from '#common/connections';
import { Avatar } from '#web/components/avatar';
import { inputClasses } from '#web/components/ui/field';
import { describedBy, FieldErrors } from '#web/components/ui/field-errors';
import { useConnectionSearch } from './use-messaging';

/**
 * Picks people among the viewer's own connections (a group conversation is for connections,
 * decision 039): search as you type by name — kanji, kana or romaji, the server's `q` filter —,
 * a chip with a remove button per picked person. The server still checks every participant.
 */
export function ConnectionPicker({
  label,
  value,
  onChange,
  max,
  hint,
  errors,
}: {
  label: string;
  value: MemberRef[];
  onChange: (people: MemberRef[]) => void;
  max: number;
  hint?: string;
  errors?: readonly string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-errors`;
  const resultsId = `${id}-results`;
  const [q, setQ] = useState('');
  const term = q.trim();
  const found = useConnectionSearch(term);
  const picked = new Set(value.map((m) => m.id));
  const items = found.data?.items.filter((c) => !picked.has(c.member.id)) ?? [];
  const hasErrors = !!errors && errors.length > 0;
  const full = value.length >= max;
  return (
    <fieldset className="rounded-xl border border-slate-200 p-4" data-testid="connection-picker">
      <legend className="px-1 text-sm font-medium text-slate-800">{label}</legend>
      {value.length === 0 ? (
        <p className="text-sm text-slate-500">{t('memberPicker.empty')}</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5" aria-label={t('messaging.group.picked')}>
          {value.map((m) => (
            <li
              key={m.id}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-sm text-slate-800"
            >
              {m.displayName}
              <button
                type="button"
                className="flex size-7 items-center justify-center rounded-full hover:bg-slate-200"
                aria-label={t('memberPicker.remove', { name: m.displayName })}
                onClick={() => onChange(value.filter((x) => x.id !== m.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {!full && (
        <>
          <label htmlFor={id} className="mt-3 block text-sm text-slate-700">
            {t('messaging.group.search')}
          </label>
          <input
            id={id}
            type="search"
            autoComplete="off"
            value={q}
            placeholder={t('memberPicker.placeholder')}
            onChange={(e) => setQ(e.target.value)}
            aria-invalid={hasErrors || undefined}
            aria-controls={resultsId}
            aria-describedby={describedBy(hint ? hintId : null, hasErrors ? errorId : null)}
            className={`${inputClasses} mt-1`}
          />
          {term && found.data && (
            <ul
              id={resultsId}
              aria-label={t('messaging.group.results')}
              className="mt-1 max-h-60 overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm"
            >
              {items.length === 0 && (
                <li className="px-3 py-2 text-sm text-slate-600">{t('messaging.group.none')}</li>
              )}
              {items.map(({ member: m, photo }) => (
                <li key={m.id}>
                  <button
                    type="button"
                    className="flex min-h-11 w-full items-center gap-2 px-3 py-2 text-left text-sm font-medium text-slate-900 hover:bg-ai-50 focus-visible:bg-ai-50"
                    onClick={() => {
                      onChange([...value, { id: m.id, displayName: m.displayName }]);
                      setQ('');
                    }}
                  >
                    <Avatar id={m.id} name={m.displayName} size="sm" photoUrl={photo?.small} />
                    {m.displayName}
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
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
