import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { GROUP_KINDS } from '#common/groups';
import { SearchBox } from '#web/components/search-box';
import { ErrorBanner } from '#web/components/ui/banners';
import { buttonClasses } from '#web/components/ui/button';
import { Pagination } from '#web/components/ui/pagination';
import { Select } from '#web/components/ui/select';
import { isHrRole, useMe } from '#web/features/auth/use-me';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { GroupCardView, useReasonText } from './group-card';
import { useGroups, useGroupsForYou } from './use-groups';

const PAGE_SIZE = 24;
const TABS = ['all', 'mine', 'for-you'] as const;
type Tab = (typeof TABS)[number];

function Empty({ text }: { text: string }) {
  return (
    <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
      {text}
    </div>
  );
}

function ForYouList() {
  const { t } = useTranslation();
  const reason = useReasonText();
  const groups = useGroupsForYou(20);
  if (groups.error)
    return <ErrorBanner message={t('errors.generic')} onRetry={() => void groups.refetch()} />;
  if (!groups.data) return <p className="text-sm text-slate-600">{t('common.loading')}</p>;
  if (groups.data.items.length === 0) return <Empty text={t('groups.empty.forYou')} />;
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {groups.data.items.map(({ group, reasons }) => (
        <li key={group.id}>
          <GroupCardView group={group}>
            <p className="text-xs font-medium text-ai-700">{reasons.map(reason).join(' / ')}</p>
          </GroupCardView>
        </li>
      ))}
    </ul>
  );
}

/** `/groups`: browse and search the groups the viewer may see; mine; suggested for me. */
export function GroupsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('groups.title'));
  const format = useFormat();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'all';
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useGroups({
    q: q || undefined,
    kind: kind || undefined,
    mine: tab === 'mine',
    page,
    pageSize: PAGE_SIZE,
  });
  const set = (change: Record<string, string>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [k, v] of Object.entries(change)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (!('page' in change)) next.delete('page');
      return next;
    });
  const data = list.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 0;

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t('groups.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('groups.lead')}</p>
        </div>
        <Link to="/groups/new" className={buttonClasses('secondary', 'sm')}>
          {me && isHrRole(me.role) ? t('groups.newGroupHr') : t('groups.newGroup')}
        </Link>
      </div>
      <nav aria-label={t('groups.title')} className="flex flex-wrap gap-1 border-b border-slate-200">
        {TABS.map((value) => (
          <button
            key={value}
            type="button"
            aria-current={tab === value ? 'page' : undefined}
            onClick={() => set({ tab: value === 'all' ? '' : value })}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              tab === value
                ? 'border-ai-700 text-ai-800'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t(`groups.tabs.${value === 'for-you' ? 'forYou' : value}`)}
          </button>
        ))}
      </nav>
      {tab === 'for-you' ? (
        <ForYouList />
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-[1fr_16rem] sm:items-end">
            <SearchBox
              initialValue={q}
              onSearch={(value) => value !== q && set({ q: value })}
              label={t('groups.search.label')}
              placeholder={t('groups.search.placeholder')}
            />
            <Select
              label={t('groups.kindFilter')}
              name="kind"
              value={kind}
              emptyOption={t('groups.anyKind')}
              options={GROUP_KINDS.map((k) => ({ value: k, label: t(`groups.kinds.${k}`) }))}
              onChange={(e) => set({ kind: e.target.value })}
            />
          </div>
          <p className="text-sm text-slate-700" aria-live="polite">
            {data ? t('groups.count', { count: data.total, formatted: format.number(data.total) }) : ''}
          </p>
          {list.error && !data ? (
            <ErrorBanner
              message={isApiError(list.error) ? list.error.message : t('errors.generic')}
              onRetry={() => void list.refetch()}
            />
          ) : !data ? (
            <p className="text-sm text-slate-600">{t('common.loading')}</p>
          ) : data.items.length === 0 ? (
            <Empty text={tab === 'mine' && !q && !kind ? t('groups.empty.mine') : t('groups.empty.body')} />
          ) : (
            <>
              <ul
                className={`grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 ${list.isPlaceholderData ? 'opacity-60' : ''}`}
              >
                {data.items.map((group) => (
                  <li key={group.id}>
                    <GroupCardView group={group} />
                  </li>
                ))}
              </ul>
              <Pagination page={page} pageCount={pageCount} onChange={(p) => set({ page: String(p) })} />
            </>
          )}
        </>
      )}
    </div>
  );
}
