import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { MailStatus, OutboxItem } from '#common/mail';
import { Badge, type BadgeTone } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { DataTable } from '#web/components/ui/data-table';
import { Select } from '#web/components/ui/select';
import { Spinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { MessageText } from './message-text';
import { type OutboxFilters, useOutbox, useOutboxMessage } from './use-outbox';

const STATUSES: readonly MailStatus[] = ['queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled'];
export const MAIL_STATUS_TONES: Record<MailStatus, BadgeTone> = {
  queued: 'ai',
  sending: 'ai',
  sent: 'green',
  failed: 'red',
  bounced: 'red',
  cancelled: 'neutral',
};
const KNOWN_KINDS = [
  'invitation',
  'alumni_welcome',
  'freshness',
  'verification_rejected',
  'verification_already_member',
  'retention_warning',
  'job_alert',
  'job_alert_digest',
  'referral_consent',
] as const;
type KnownKind = (typeof KNOWN_KINDS)[number];
const isKnownKind = (kind: string): kind is KnownKind => (KNOWN_KINDS as readonly string[]).includes(kind);

/** Admins and HR: every email the app sent or is sending, and what each one said. */
export function OutboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('outbox.title'));
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filters: OutboxFilters = {
    status: (params.get('status') || undefined) as MailStatus | undefined,
    kind: params.get('kind') || undefined,
    q: params.get('q') || undefined,
  };
  const selected = params.get('id');
  const [search, setSearch] = useState(filters.q ?? '');
  const outbox = useOutbox(filters);

  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const items = useMemo(() => outbox.data?.pages.flatMap((p) => p.items) ?? [], [outbox.data]);
  const kinds = [
    ...new Set([...KNOWN_KINDS, ...items.map((m) => m.kind), ...(filters.kind ? [filters.kind] : [])]),
  ];

  const closeMessage = () => {
    const id = selected;
    update({ id: undefined });
    // Back to the row the message was opened from, so the keyboard user keeps their place.
    if (id)
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-outbox-row="${CSS.escape(id)}"]`)?.focus(),
      );
  };

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: search.trim() || undefined });
  };

  return (
    <div className={`mx-auto space-y-6 px-4 py-6 sm:py-8 ${selected ? 'max-w-7xl' : 'max-w-6xl'}`}>
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('outbox.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('outbox.lead')}</p>
      </div>
      {/* The open message comes first: on a phone it is at the top, on a wide screen beside the list. */}
      <div
        className={
          selected
            ? 'grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,30rem)]'
            : ''
        }
      >
        {selected && <MessagePanel id={selected} onClose={closeMessage} />}
        <Card className={selected ? 'lg:col-start-1 lg:row-start-1' : ''}>
          <form onSubmit={onSearch} className="mb-4 grid items-end gap-3 sm:grid-cols-[1fr_1fr_2fr_auto]">
            <Select
              label={t('outbox.filterStatus')}
              value={filters.status ?? ''}
              emptyOption={t('outbox.all')}
              options={STATUSES.map((s) => ({ value: s, label: t(`outbox.status.${s}`) }))}
              onChange={(e) => update({ status: e.target.value || undefined })}
            />
            <Select
              label={t('outbox.filterKind')}
              value={filters.kind ?? ''}
              emptyOption={t('outbox.all')}
              options={kinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
              onChange={(e) => update({ kind: e.target.value || undefined })}
            />
            <TextField
              label={t('outbox.search')}
              type="search"
              value={search}
              maxLength={200}
              onChange={(e) => setSearch(e.target.value)}
            />
            <Button type="submit" variant="secondary">
              {t('outbox.searchSubmit')}
            </Button>
          </form>

          {outbox.isPending ? (
            <Spinner />
          ) : outbox.isError ? (
            <ErrorBanner
              message={isApiError(outbox.error) ? outbox.error.message : t('errors.generic')}
              onRetry={() => void outbox.refetch()}
            />
          ) : (
            <>
              <DataTable<OutboxItem>
                caption={t('outbox.caption')}
                minWidth={selected ? '40rem' : '52rem'}
                rows={items}
                rowKey={(m) => m.id}
                isBusy={outbox.isPlaceholderData}
                empty={<p className="text-sm text-slate-500">{t('outbox.none')}</p>}
                columns={[
                  {
                    key: 'subject',
                    header: t('outbox.columns.subject'),
                    cell: (m) => (
                      <button
                        type="button"
                        data-outbox-row={m.id}
                        onClick={() => update({ id: m.id })}
                        aria-current={m.id === selected ? 'true' : undefined}
                        className="text-left font-medium text-ai-700 underline-offset-2 hover:underline aria-[current=true]:text-ai-900 aria-[current=true]:underline"
                      >
                        {m.subject}
                      </button>
                    ),
                  },
                  {
                    key: 'to',
                    header: t('outbox.columns.to'),
                    cell: (m) => (m.recipientHidden ? t('outbox.recipientHidden') : m.to),
                    className: 'break-all text-slate-700',
                  },
                  ...(selected
                    ? []
                    : [
                        {
                          key: 'kind',
                          header: t('outbox.columns.kind'),
                          cell: (m: OutboxItem) => kindLabel(t, m.kind),
                          className: 'whitespace-nowrap text-slate-600',
                        },
                      ]),
                  {
                    key: 'status',
                    header: t('outbox.columns.status'),
                    cell: (m) => (
                      <div className="max-w-56">
                        <Badge tone={MAIL_STATUS_TONES[m.status]}>{t(`outbox.status.${m.status}`)}</Badge>
                        {m.error && m.status !== 'sent' && (
                          <p className="mt-1 truncate text-xs text-red-700" title={m.error}>
                            {m.error}
                          </p>
                        )}
                      </div>
                    ),
                  },
                  ...(selected
                    ? []
                    : [
                        {
                          key: 'attempts',
                          header: t('outbox.columns.attempts'),
                          cell: (m: OutboxItem) => format.number(m.attempts),
                          className: 'text-right tabular-nums text-slate-600',
                        },
                      ]),
                  {
                    key: 'created',
                    header: t('outbox.columns.created'),
                    cell: (m) => format.dateTime(m.createdAt),
                    className: 'whitespace-nowrap text-slate-600',
                  },
                ]}
              />
              {outbox.hasNextPage && (
                <div className="mt-3 flex justify-center">
                  <Button
                    variant="secondary"
                    size="sm"
                    isBusy={outbox.isFetchingNextPage}
                    onClick={() => void outbox.fetchNextPage()}
                  >
                    {t('outbox.more')}
                  </Button>
                </div>
              )}
            </>
          )}
        </Card>
      </div>
    </div>
  );
}

function kindLabel(t: TFunction, kind: string) {
  return isKnownKind(kind) ? t(`outbox.kinds.${kind}`) : kind;
}

function MessagePanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const message = useOutboxMessage(id);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a message moves focus to it (beside the list, or at the top on a phone).
  useEffect(() => {
    if (id) heading.current?.focus();
  }, [id]);
  return (
    <section
      id="outbox-message"
      aria-labelledby="outbox-message-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6 lg:sticky lg:top-20 lg:col-start-2 lg:row-start-1 lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto"
    >
      <div className="mb-4 flex items-start justify-between gap-3">
        <h2
          id="outbox-message-title"
          ref={heading}
          tabIndex={-1}
          className="break-words text-lg font-semibold text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-ai-500 focus-visible:ring-offset-2"
        >
          {message.data?.subject ?? t('outbox.message')}
        </h2>
        <Button variant="ghost" size="sm" className="shrink-0" onClick={onClose}>
          {t('outbox.close')}
        </Button>
      </div>
      {message.isPending ? (
        <Spinner />
      ) : message.isError ? (
        <ErrorBanner message={isApiError(message.error) ? message.error.message : t('errors.generic')} />
      ) : (
        <div className="space-y-4">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t('outbox.columns.to')}</dt>
            <dd className="break-all text-slate-900">
              {message.data.recipientHidden ? t('outbox.recipientHidden') : message.data.to}
            </dd>
            <dt className="text-slate-500">{t('outbox.columns.status')}</dt>
            <dd>
              <Badge tone={MAIL_STATUS_TONES[message.data.status]}>
                {t(`outbox.status.${message.data.status}`)}
              </Badge>
              {message.data.error && <span className="ml-2 text-xs text-red-700">{message.data.error}</span>}
            </dd>
            <dt className="text-slate-500">{t('outbox.columns.created')}</dt>
            <dd className="text-slate-900">{format.dateTime(message.data.createdAt)}</dd>
            {message.data.sentAt && (
              <>
                <dt className="text-slate-500">{t('outbox.sentAt')}</dt>
                <dd className="text-slate-900">{format.dateTime(message.data.sentAt)}</dd>
              </>
            )}
            <dt className="text-slate-500">{t('outbox.language')}</dt>
            <dd className="text-slate-900">{message.data.locale === 'ja' ? '日本語' : 'English'}</dd>
          </dl>
          {message.data.recipientHidden ? (
            <p className="rounded-xl border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
              {t('outbox.textHidden')}
            </p>
          ) : (
            <>
              <div className="rounded-xl border border-slate-200 bg-slate-50 p-4">
                <MessageText text={message.data.text} />
              </div>
              {message.data.linksHidden && (
                <p className="text-xs text-slate-500">{t('outbox.linksHidden')}</p>
              )}
            </>
          )}
          {message.data.delivered ? (
            <details className="rounded-xl border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-slate-700">
                {t('outbox.raw', { time: format.dateTime(message.data.delivered.receivedAt) })}
              </summary>
              <pre className="mt-3 max-h-96 overflow-auto whitespace-pre-wrap break-all text-xs text-slate-700">
                {message.data.delivered.raw}
              </pre>
            </details>
          ) : (
            <p className="text-xs text-slate-500">{t('outbox.noRaw')}</p>
          )}
        </div>
      )}
    </section>
  );
}
