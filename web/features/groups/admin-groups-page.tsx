import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupCard } from '#common/groups';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { TextArea } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { GroupBadges } from './group-card';
import { groupDescription, groupName, useDecideGroup, useGroups } from './use-groups';

function Proposal({ group }: { group: GroupCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [note, setNote] = useState('');
  const decide = useDecideGroup();
  const description = groupDescription(group, format.lang);
  return (
    <li
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs"
      data-testid="group-proposal"
    >
      <h2 className="text-base font-semibold text-slate-900 break-words">
        <Link to={`/groups/${group.id}`} className="hover:text-ai-700">
          {groupName(group, format.lang)}
        </Link>
      </h2>
      <GroupBadges group={group} />
      {description && <p className="whitespace-pre-line text-sm text-slate-700 break-words">{description}</p>}
      <p className="text-xs text-slate-500">{format.dateTime(group.createdAt)}</p>
      <TextArea
        label={t('groups.admin.note')}
        name={`note-${group.id}`}
        rows={2}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          isBusy={decide.isPending}
          onClick={() => decide.mutate({ id: group.id, decision: 'approve', note })}
        >
          {t('groups.admin.approve')}
        </Button>
        <Button
          size="sm"
          variant="danger"
          isBusy={decide.isPending}
          onClick={() => decide.mutate({ id: group.id, decision: 'decline', note })}
        >
          {t('groups.admin.decline')}
        </Button>
      </div>
      {decide.error && (
        <ErrorBanner message={isApiError(decide.error) ? decide.error.message : t('errors.generic')} />
      )}
    </li>
  );
}

/** `/admin/groups`: HR approves or declines the interest groups members proposed. */
export function AdminGroupsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('groups.admin.title'));
  const pending = useGroups({ status: 'pending', pageSize: 50 });
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t('groups.admin.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('groups.admin.lead')}</p>
        </div>
        <Link to="/groups" className="text-sm text-ai-700 underline">
          {t('groups.admin.allGroups')}
        </Link>
      </div>
      {pending.error ? (
        <ErrorBanner message={t('errors.generic')} onRetry={() => void pending.refetch()} />
      ) : !pending.data ? (
        <p className="text-sm text-slate-600">{t('common.loading')}</p>
      ) : pending.data.items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
          {t('groups.admin.empty')}
        </p>
      ) : (
        <ul className="space-y-4">
          {pending.data.items.map((g) => (
            <Proposal key={g.id} group={g} />
          ))}
        </ul>
      )}
    </div>
  );
}
