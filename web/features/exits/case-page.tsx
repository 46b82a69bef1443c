import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ExitCase } from '#common/exits';
import { REASON_CATEGORIES, REHIRE_ELIGIBILITIES } from '#common/exits-reference';
import { NotFoundPage } from '#web/components/not-found-page';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Select } from '#web/components/ui/select';
import { PageSpinner } from '#web/components/ui/spinner';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { ProposalSection } from '#web/features/exit-proposals/proposal-section';
import { SurveySection } from '#web/features/exit-survey/survey-section';
import { ChecklistSection } from '#web/features/offboarding/checklist-section';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { StageBadge } from './case-list';
import { useCancelCase, useExitCase, useExitCases, useSetRehire, useUpdateCase } from './use-exits';

/** `/exits/:id`: one case for HR, the manager or the leaver, with the sections their access allows. */
export function CasePage() {
  const { id } = useParams();
  const query = useExitCase(id);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return <NotFoundPage />;
    }
    return <ErrorBanner message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  return <CaseView row={query.data} />;
}

/** `/me/exit`: the leaver's own case (also after the last day, as alumni). */
export function MyExitPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('exits.me.title'));
  const cases = useExitCases('all');
  if (cases.isPending) return <PageSpinner />;
  if (cases.isError)
    return <ErrorBanner message={t('errors.generic')} onRetry={() => void cases.refetch()} />;
  const mine = cases.data.items.filter((c) => c.access === 'leaver' && c.status !== 'cancelled');
  const current = mine.find((c) => c.status === 'open') ?? mine.at(-1);
  if (!current) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-2xl font-bold text-slate-900">{t('exits.me.title')}</h1>
        <p className="mt-2 text-slate-600">{t('exits.me.none')}</p>
      </div>
    );
  }
  return <CaseView row={current} />;
}

function CaseView({ row }: { row: ExitCase }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title =
    row.access === 'leaver' ? t('exits.me.title') : t('exits.case.title', { name: row.person.displayName });
  useDocumentTitle(title);
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        {row.access === 'leaver' && row.status === 'open' && (
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('exits.me.lead')}</p>
        )}
        {row.access === 'leaver' && row.status === 'completed' && (
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('exits.me.welcome')}</p>
        )}
      </div>
      <Card id="case-summary">
        <dl className="grid gap-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t('exits.list.person')}</dt>
            <dd className="font-medium text-slate-900">{row.person.displayName}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('exits.fields.lastDay')}</dt>
            <dd className="font-medium text-slate-900" data-testid="case-last-day">
              {row.lastDay ? f.date(row.lastDay) : '—'}{' '}
              <span className="text-slate-500">({row.timeZone})</span>
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('exits.list.stage')}</dt>
            <dd>
              <StageBadge stage={row.stage} />
              {row.status === 'cancelled' && (
                <span className="ml-2">
                  <Badge tone="red">{t('exits.case.cancelled')}</Badge>
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('exits.list.manager')}</dt>
            <dd className="text-slate-900">{row.manager?.displayName ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('exits.fields.hrOwner')}</dt>
            <dd className="text-slate-900">{row.hrOwner?.displayName ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('exits.list.tasks')}</dt>
            <dd className="text-slate-900">
              {t('exits.list.tasksDone', { done: row.tasksTotal - row.tasksOpen, total: row.tasksTotal })}
              {row.tasksOverdue > 0 && (
                <span className="ml-2">
                  <Badge tone="red">{t('exits.list.overdue', { count: row.tasksOverdue })}</Badge>
                </span>
              )}
            </dd>
          </div>
        </dl>
        {row.emailConflict && <p className="mt-4 text-sm text-amber-800">{t('exits.case.emailConflict')}</p>}
      </Card>
      {row.access === 'hr' && <HrPanel row={row} />}
      <ProposalSection caseId={row.id} access={row.access} />
      <SurveySection caseId={row.id} access={row.access} />
      <ChecklistSection caseId={row.id} access={row.access} />
      {row.access === 'hr' && <RehirePanel row={row} />}
    </div>
  );
}

/** HR-only: the reason, and changing the last day / reason, or cancelling the case. */
function HrPanel({ row }: { row: ExitCase }) {
  const { t } = useTranslation();
  const update = useUpdateCase(row.id);
  const cancel = useCancelCase(row.id);
  const [lastDay, setLastDay] = useState(row.lastDay ?? '');
  const [reasonCategory, setReasonCategory] = useState<string>(row.reasonCategory ?? 'other');
  const [reasonNote, setReasonNote] = useState(row.reasonNote ?? '');
  const [saved, setSaved] = useState(false);
  const fields = isApiError(update.error) ? update.error.fields : {};
  const open = row.status === 'open';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      {
        lastDay,
        reasonCategory: reasonCategory as (typeof REASON_CATEGORIES)[number],
        reasonNote: reasonNote.trim() || null,
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <Card
      title={t('exits.case.hrTitle')}
      id="case-hr"
      actions={<Badge tone="shu">{t('exits.hrOnly')}</Badge>}
    >
      {saved && <SuccessBanner>{t('exits.case.saved')}</SuccessBanner>}
      {isApiError(update.error) && Object.keys(fields).length === 0 && (
        <ErrorBanner message={update.error.message} />
      )}
      <form onSubmit={submit} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('exits.fields.lastDay')}
            type="date"
            name="lastDay"
            value={lastDay}
            disabled={!open}
            onChange={(e) => setLastDay(e.target.value)}
            errors={fields.lastDay}
          />
          <Select
            label={t('exits.fields.reasonCategory')}
            name="reasonCategory"
            value={reasonCategory}
            disabled={!open}
            onChange={(e) => setReasonCategory(e.target.value)}
            options={REASON_CATEGORIES.map((r) => ({ value: r, label: t(`exits.reasons.${r}`) }))}
            errors={fields.reasonCategory}
          />
        </div>
        <TextArea
          label={t('exits.fields.reasonNote')}
          name="reasonNote"
          value={reasonNote}
          disabled={!open}
          onChange={(e) => setReasonNote(e.target.value)}
          errors={fields.reasonNote}
        />
        {open && (
          <div className="flex flex-wrap gap-3">
            <Button type="submit" isBusy={update.isPending}>
              {t('exits.case.save')}
            </Button>
            <Button
              type="button"
              variant="danger"
              isBusy={cancel.isPending}
              onClick={() => {
                if (window.confirm(t('exits.case.confirmCancel', { name: row.person.displayName }))) {
                  cancel.mutate(undefined);
                }
              }}
            >
              {t('exits.case.cancel')}
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}

/** HR-only: rehire eligibility with a reason (used by the rehiring pipeline later). */
function RehirePanel({ row }: { row: ExitCase }) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSetRehire(row.id);
  const [eligibility, setEligibility] = useState<string>(row.rehireEligibility ?? '');
  const [reason, setReason] = useState(row.rehireReason ?? '');
  const fields = isApiError(save.error) ? save.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      eligibility: eligibility as (typeof REHIRE_ELIGIBILITIES)[number],
      reason: reason.trim() || null,
    });
  };
  return (
    <Card
      title={t('exits.rehire.title')}
      id="case-rehire"
      actions={<Badge tone="shu">{t('exits.hrOnly')}</Badge>}
    >
      {save.isSuccess && <SuccessBanner>{t('exits.rehire.saved')}</SuccessBanner>}
      {row.rehireDecidedAt && (
        <p className="mb-3 text-sm text-slate-600">
          {t('exits.rehire.decidedAt', { date: f.dateTime(row.rehireDecidedAt) })}
        </p>
      )}
      <form onSubmit={submit} noValidate className="space-y-4">
        <Select
          label={t('exits.fields.rehireEligibility')}
          name="eligibility"
          value={eligibility}
          emptyOption={t('exits.rehire.choose')}
          onChange={(e) => setEligibility(e.target.value)}
          options={REHIRE_ELIGIBILITIES.map((r) => ({ value: r, label: t(`exits.rehire.values.${r}`) }))}
          errors={fields.eligibility}
        />
        <TextArea
          label={t('exits.fields.rehireReason')}
          name="rehireReason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={fields.reason}
        />
        <Button type="submit" isBusy={save.isPending}>
          {t('exits.rehire.save')}
        </Button>
      </form>
    </Card>
  );
}
