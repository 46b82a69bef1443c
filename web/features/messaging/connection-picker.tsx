import { useTranslation } from 'react-i18next';
import type { MemberRef } from '#common/connections';
import { Avatar } from '#web/components/avatar';
import { PickerFrame } from '#web/components/member-picker';
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
  return (
    <PickerFrame
      label={label}
      searchLabel={t('messaging.group.search')}
      value={value}
      onChange={onChange}
      max={max}
      hint={hint}
      errors={errors}
      testId="connection-picker"
      pickedLabel={t('messaging.group.picked')}
      results={(term, pick) => <ConnectionResults term={term} value={value} onPick={pick} />}
    />
  );
}

function ConnectionResults({
  term,
  value,
  onPick,
}: {
  term: string;
  value: MemberRef[];
  onPick: (member: MemberRef) => void;
}) {
  const { t } = useTranslation();
  const found = useConnectionSearch(term);
  if (!found.data) return null;
  const picked = new Set(value.map((m) => m.id));
  const items = found.data.items.filter((c) => !picked.has(c.member.id));
  return (
    <ul
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
            onClick={() => onPick({ id: m.id, displayName: m.displayName })}
          >
            <Avatar id={m.id} name={m.displayName} size="sm" photoUrl={photo?.small} />
            {m.displayName}
          </button>
        </li>
      ))}
    </ul>
  );
}
