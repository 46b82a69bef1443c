import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Avatar } from '#web/components/avatar';
import { PeopleNav } from '#web/components/people-nav';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Pagination } from '#web/components/ui/pagination';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { ConnectionsVisibilitySetting } from './connections-visibility-setting';
import {
  useBlock,
  useBlocked,
  useDecideRequest,
  useMyConnections,
  useRemoveConnection,
  useRequests,
} from './use-connections';

const TABS = ['connections', 'in', 'out', 'blocked'] as const;
type Tab = (typeof TABS)[number];
const PAGE_SIZE = 20;

function Empty({ text }: { text: string }) {
  return (
    <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
      {text}
    </div>
  );
}

function PersonRow({
  id,
  name,
  photoUrl,
  meta,
  children,
}: {
  id: string;
  name: string;
  photoUrl?: string | null;
  meta: ReactNode;
  children?: ReactNode;
}) {
  return (
    <li className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-center">
      <div className="flex min-w-0 flex-1 items-center gap-3">
        <Avatar id={id} name={name} photoUrl={photoUrl} />
        <div className="min-w-0">
          <Link to={`/members/${id}`} className="font-semibold text-slate-900 hover:underline">
            {name}
          </Link>
          <div className="text-sm text-slate-600">{meta}</div>
        </div>
      </div>
      {children && <div className="flex flex-wrap gap-2">{children}</div>}
    </li>
  );
}

function MyConnections({ page, onPage }: { page: number; onPage: (p: number) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useMyConnections(page, PAGE_SIZE);
  const remove = useRemoveConnection();
  if (list.error) return <ErrorBanner message={t('errors.generic')} onRetry={() => void list.refetch()} />;
  if (!list.data) return <p className="text-sm text-slate-600">{t('common.loading')}</p>;
  if (list.data.items.length === 0) return <Empty text={t('connections.empty.connections')} />;
  return (
    <>
      <p className="text-sm text-slate-700">{t('connections.count', { count: list.data.total })}</p>
      <ul className="space-y-3">
        {list.data.items.map((c) => (
          <PersonRow
            key={c.member.id}
            id={c.member.id}
            name={c.member.displayName}
            photoUrl={c.photo?.small}
            meta={t('connections.connectedOn', { date: format.date(c.connectedAt) })}
          >
            <Button variant="secondary" size="sm" onClick={() => remove.mutate(c.member.id)}>
              {t('connections.remove')}
            </Button>
          </PersonRow>
        ))}
      </ul>
      <Pagination
        page={page}
        pageCount={Math.max(1, Math.ceil(list.data.total / PAGE_SIZE))}
        onChange={onPage}
      />
    </>
  );
}

function Requests({ direction }: { direction: 'in' | 'out' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useRequests(direction);
  const decide = useDecideRequest();
  if (list.error) return <ErrorBanner message={t('errors.generic')} onRetry={() => void list.refetch()} />;
  if (!list.data) return <p className="text-sm text-slate-600">{t('common.loading')}</p>;
  if (list.data.items.length === 0) return <Empty text={t(`connections.empty.${direction}`)} />;
  return (
    <>
      {decide.error && (
        <ErrorBanner message={isApiError(decide.error) ? decide.error.message : t('errors.generic')} />
      )}
      <ul className="space-y-3">
        {list.data.items.map((r) => (
          <PersonRow
            key={r.id}
            id={r.member.id}
            name={r.member.displayName}
            meta={
              <>
                <span>{t('connections.sentOn', { date: format.date(r.createdAt) })}</span>
                {r.note && <p className="mt-1 whitespace-pre-line text-slate-800">{r.note}</p>}
              </>
            }
          >
            {direction === 'in' ? (
              <>
                <Button size="sm" onClick={() => decide.mutate({ id: r.id, decision: 'accept' })}>
                  {t('connections.accept')}
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => decide.mutate({ id: r.id, decision: 'decline' })}
                >
                  {t('connections.decline')}
                </Button>
              </>
            ) : (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => decide.mutate({ id: r.id, decision: 'withdraw' })}
              >
                {t('connections.withdraw')}
              </Button>
            )}
          </PersonRow>
        ))}
      </ul>
    </>
  );
}

function Blocked() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useBlocked();
  const block = useBlock();
  if (list.error) return <ErrorBanner message={t('errors.generic')} onRetry={() => void list.refetch()} />;
  if (!list.data) return <p className="text-sm text-slate-600">{t('common.loading')}</p>;
  if (list.data.items.length === 0) return <Empty text={t('connections.empty.blocked')} />;
  return (
    <ul className="space-y-3">
      {list.data.items.map((b) => (
        <li
          key={b.member.id}
          className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-slate-200 bg-white p-4"
        >
          <div>
            <p className="font-semibold text-slate-900">{b.member.displayName}</p>
            <p className="text-sm text-slate-600">
              {t('connections.blockedOn', { date: format.date(b.blockedAt) })}
            </p>
          </div>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => block.mutate({ memberId: b.member.id, block: false })}
          >
            {t('connections.unblock')}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** `/people/connections`: my connections, requests in and out, blocked members, and who sees my list. */
export function ConnectionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('connections.title'));
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'connections';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const incoming = useRequests('in');
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

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <PeopleNav />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('connections.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('connections.lead')}</p>
      </div>
      <nav aria-label={t('connections.title')} className="flex flex-wrap gap-1 border-b border-slate-200">
        {TABS.map((value) => (
          <button
            key={value}
            type="button"
            aria-current={tab === value ? 'page' : undefined}
            onClick={() => set({ tab: value === 'connections' ? '' : value })}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              tab === value
                ? 'border-ai-700 text-ai-800'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t(`connections.tabs.${value}`)}
            {value === 'in' && (incoming.data?.total ?? 0) > 0 && (
              <span className="ml-1.5 rounded-full bg-shu-600 px-1.5 text-xs text-white">
                {incoming.data?.total}
              </span>
            )}
          </button>
        ))}
      </nav>
      {tab === 'connections' && <MyConnections page={page} onPage={(p) => set({ page: String(p) })} />}
      {tab === 'in' && <Requests direction="in" />}
      {tab === 'out' && <Requests direction="out" />}
      {tab === 'blocked' && <Blocked />}
      {tab === 'connections' && <ConnectionsVisibilitySetting />}
    </div>
  );
}
