import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentEvent, ConsentState, MyConsents } from '#common/consents';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { DataTable } from '#web/components/ui/data-table';
import { PageSpinner } from '#web/components/ui/spinner';
import { ConnectionsVisibilitySetting } from '#web/features/connections/connections-visibility-setting';
import { DigestSettingsLink } from '#web/features/digest/digest-settings-page';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { ConsentSwitches, choicesFrom } from './consent-switches';
import { type ConsentChoices, useMyConsents, useSaveConsents } from './use-consents';

/** The member's consents: change any answer, and see what they agreed to, when, and to which text. */
export function PrivacySettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('consents.settings.title'));
  const mine = useMyConsents();

  if (mine.isPending) return <PageSpinner />;
  if (mine.isError) {
    return (
      <div className="mx-auto max-w-4xl px-4 py-8">
        <ErrorBanner message={t('errors.generic')} onRetry={() => void mine.refetch()} />
      </div>
    );
  }
  return <PrivacySettings mine={mine.data} />;
}

function PrivacySettings({ mine }: { mine: MyConsents }) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<ConsentChoices>(() => choicesFrom(mine.purposes));
  const save = useSaveConsents();
  const isListed = mine.purposes.some((p) => p.purpose === 'directory' && p.granted);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(choices);
  };
  const error = save.error;

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <header>
        <h1 className="text-2xl font-bold text-slate-900">{t('consents.settings.title')}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t('consents.settings.lead')}</p>
      </header>

      {save.isSuccess && <SuccessBanner>{t('consents.settings.saved')}</SuccessBanner>}
      {error && (
        <ErrorBanner
          message={isApiError(error) ? (error.fields.textVersion?.[0] ?? error.message) : t('errors.generic')}
        />
      )}
      {!isListed && (
        <p className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t('consents.settings.notListed')}
        </p>
      )}

      <Card title={t('consents.settings.choices')} id="choices">
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <ConsentSwitches
            value={choices}
            onChange={(next) => {
              save.reset();
              setChoices(next);
            }}
            disabled={save.isPending}
          />
          <p className="text-sm text-slate-600">{t('consents.anyTime')}</p>
          <DigestSettingsLink />
          <div className="flex justify-end">
            <Button type="submit" isBusy={save.isPending} data-testid="consents-submit">
              {t('consents.settings.submit')}
            </Button>
          </div>
        </form>
      </Card>

      <ConnectionsVisibilitySetting />

      <Card title={t('consents.settings.agreed')} id="agreed">
        <p className="mb-3 text-sm text-slate-600">
          {t('consents.settings.currentVersion', { version: mine.textVersion })}
        </p>
        <AgreedTable purposes={mine.purposes} />
      </Card>

      <Card title={t('consents.settings.history')} id="history">
        <HistoryTable history={mine.history} />
      </Card>
    </div>
  );
}

function Answer({ granted, answered }: { granted: boolean; answered: boolean }) {
  const { t } = useTranslation();
  if (!answered) return <span className="text-slate-500">{t('consents.answer.none')}</span>;
  return granted ? (
    <span className="font-medium text-emerald-800">{t('consents.answer.yes')}</span>
  ) : (
    <span className="font-medium text-slate-700">{t('consents.answer.no')}</span>
  );
}

function AgreedTable({ purposes }: { purposes: ConsentState[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={t('consents.settings.agreed')}
      minWidth="36rem"
      rowKey={(row) => row.purpose}
      rows={purposes}
      columns={[
        {
          key: 'purpose',
          header: t('consents.columns.purpose'),
          cell: (row) => t(`consents.purposes.${row.purpose}.title`),
          className: 'font-medium text-slate-900',
        },
        {
          key: 'answer',
          header: t('consents.columns.answer'),
          cell: (row) => <Answer granted={row.granted} answered={row.answeredAt !== null} />,
        },
        {
          key: 'when',
          header: t('consents.columns.when'),
          cell: (row) => (row.answeredAt ? format.dateTime(row.answeredAt) : '—'),
        },
        {
          key: 'version',
          header: t('consents.columns.version'),
          cell: (row) => row.textVersion ?? '—',
          className: 'tabular-nums',
        },
      ]}
    />
  );
}

function HistoryTable({ history }: { history: ConsentEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={t('consents.settings.history')}
      minWidth="44rem"
      rowKey={(row) => `${row.createdAt}-${row.purpose}-${row.granted}`}
      rows={history}
      empty={t('consents.settings.noHistory')}
      columns={[
        { key: 'when', header: t('consents.columns.when'), cell: (row) => format.dateTime(row.createdAt) },
        {
          key: 'purpose',
          header: t('consents.columns.purpose'),
          cell: (row) => t(`consents.purposes.${row.purpose}.title`),
        },
        {
          key: 'answer',
          header: t('consents.columns.answer'),
          cell: (row) => <Answer granted={row.granted} answered />,
        },
        {
          key: 'source',
          header: t('consents.columns.source'),
          cell: (row) => t(`consents.sources.${row.source}`),
        },
        { key: 'locale', header: t('consents.columns.locale'), cell: (row) => format.language(row.locale) },
        {
          key: 'version',
          header: t('consents.columns.version'),
          cell: (row) => row.textVersion,
          className: 'tabular-nums',
        },
      ]}
    />
  );
}
