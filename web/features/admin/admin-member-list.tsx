import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectoryFacets, DirectoryResult } from '#common/directory';
import { DIRECTORY_MAX_PAGE_SIZE } from '#common/reference';
import { RoleBadge } from '#web/components/member-badges';
import { SearchBox } from '#web/components/search-box';
import { ErrorBanner } from '#web/components/ui/banners';
import { DataTable } from '#web/components/ui/data-table';
import { Pagination } from '#web/components/ui/pagination';
import { Spinner } from '#web/components/ui/spinner';
import { api, isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { toQueryString } from '#web/lib/query-string';

const PAGE_SIZE = DIRECTORY_MAX_PAGE_SIZE;

/**
 * Every member, 50 a page, through the directory (HR sees every field there) — including members
 * not listed in the directory (`scope=all`, decision 010).
 */
export function AdminMemberList() {
  const { t } = useTranslation();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const qs = toQueryString({ q: q || undefined, sort: 'name', page, pageSize: PAGE_SIZE, scope: 'all' });
  const members = useQuery({
    queryKey: ['directory', qs],
    queryFn: ({ signal }) => api<DirectoryResult>(`/directory${qs}`, { signal }),
    placeholderData: keepPreviousData,
  });
  // The exact count comes with the facets of the same query.
  const counted = useQuery({
    queryKey: ['directory-facets', q, 'all'],
    queryFn: ({ signal }) =>
      api<DirectoryFacets>(`/directory/facets${toQueryString({ q: q || undefined, scope: 'all' })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const data = members.data;
  const total = counted.data?.total;
  const pageCount =
    total !== undefined ? Math.ceil(total / PAGE_SIZE) : data ? page + (data.hasMore ? 1 : 0) : 0;

  return (
    <div className="space-y-4">
      <div className="max-w-xl">
        <SearchBox
          initialValue={q}
          onSearch={(value) => {
            setQ(value);
            setPage(1);
          }}
        />
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {total !== undefined ? t('directory.count', { count: total, formatted: format.number(total) }) : ''}
      </p>
      {members.isPending ? (
        <Spinner />
      ) : members.isError ? (
        <ErrorBanner
          message={isApiError(members.error) ? members.error.message : t('errors.generic')}
          onRetry={() => void members.refetch()}
        />
      ) : (
        <>
          {/* On a phone, one card per member instead of a table to scroll sideways. */}
          <ul
            aria-label={t('admin.members.title')}
            aria-busy={members.isPlaceholderData || undefined}
            className={`divide-y divide-slate-100 sm:hidden ${members.isPlaceholderData ? 'opacity-60' : ''}`}
          >
            {members.data.items.map((m) => (
              <li key={m.id} className="py-3 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link to={`/members/${m.id}`} className="font-medium text-ai-700 hover:underline">
                    {m.displayName}
                  </Link>
                  <RoleBadge role={m.role} />
                </div>
                <p className="mt-1 break-words text-slate-700">
                  {[m.departments && format.list(m.departments), m.lastTitle].filter(Boolean).join(' · ')}
                </p>
                <p className="break-words text-slate-600">
                  {[m.currentEmployer, m.currentTitle, m.country && format.country(m.country)]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ul>
          {members.data.items.length === 0 && (
            <p className="py-6 text-center text-sm text-slate-500 sm:hidden">{t('directory.empty.title')}</p>
          )}
          <div className="hidden sm:block">
            <DataTable
              caption={t('admin.members.title')}
              minWidth="44rem"
              rows={members.data.items}
              rowKey={(m) => m.id}
              empty={t('directory.empty.title')}
              isBusy={members.isPlaceholderData}
              columns={[
                {
                  key: 'name',
                  header: t('invite.columns.name'),
                  cell: (m) => (
                    <Link to={`/members/${m.id}`} className="font-medium text-ai-700 hover:underline">
                      {m.displayName}
                    </Link>
                  ),
                },
                { key: 'role', header: t('invite.role'), cell: (m) => <RoleBadge role={m.role} /> },
                {
                  key: 'departments',
                  header: t('fields.departments'),
                  cell: (m) => m.departments && format.list(m.departments),
                  className: 'text-slate-700',
                },
                {
                  key: 'lastTitle',
                  header: t('fields.lastTitle'),
                  cell: (m) => m.lastTitle,
                  className: 'text-slate-700',
                },
                {
                  key: 'current',
                  header: t('fields.currentEmployer'),
                  cell: (m) => [m.currentEmployer, m.currentTitle].filter(Boolean).join(' · '),
                  className: 'text-slate-700',
                },
                {
                  key: 'country',
                  header: t('fields.country'),
                  cell: (m) => m.country && format.country(m.country),
                  className: 'text-slate-700',
                },
              ]}
            />
          </div>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} onChange={setPage} />
    </div>
  );
}
