import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { JOB_ALERT_LIMITS, type JobAlert, type JobAlertMatch } from '#common/job-alerts';
import type { AlertFrequency } from '#common/rehiring-reference';
import { CareersNav } from '#web/components/careers-nav';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { ChipInput, useListErrors, withDraft } from '#web/components/ui/chip-input';
import { FieldErrors } from '#web/components/ui/field-errors';
import { Spinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import {
  useCreateJobAlert,
  useDeleteJobAlert,
  useJobAlertMatches,
  useJobAlerts,
  useMarkMatchesSeen,
  useUpdateJobAlert,
} from './use-job-alerts';

const FREQUENCIES: AlertFrequency[] = ['instant', 'daily'];
type Criterion = 'keywords' | 'departments' | 'locations';
const CRITERIA: Criterion[] = ['keywords', 'departments', 'locations'];
const MAX: Record<Criterion, number> = {
  keywords: JOB_ALERT_LIMITS.keywords,
  departments: JOB_ALERT_LIMITS.departments,
  locations: JOB_ALERT_LIMITS.locations,
};

/** /jobs/alerts: what my alerts found ("new jobs for you"), my alerts, and a form for one more. */
export function JobAlertsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('jobAlerts.title'));
  const alerts = useJobAlerts();
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const count = alerts.data?.items.length ?? 0;
  const max = alerts.data?.max ?? JOB_ALERT_LIMITS.alertsPerMember;

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <CareersNav />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('jobAlerts.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('jobAlerts.lead')}</p>
      </div>
      {alerts.data && <ConsentNotice emailAllowed={alerts.data.emailAllowed} />}
      {notice && <SuccessBanner>{notice}</SuccessBanner>}
      <MatchesCard />
      <Card
        id="my-alerts"
        title={t('jobAlerts.list.title')}
        actions={
          alerts.data && (
            <span className="text-sm text-slate-600">{t('jobAlerts.list.count', { count, max })}</span>
          )
        }
      >
        {alerts.isPending && <Spinner />}
        {alerts.isError && (
          <ErrorBanner message={t('errors.generic')} onRetry={() => void alerts.refetch()} />
        )}
        {alerts.data && alerts.data.items.length === 0 && (
          <p className="text-sm text-slate-600">{t('jobAlerts.list.empty')}</p>
        )}
        {alerts.data && alerts.data.items.length > 0 && (
          <ul className="divide-y divide-slate-200">
            {alerts.data.items.map((alert) =>
              editing === alert.id ? (
                <li key={alert.id} className="py-4">
                  <h3 className="mb-3 font-semibold text-slate-900">{t('jobAlerts.form.editTitle')}</h3>
                  <AlertForm
                    alert={alert}
                    onDone={(message) => {
                      setEditing(null);
                      if (message) setNotice(message);
                    }}
                  />
                </li>
              ) : (
                <AlertRow
                  key={alert.id}
                  alert={alert}
                  onEdit={() => {
                    setNotice(null);
                    setEditing(alert.id);
                  }}
                  onDeleted={() => setNotice(t('jobAlerts.list.deleted'))}
                />
              ),
            )}
          </ul>
        )}
      </Card>
      <Card id="new-alert" title={t('jobAlerts.form.createTitle')}>
        {alerts.data && count >= max ? (
          <p className="text-sm text-slate-600">{t('jobAlerts.form.limit', { max })}</p>
        ) : (
          <AlertForm onDone={(message) => message && setNotice(message)} />
        )}
      </Card>
    </div>
  );
}

/** Email needs the 'newsletter' consent; the in-app list works regardless. */
function ConsentNotice({ emailAllowed }: { emailAllowed: boolean }) {
  const { t } = useTranslation();
  if (emailAllowed) {
    return <p className="text-sm text-slate-600">{t('jobAlerts.consent.on')}</p>;
  }
  return (
    <div
      role="note"
      className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
      data-testid="job-alerts-consent"
    >
      <p>
        {t('jobAlerts.consent.off', { purpose: t('consents.purposes.newsletter.title') })}{' '}
        <Link to="/settings/privacy" className="font-medium text-ai-700 underline hover:text-ai-800">
          {t('jobAlerts.consent.link', { page: t('consents.nav') })}
        </Link>
      </p>
      <p className="mt-1 text-amber-800">{t('jobAlerts.consent.inApp')}</p>
    </div>
  );
}

function MatchesCard() {
  const { t } = useTranslation();
  const matches = useJobAlertMatches();
  const markSeen = useMarkMatchesSeen();
  const unseen = matches.data?.unseen ?? 0;
  // Shown = seen: mark once per visit, after the list has been rendered with its "new" marks.
  const marked = useRef(false);
  useEffect(() => {
    if (unseen > 0 && !marked.current) {
      marked.current = true;
      markSeen.mutate();
    }
  }, [unseen, markSeen]);
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6"
    >
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {t('jobAlerts.matches.title')}
        </h2>
        {matches.data?.items.some((m) => !m.seen) && (
          <Badge tone="shu">
            {t('jobAlerts.matches.newCount', { count: matches.data.items.filter((m) => !m.seen).length })}
          </Badge>
        )}
      </div>
      {matches.isPending && <Spinner />}
      {matches.isError && (
        <ErrorBanner message={t('errors.generic')} onRetry={() => void matches.refetch()} />
      )}
      {matches.data && matches.data.items.length === 0 && (
        <p className="text-sm text-slate-600">{t('jobAlerts.matches.empty')}</p>
      )}
      {matches.data && matches.data.items.length > 0 && (
        <ul className="divide-y divide-slate-200">
          {matches.data.items.map((match) => (
            <MatchRow key={match.job.id} match={match} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MatchRow({ match }: { match: JobAlertMatch }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { job } = match;
  const title = (format.lang === 'en' ? (job.titleEn ?? job.titleJa) : (job.titleJa ?? job.titleEn)) ?? '';
  const remoteLabel = t(`jobAlerts.remote.${job.remote}`);
  // "リモート · リモート" says nothing twice: the mode only when the location does not say it.
  const remote = job.location.toLowerCase().includes(remoteLabel.toLowerCase()) ? null : remoteLabel;
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-3">
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2">
          <Link to={`/jobs/${job.id}`} className="font-medium text-ai-700 underline-offset-2 hover:underline">
            {title}
          </Link>
          {!match.seen && <Badge tone="shu">{t('jobAlerts.matches.new')}</Badge>}
        </p>
        <p className="mt-0.5 text-sm text-slate-600">
          {[job.department, job.location, remote].filter(Boolean).join(' · ')}
        </p>
      </div>
      <p className="text-sm text-slate-600">
        {t('jobAlerts.matches.closes', { date: format.date(job.closesOn) })}
      </p>
    </li>
  );
}

function AlertRow({
  alert,
  onEdit,
  onDeleted,
}: {
  alert: JobAlert;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateJobAlert();
  const remove = useDeleteJobAlert();
  const summary = CRITERIA.flatMap((c) => alert[c]).join(format.lang === 'ja' ? '、' : ', ');
  return (
    <li className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1.5">
        {CRITERIA.filter((c) => alert[c].length > 0).map((c) => (
          <div key={c} className="flex flex-wrap items-center gap-1.5">
            <span className="text-xs font-semibold text-slate-500">{t(`jobAlerts.form.${c}`)}</span>
            {alert[c].map((value) => (
              <span
                key={value}
                className="rounded-full bg-ai-50 px-2.5 py-0.5 text-sm text-ai-800 ring-1 ring-ai-200"
              >
                {value}
              </span>
            ))}
          </div>
        ))}
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>{t(`jobAlerts.frequency.${alert.frequency}`)}</span>
          {!alert.active && <Badge>{t('jobAlerts.list.paused')}</Badge>}
        </p>
        {update.isError && (
          <FieldErrors
            id={`alert-${alert.id}-errors`}
            errors={[isApiError(update.error) ? update.error.message : t('errors.generic')]}
          />
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Switch
          checked={alert.active}
          busy={update.isPending}
          label={t('jobAlerts.list.activeLabel', { summary })}
          text={alert.active ? t('jobAlerts.list.on') : t('jobAlerts.list.off')}
          onChange={(active) => update.mutate({ id: alert.id, input: { active } })}
        />
        <Button
          variant="secondary"
          size="sm"
          onClick={onEdit}
          aria-label={`${t('jobAlerts.list.edit')}: ${summary}`}
        >
          {t('jobAlerts.list.edit')}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          isBusy={remove.isPending}
          aria-label={`${t('jobAlerts.list.delete')}: ${summary}`}
          onClick={() => {
            if (window.confirm(t('jobAlerts.list.confirmDelete', { summary }))) {
              remove.mutate(alert.id, { onSuccess: onDeleted });
            }
          }}
        >
          {t('jobAlerts.list.delete')}
        </Button>
      </div>
    </li>
  );
}

function Switch({
  checked,
  busy,
  label,
  text,
  onChange,
}: {
  checked: boolean;
  busy: boolean;
  label: string;
  text: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={busy}
      onClick={() => onChange(!checked)}
      className="inline-flex min-h-9 items-center gap-2 rounded-lg px-2 text-sm text-slate-700 hover:bg-slate-50 focus-visible:outline-3 focus-visible:outline-ai-300 disabled:opacity-60"
    >
      <span
        aria-hidden="true"
        className={`flex h-5 w-9 shrink-0 items-center rounded-full p-0.5 transition-colors ${checked ? 'justify-end bg-ai-700' : 'justify-start bg-slate-300'}`}
      >
        <span className="block size-4 rounded-full bg-white shadow" />
      </span>
      <span aria-hidden="true">{text}</span>
    </button>
  );
}

/** Creates an alert, or edits one when `alert` is given. Nothing typed is lost on an error. */
function AlertForm({ alert, onDone }: { alert?: JobAlert; onDone: (message?: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateJobAlert();
  const update = useUpdateJobAlert();
  const save = alert ? update : create;
  const [lists, setLists] = useState<Record<Criterion, string[]>>({
    keywords: alert?.keywords ?? [],
    departments: alert?.departments ?? [],
    locations: alert?.locations ?? [],
  });
  const [drafts, setDrafts] = useState<Record<Criterion, string>>({
    keywords: '',
    departments: '',
    locations: '',
  });
  const [frequency, setFrequency] = useState<AlertFrequency>(alert?.frequency ?? 'instant');
  const [sent, setSent] = useState<Record<Criterion, string[]>>({
    keywords: [],
    departments: [],
    locations: [],
  });
  const fields = isApiError(save.error) ? save.error.fields : {};
  const listErrors = useListErrors(fields);
  const radioName = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Text still in a box becomes a chip: saving never drops what was typed.
    const input = Object.fromEntries(CRITERIA.map((c) => [c, withDraft(lists[c], drafts[c])])) as Record<
      Criterion,
      string[]
    >;
    setLists(input);
    setDrafts({ keywords: '', departments: '', locations: '' });
    setSent(input);
    const done = () => {
      if (!alert) {
        setLists({ keywords: [], departments: [], locations: [] });
        setFrequency('instant');
      }
      onDone(alert ? t('jobAlerts.form.saved') : t('jobAlerts.form.created'));
    };
    if (alert) update.mutate({ id: alert.id, input: { ...input, frequency } }, { onSuccess: done });
    else create.mutate({ ...input, frequency }, { onSuccess: done });
  };

  const criteriaErrors = fields.criteria;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {save.isError && !(isApiError(save.error) && Object.keys(save.error.fields).length > 0) && (
        <ErrorBanner message={isApiError(save.error) ? save.error.message : t('errors.generic')} />
      )}
      <fieldset className="space-y-4">
        <legend className="sr-only">{t('jobAlerts.form.criteria')}</legend>
        <div>
          <p className="text-sm text-slate-600">{t('jobAlerts.form.criteriaHint')}</p>
          <FieldErrors id={`${radioName}-criteria`} errors={criteriaErrors} />
        </div>
        {CRITERIA.map((c) => (
          <ChipInput
            key={c}
            name={c}
            label={t(`jobAlerts.form.${c}`)}
            hint={t(`jobAlerts.form.${c}Hint`, { max: MAX[c], length: JOB_ALERT_LIMITS.keywordLength })}
            values={lists[c]}
            onChange={(values) => setLists((old) => ({ ...old, [c]: values }))}
            draft={drafts[c]}
            onDraftChange={(text) => setDrafts((old) => ({ ...old, [c]: text }))}
            errors={listErrors(c, sent[c])}
            max={MAX[c]}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">{t('jobAlerts.form.frequency')}</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          {FREQUENCIES.map((f) => (
            <label key={f} className="flex items-start gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name={radioName}
                value={f}
                checked={frequency === f}
                onChange={() => setFrequency(f)}
                className="mt-0.5 size-4 accent-ai-700"
              />
              <span>
                {t(`jobAlerts.frequency.${f}`)}
                <span className="block text-xs text-slate-500">{t(`jobAlerts.frequency.${f}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldErrors id={`${radioName}-frequency`} errors={fields.frequency} />
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" isBusy={save.isPending}>
          {alert ? t('jobAlerts.form.save') : t('jobAlerts.form.create')}
        </Button>
        {alert && (
          <Button variant="ghost" onClick={() => onDone()}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
