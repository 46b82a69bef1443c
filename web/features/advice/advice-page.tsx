import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AdviceRequest } from '#common/advice';
import { PeopleNav } from '#web/components/people-nav';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { TextArea } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useFlash } from '#web/lib/use-flash';
import { useAdviceRequests, useDecideAdviceRequest, useWithdrawAdviceRequest } from './use-advice';

const TABS = ['received', 'sent'] as const;
type Tab = (typeof TABS)[number];

const STATUS_CLASSES: Record<AdviceRequest['status'], string> = {
  pending: 'bg-amber-50 text-amber-800 ring-amber-200',
  accepted: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  declined: 'bg-slate-100 text-slate-700 ring-slate-200',
  withdrawn: 'bg-slate-100 text-slate-600 ring-slate-200',
};

function RequestItem({ request }: { request: AdviceRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [message, setMessage] = useState('');
  const decide = useDecideAdviceRequest();
  const withdraw = useWithdrawAdviceRequest();
  const error = decide.error ?? withdraw.error;
  const received = request.direction === 'received';
  const pending = request.status === 'pending';
  return (
    <li
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5"
      data-testid="advice-request"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs font-medium text-ai-700">{t(`advice.kinds.${request.kind}`)}</p>
          <h2 className="text-base font-semibold text-slate-900 break-words">{request.topic}</h2>
          <p className="text-sm text-slate-600">
            <Link to={`/members/${request.other.id}`} className="hover:text-ai-700">
              {t(received ? 'advice.mine.from' : 'advice.mine.to', { name: request.other.displayName })}
            </Link>
            <span className="ml-2 text-xs text-slate-500">
              {t('advice.mine.sentAt', { date: format.date(request.createdAt) })}
            </span>
          </p>
        </div>
        <span
          className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${STATUS_CLASSES[request.status]}`}
        >
          {t(`advice.statuses.${request.status}`)}
        </span>
      </div>
      <dl className="grid gap-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-500">{t('advice.mine.hopes')}</dt>
        <dd className="whitespace-pre-line text-slate-800 break-words">{request.hopes}</dd>
        <dt className="text-slate-500">{t('advice.mine.timeFrame')}</dt>
        <dd className="text-slate-800">{t(`advice.timeFrames.${request.timeFrame}`)}</dd>
        {request.responseMessage && (
          <>
            <dt className="text-slate-500">{t('advice.mine.answer')}</dt>
            <dd className="whitespace-pre-line text-slate-800 break-words">{request.responseMessage}</dd>
          </>
        )}
      </dl>
      {error && <ErrorBanner message={isApiError(error) ? error.message : t('errors.generic')} />}
      {received && pending && (
        <div className="space-y-2">
          <TextArea
            label={t('advice.mine.message')}
            name={`message-${request.id}`}
            rows={2}
            maxLength={2000}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            <Button
              isBusy={decide.isPending}
              onClick={() => decide.mutate({ id: request.id, decision: 'accept', message })}
            >
              {t('advice.mine.accept')}
            </Button>
            <Button
              variant="secondary"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: request.id, decision: 'decline', message })}
            >
              {t('advice.mine.decline')}
            </Button>
          </div>
        </div>
      )}
      {!received && pending && (
        <Button
          variant="secondary"
          size="sm"
          isBusy={withdraw.isPending}
          onClick={() => withdraw.mutate(request.id)}
        >
          {t('advice.mine.withdraw')}
        </Button>
      )}
      {request.conversationId && (
        <Link to={`/messages/${request.conversationId}`} className={buttonClasses('primary', 'sm')}>
          {t('advice.mine.openConversation')}
        </Link>
      )}
    </li>
  );
}

/** `/advice`: the advice requests I received and sent — accept, decline, withdraw. */
export function AdvicePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('advice.mine.title'));
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'sent' ? 'sent' : 'received';
  const sentTo = useFlash<string>('adviceSent');
  const list = useAdviceRequests();
  const items = list.data?.[tab] ?? [];
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
      <PeopleNav />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t('advice.mine.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('advice.mine.lead')}</p>
        </div>
        <Link to="/mentors" className={buttonClasses('secondary', 'sm')}>
          {t('advice.mine.findMentors')}
        </Link>
      </div>
      {sentTo && <SuccessBanner>{t('advice.mine.sentNotice', { name: sentTo })}</SuccessBanner>}
      <nav aria-label={t('advice.mine.title')} className="flex flex-wrap gap-1 border-b border-slate-200">
        {TABS.map((value) => (
          <button
            key={value}
            type="button"
            aria-current={tab === value ? 'page' : undefined}
            onClick={() => setParams(value === 'received' ? {} : { tab: value })}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              tab === value
                ? 'border-ai-700 text-ai-800'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {t(`advice.mine.${value}`)}
            {list.data && ` (${list.data[value].length})`}
          </button>
        ))}
      </nav>
      {list.error ? (
        <ErrorBanner message={t('errors.generic')} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <p className="text-sm text-slate-600">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
          {t(tab === 'received' ? 'advice.mine.emptyReceived' : 'advice.mine.emptySent')}
        </div>
      ) : (
        <ul className="space-y-4">
          {items.map((r) => (
            <RequestItem key={r.id} request={r} />
          ))}
        </ul>
      )}
    </div>
  );
}
