import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OFFER_FLAGS, type OfferFlag } from '#common/advice';
import { PeopleNav } from '#web/components/people-nav';
import { SearchBox } from '#web/components/search-box';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { useMe } from '#web/features/auth/use-me';
import { MemberCardView } from '#web/features/directory/member-card';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useOffering } from './use-advice';

const PAGE_SIZE = 24;

/**
 * `/mentors`: a preset of the directory (its own search, consent and visibility rules, and blocks)
 * filtered by what members offer — mentoring, side work, speaking — with a request button each.
 */
export function MentorsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('advice.mentors.title'));
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const offer: OfferFlag = (OFFER_FLAGS as readonly string[]).includes(params.get('offer') ?? '')
    ? (params.get('offer') as OfferFlag)
    : 'mentoring';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const list = useOffering(offer, q, page, PAGE_SIZE);
  const items = (list.data?.items ?? []).filter((m) => m.id !== me?.id);
  /** Keeps the offer and the search; a new search or offer starts at page 1. */
  const go = (next: { offer?: OfferFlag; q?: string; page?: number }) => {
    const merged = { offer, q, page: 1, ...next };
    const out: Record<string, string> = {};
    if (merged.offer !== 'mentoring') out.offer = merged.offer;
    if (merged.q) out.q = merged.q;
    if (merged.page > 1) out.page = String(merged.page);
    setParams(out);
  };

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <PeopleNav />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t('advice.mentors.title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('advice.mentors.lead')}</p>
        </div>
        <Link to="/advice" className={buttonClasses('secondary', 'sm')}>
          {t('advice.nav.mine')}
        </Link>
      </div>
      <nav
        aria-label={t('advice.mentors.tabsLabel')}
        className="flex flex-wrap gap-1 border-b border-slate-200"
      >
        {OFFER_FLAGS.map((value) => (
          <button
            key={value}
            type="button"
            aria-current={offer === value ? 'page' : undefined}
            onClick={() => go({ offer: value })}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              offer === value
                ? 'border-ai-700 text-ai-800'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t(`advice.offers.${value}`)}
          </button>
        ))}
      </nav>
      <SearchBox
        initialValue={q}
        onSearch={(value) => value !== q && go({ q: value })}
        label={t('advice.mentors.search')}
        placeholder={t('advice.mentors.searchPlaceholder')}
      />
      {list.error ? (
        <ErrorBanner message={t('errors.generic')} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <p className="text-sm text-slate-600">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
          {t('advice.mentors.empty')}
        </div>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="mentors">
          {items.map((member) => (
            <li key={member.id} className="flex flex-col gap-2">
              <div className="flex-1">
                <MemberCardView member={member} />
              </div>
              <Link
                to={`/advice/new?to=${member.id}`}
                className={buttonClasses('primary', 'sm')}
                aria-label={t('advice.mentors.askName', { name: member.displayName })}
              >
                {t('advice.mentors.ask')}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {list.data && (page > 1 || list.data.hasMore) && (
        <div className="flex justify-between gap-3">
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
            {t('pagination.previous')}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={!list.data.hasMore}
            onClick={() => go({ page: page + 1 })}
          >
            {t('pagination.next')}
          </Button>
        </div>
      )}
    </div>
  );
}
