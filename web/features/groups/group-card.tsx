import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupCard, GroupReason } from '#common/groups';
import { Badge } from '#web/components/ui/badge';
import { useFormat } from '#web/lib/format';
import { groupDescription, groupName } from './use-groups';

/** The badges of a group: kind, official, employees only, state. */
export function GroupBadges({ group }: { group: GroupCard }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap gap-1.5">
      <Badge tone="ai">{t(`groups.kinds.${group.kind}`)}</Badge>
      {group.official && <Badge tone="shu">{t('groups.official')}</Badge>}
      {group.visibility === 'internal' && <Badge tone="amber">{t('groups.internal')}</Badge>}
      {group.status !== 'active' && (
        <Badge tone={group.status === 'declined' ? 'red' : 'neutral'}>
          {t(`groups.statuses.${group.status}`)}
        </Badge>
      )}
      {group.myState === 'active' && <Badge tone="green">{t('groups.actions.member')}</Badge>}
      {group.myState === 'requested' && <Badge tone="neutral">{t('groups.actions.requested')}</Badge>}
    </div>
  );
}

export function useReasonText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (r: GroupReason) =>
    t(`groups.reasons.${r.kind}`, { value: r.kind === 'country' ? format.country(r.value) : r.value });
}

/** One group in a list (all text rendered as text); `children` adds to the card (why it is suggested). */
export function GroupCardView({ group, children }: { group: GroupCard; children?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const description = groupDescription(group, format.lang);
  return (
    <article
      className="relative flex h-full flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs transition-shadow focus-within:ring-2 focus-within:ring-ai-300 hover:shadow-md"
      data-testid="group-card"
    >
      <h3 className="text-base font-semibold text-slate-900 break-words">
        <Link
          to={`/groups/${group.id}`}
          className="after:absolute after:inset-0 after:rounded-2xl hover:text-ai-700 focus-visible:outline-none"
        >
          {groupName(group, format.lang)}
        </Link>
      </h3>
      <GroupBadges group={group} />
      {description && <p className="line-clamp-2 text-sm text-slate-600 break-words">{description}</p>}
      <p className="mt-auto text-xs text-slate-500">
        {t('groups.members', { count: group.memberCount, formatted: format.number(group.memberCount) })}
        {' · '}
        {t(`groups.policies.${group.joinPolicy}`)}
      </p>
      {children}
    </article>
  );
}
