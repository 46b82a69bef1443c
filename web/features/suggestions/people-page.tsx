import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { MemberCard } from '#common/directory';
import { SUGGESTION_LISTS, type Suggestion, type SuggestionList } from '#common/suggestions';
import { Avatar } from '#web/components/avatar';
import { PeopleNav } from '#web/components/people-nav';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useReasonSentence } from './reason';
import { useConnect, useDismissSuggestion, useSuggestions } from './use-suggestions';

function SuggestionCard({ item }: { item: Suggestion }) {
  const { t } = useTranslation();
  const reason = useReasonSentence();
  const dismiss = useDismissSuggestion();
  const connect = useConnect();
  const [error, setError] = useState<string | null>(null);
  const m: MemberCard = item.member;
  const now = [m.currentTitle, m.currentEmployer].filter(Boolean).join(' · ');
  return (
    <article
      className="flex h-full flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs"
      data-testid="suggestion"
      data-list={item.list}
    >
      <header className="flex items-start gap-3">
        <Avatar id={m.id} name={m.familyName} photoUrl={m.photo?.small} />
        <div className="min-w-0 flex-1">
          <h2 className="text-base font-semibold text-slate-900">
            <Link to={`/members/${m.id}`} className="hover:text-ai-700">
              {m.displayName}
            </Link>
          </h2>
          {now && <p className="text-sm text-slate-700 break-words">{now}</p>}
        </div>
      </header>
      <p className="text-sm text-ai-800" data-testid="reason">
        {reason(item.terms)}
      </p>
      {error && <p className="text-sm text-red-700">{error}</p>}
      <div className="mt-auto flex flex-wrap gap-2">
        <Button
          size="sm"
          isBusy={connect.isPending}
          disabled={connect.isSuccess}
          aria-label={connect.isSuccess ? undefined : t('people.connectLabel', { name: m.displayName })}
          onClick={() =>
            connect.mutate(m.id, {
              onError: (e) => setError(isApiError(e) ? e.message : t('errors.generic')),
            })
          }
        >
          {connect.isSuccess ? t('people.requested') : t('people.connect')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          isBusy={dismiss.isPending}
          aria-label={t('people.hideLabel', { name: m.displayName })}
          onClick={() => dismiss.mutate(m.id)}
        >
          {t('people.hide')}
        </Button>
      </div>
    </article>
  );
}

function ListView({ list }: { list: SuggestionList }) {
  const { t } = useTranslation();
  const query = useSuggestions(list, 20);
  if (query.error) return <ErrorBanner message={t('errors.generic')} onRetry={() => void query.refetch()} />;
  if (!query.data) return <p className="text-sm text-slate-600">{t('common.loading')}</p>;
  if (query.data.items.length === 0)
    return (
      <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
        {t(`people.empty.${list}`)}
      </div>
    );
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {query.data.items.map((item) => (
        <li key={item.member.id}>
          <SuggestionCard item={item} />
        </li>
      ))}
    </ul>
  );
}

/** /people — 見つける / People to meet (issue 12 §2, decision 038). */
export function PeoplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('people.title'));
  const [params, setParams] = useSearchParams();
  const list: SuggestionList = params.get('list') === 'diagonal' ? 'diagonal' : 'know';
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <PeopleNav />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('people.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('people.lead')}</p>
      </div>
      <nav aria-label={t('people.title')} className="flex flex-wrap gap-1 border-b border-slate-200">
        {SUGGESTION_LISTS.map((value) => (
          <button
            key={value}
            type="button"
            aria-current={list === value ? 'page' : undefined}
            onClick={() => setParams(value === 'know' ? {} : { list: value })}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              list === value
                ? 'border-ai-700 text-ai-800'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t(`people.tabs.${value}`)}
          </button>
        ))}
      </nav>
      <ListView key={list} list={list} />
    </div>
  );
}
