import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryResult } from '#common/directory';
import { inputClasses } from '#web/components/ui/field';
import { describedBy, FieldErrors } from '#web/components/ui/field-errors';
import { api } from '#web/lib/api';
import { toQueryString } from '#web/lib/query-string';

export interface PickedMember {
  id: string;
  displayName: string;
}

/**
 * The one member picker: search the directory by name (kanji, kana or romaji), pick one or more
 * (chips with a remove button), as the jobs form (a confidential group), a group's invitations and
 * HR's company posters need. The server still decides who may be picked; this only finds them.
 */
export function MemberPicker({
  label,
  value,
  onChange,
  errors,
  scope,
  roles,
  max,
  hint,
}: {
  /** The fieldset's legend: what the members are picked for. */
  label: string;
  value: PickedMember[];
  onChange: (members: PickedMember[]) => void;
  errors?: readonly string[];
  /** `all`: HR's scope of the directory (unlisted members too); otherwise what the viewer may find. */
  scope?: 'all';
  /** Only these roles (comma-separated), e.g. `employee`. */
  roles?: string;
  /** At most this many; the search hides once reached. */
  max?: number;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <PickerFrame
      label={label}
      searchLabel={t('memberPicker.search')}
      value={value}
      onChange={onChange}
      errors={errors}
      max={max}
      hint={hint}
      testId="member-picker"
      results={(term, pick) => (
        <DirectoryResults term={term} scope={scope} roles={roles} value={value} onPick={pick} />
      )}
    />
  );
}

function DirectoryResults({
  term,
  scope,
  roles,
  value,
  onPick,
}: {
  term: string;
  scope?: 'all';
  roles?: string;
  value: PickedMember[];
  onPick: (member: PickedMember) => void;
}) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: ['member-picker', scope ?? '', roles ?? '', term],
    queryFn: ({ signal }) =>
      api<DirectoryResult>(`/directory${toQueryString({ scope, role: roles, q: term, pageSize: 8 })}`, {
        signal,
      }),
    staleTime: 30_000,
  });
  if (!results.data) return null;
  const picked = new Set(value.map((m) => m.id));
  return (
    <MemberResults
      items={results.data.items.filter((m) => !picked.has(m.id))}
      none={t('memberPicker.none')}
      onPick={onPick}
    />
  );
}

/**
 * What every people picker shares (the directory's above, messaging's among one's connections):
 * the picked people as chips with a remove button, a search box that hides once `max` are picked,
 * a hint and the field's errors. `results` lists what the caller's search found for the typed
 * term; picking one adds it and clears the box.
 */
export function PickerFrame({
  label,
  searchLabel,
  value,
  onChange,
  errors,
  max,
  hint,
  testId,
  pickedLabel,
  results,
}: {
  label: string;
  searchLabel: string;
  value: PickedMember[];
  onChange: (members: PickedMember[]) => void;
  errors?: readonly string[];
  max?: number;
  hint?: string;
  testId: string;
  /** An accessible name for the chips' list. */
  pickedLabel?: string;
  results: (term: string, pick: (member: PickedMember) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-errors`;
  const hintId = `${id}-hint`;
  const [q, setQ] = useState('');
  const term = q.trim();
  const hasErrors = !!errors && errors.length > 0;
  const full = max !== undefined && value.length >= max;
  return (
    <fieldset className="rounded-xl border border-slate-200 p-4" data-testid={testId}>
      <legend className="px-1 text-sm font-medium text-slate-800">{label}</legend>
      {value.length === 0 ? (
        <p className="text-sm text-slate-500">{t('memberPicker.empty')}</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5" data-testid="picked-members" aria-label={pickedLabel}>
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
            {searchLabel}
          </label>
          <input
            id={id}
            type="search"
            autoComplete="off"
            value={q}
            placeholder={t('memberPicker.placeholder')}
            onChange={(e) => setQ(e.target.value)}
            aria-invalid={hasErrors || undefined}
            aria-describedby={describedBy(hint ? hintId : null, hasErrors ? errorId : null)}
            className={`${inputClasses} mt-1`}
          />
          {term &&
            results(term, (member) => {
              onChange([...value, member]);
              setQ('');
            })}
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

/** The found members under a picker's search box: name, departments and role; a click picks one. */
export function MemberResults({
  items,
  none,
  onPick,
}: {
  items: DirectoryResult['items'];
  none: string;
  onPick: (member: PickedMember) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="mt-1 max-h-60 overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      {items.length === 0 && <li className="px-3 py-2 text-sm text-slate-600">{none}</li>}
      {items.map((m) => (
        <li key={m.id}>
          <button
            type="button"
            className="w-full px-3 py-2 text-left text-sm hover:bg-ai-50 focus-visible:bg-ai-50"
            onClick={() => onPick({ id: m.id, displayName: m.displayName })}
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
  );
}
