import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '#web/components/ui/card';
import { useFormat } from '#web/lib/format';
import { useReasonText } from './group-card';
import { groupName, useGroupsForYou } from './use-groups';

/** "Groups for you", on the home page: a compact list of suggestions with why (nothing when none). */
export function GroupsForYou({ limit = 4 }: { limit?: number } = {}) {
  const { t } = useTranslation();
  const format = useFormat();
  const reason = useReasonText();
  const groups = useGroupsForYou(limit);
  const items = groups.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      title={t('groups.forYou.title')}
      id="groups-for-you"
      actions={
        <Link to="/groups?tab=for-you" className="text-sm text-ai-700 underline">
          {t('groups.forYou.all')}
        </Link>
      }
    >
      <ul className="divide-y divide-slate-100" data-testid="groups-for-you">
        {items.map(({ group, reasons }) => (
          <li key={group.id} className="py-2.5">
            <Link
              to={`/groups/${group.id}`}
              className="font-medium text-slate-900 hover:text-ai-700 break-words"
            >
              {groupName(group, format.lang)}
            </Link>
            <p className="text-xs text-slate-600">
              {t(`groups.kinds.${group.kind}`)} ·{' '}
              {t('groups.members', { count: group.memberCount, formatted: format.number(group.memberCount) })}
            </p>
            <p className="text-xs text-ai-700">{reasons.map(reason).join(' / ')}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
