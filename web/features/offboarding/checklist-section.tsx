import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CONSENT_PURPOSES } from '#common/consent-purposes';
import type { OwnerRole, Task, TaskComplete, TaskList } from '#common/offboarding';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Checkbox } from '#web/components/ui/checkbox';
import { Spinner } from '#web/components/ui/spinner';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { ConsentSwitches } from '#web/features/consents/consent-switches';
import type { ConsentChoices } from '#web/features/consents/use-consents';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useCaseTasks, useTaskAction } from './use-offboarding';

type Access = 'hr' | 'manager' | 'leaver';
const OWNER_ORDER: OwnerRole[] = ['leaver', 'manager', 'hr'];
/** Kinds only the person leaving completes (the server refuses anyone else). */
const LEAVER_ONLY = new Set<Task['kind']>(['confidentiality', 'consents']);

/**
 * The offboarding checklist of a case, for HR, the manager and the leaver: tasks grouped by
 * owner with due dates, overdue ones highlighted, and the special tasks' forms inline for whoever
 * may complete them (the assignee, or HR).
 */
export function ChecklistSection({ caseId, access }: { caseId: string; access: Access }) {
  const { t } = useTranslation();
  const tasks = useCaseTasks(caseId);
  if (tasks.isPending) {
    return (
      <Card title={t('offboarding.checklist.title')} id="offboarding-checklist">
        <Spinner />
      </Card>
    );
  }
  if (tasks.isError) {
    return (
      <Card title={t('offboarding.checklist.title')} id="offboarding-checklist">
        <ErrorBanner message={t('errors.generic')} onRetry={() => void tasks.refetch()} />
      </Card>
    );
  }
  const list = tasks.data;
  const done = list.items.filter((x) => x.doneAt).length;
  const overdue = list.items.filter((x) => x.isOverdue).length;
  return (
    <Card
      title={t('offboarding.checklist.title')}
      id="offboarding-checklist"
      actions={
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={done === list.items.length ? 'green' : 'neutral'}>
            {t('offboarding.checklist.progress', { done, total: list.items.length })}
          </Badge>
          {overdue > 0 && (
            <Badge tone="red">{t('offboarding.checklist.overdueCount', { count: overdue })}</Badge>
          )}
          {access === 'hr' && (
            <Link to="/admin/offboarding-templates" className="text-ai-700 underline hover:text-ai-800">
              {t('offboarding.checklist.editTemplates')}
            </Link>
          )}
        </div>
      }
    >
      {list.items.length === 0 && (
        <p className="text-sm text-slate-600">{t('offboarding.checklist.empty')}</p>
      )}
      <div className="space-y-6">
        {OWNER_ORDER.map((owner) => {
          const items = list.items.filter((x) => x.ownerRole === owner);
          if (items.length === 0) return null;
          return (
            <section key={owner} aria-labelledby={`tasks-${owner}`}>
              <h3 id={`tasks-${owner}`} className="mb-2 text-sm font-semibold text-slate-700">
                {t(`offboarding.owner.${owner}`)}
              </h3>
              <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
                {items.map((task) => (
                  <TaskItem key={task.id} task={task} access={access} caseId={caseId} />
                ))}
              </ul>
            </section>
          );
        })}
        <CaseChoices list={list} />
      </div>
    </Card>
  );
}

function TaskItem({ task, access, caseId }: { task: Task; access: Access; caseId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const action = useTaskAction(caseId);
  const title = i18n.resolvedLanguage === 'en' ? task.titleEn : task.titleJa;
  const isDone = task.doneAt !== null;
  const waitsForLeaver = LEAVER_ONLY.has(task.kind) && access !== 'leaver';
  return (
    <li
      className={`px-4 py-3 ${task.isOverdue ? 'border-l-4 border-l-red-500 bg-red-50/60' : ''}`}
      aria-label={title}
      data-overdue={task.isOverdue || undefined}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className={`font-medium ${isDone ? 'text-slate-500 line-through' : 'text-slate-900'}`}>
            {title}
          </p>
          <p className="mt-0.5 text-sm text-slate-600">
            {t('offboarding.task.due', { date: format.date(task.dueOn) })}
            {' · '}
            {task.assignee
              ? t('offboarding.task.assignee', { name: task.assignee.displayName })
              : t('offboarding.task.noAssignee')}
          </p>
          {isDone && (
            <p className="mt-0.5 text-sm text-slate-600">
              {t('offboarding.task.doneBy', {
                name: task.doneBy?.displayName ?? '—',
                date: format.dateTime(task.doneAt ?? ''),
              })}
            </p>
          )}
          {task.note && <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{task.note}</p>}
        </div>
        <div className="flex items-center gap-2">
          {isDone ? (
            <Badge tone="green">{t('offboarding.task.done')}</Badge>
          ) : task.isOverdue ? (
            <Badge tone="red">{t('offboarding.task.overdue')}</Badge>
          ) : (
            <Badge tone="amber">{t('offboarding.task.open')}</Badge>
          )}
          {isDone && task.canComplete && (
            <Button
              variant="ghost"
              size="sm"
              isBusy={action.isPending}
              onClick={() => action.mutate({ taskId: task.id, action: 'reopen' })}
            >
              {t('offboarding.task.reopen')}
            </Button>
          )}
        </div>
      </div>
      {!isDone && task.canComplete && waitsForLeaver && (
        <p className="mt-2 text-sm text-slate-600">{t('offboarding.task.leaverOnly')}</p>
      )}
      {!isDone && task.canComplete && !waitsForLeaver && <TaskForm task={task} caseId={caseId} />}
      {action.isError && (
        <ErrorBanner message={isApiError(action.error) ? action.error.message : t('errors.generic')} />
      )}
    </li>
  );
}

const noConsents = () => Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, false])) as ConsentChoices;

/** The form of one open task, by kind. */
function TaskForm({ task, caseId }: { task: Task; caseId: string }) {
  const { t } = useTranslation();
  const action = useTaskAction(caseId);
  const [note, setNote] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [email, setEmail] = useState('');
  const [decision, setDecision] = useState<'joined' | 'declined' | ''>('');
  const [consents, setConsents] = useState<ConsentChoices>(noConsents);
  const [openToReturn, setOpenToReturn] = useState(false);
  const [farewell, setFarewell] = useState('');
  const errors = action.error && isApiError(action.error) ? action.error.fields : {};

  const input = (): TaskComplete => {
    switch (task.kind) {
      case 'confidentiality':
        return acknowledged ? { acknowledged: true } : {};
      case 'personal_email':
        return { personalEmail: email };
      case 'consents':
        if (decision === 'joined') return { networkDecision: 'joined', consents, openToReturn };
        return decision ? { networkDecision: decision } : {};
      case 'farewell':
        return { farewellMessage: farewell };
      default:
        return note.trim() ? { note } : {};
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate({ taskId: task.id, action: 'complete', input: input() });
  };

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
      {task.kind === 'confidentiality' && (
        <>
          <div className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-line text-slate-800">
            {t('offboarding.confidentiality.text')}
          </div>
          <Checkbox
            label={t('offboarding.confidentiality.acknowledge')}
            checked={acknowledged}
            onChange={(e) => setAcknowledged(e.target.checked)}
            errors={errors.acknowledged}
          />
        </>
      )}
      {task.kind === 'personal_email' && (
        <TextField
          label={t('offboarding.personalEmail.label')}
          hint={t('offboarding.personalEmail.hint')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={errors.personalEmail}
          required
        />
      )}
      {task.kind === 'consents' && (
        <fieldset className="space-y-3">
          <legend className="text-sm text-slate-700">{t('offboarding.consents.lead')}</legend>
          <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
            {(['joined', 'declined'] as const).map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name={`decision-${task.id}`}
                  value={value}
                  checked={decision === value}
                  onChange={() => setDecision(value)}
                  className="accent-ai-700"
                />
                {t(`offboarding.consents.${value}`)}
              </label>
            ))}
          </div>
          {errors.networkDecision && (
            <p className="text-sm text-red-700">{errors.networkDecision.join(' ')}</p>
          )}
          {decision === 'joined' && (
            <>
              <p className="text-sm text-slate-700">{t('offboarding.consents.purposes')}</p>
              <ConsentSwitches value={consents} onChange={setConsents} />
              <Checkbox
                label={t('offboarding.consents.openToReturn')}
                hint={t('offboarding.consents.openToReturnHint')}
                checked={openToReturn}
                onChange={(e) => setOpenToReturn(e.target.checked)}
              />
            </>
          )}
          {decision === 'declined' && (
            <p className="text-sm text-slate-600">{t('offboarding.consents.declinedHint')}</p>
          )}
        </fieldset>
      )}
      {task.kind === 'farewell' && (
        <TextArea
          label={t('offboarding.farewell.label')}
          hint={t('offboarding.farewell.hint')}
          value={farewell}
          onChange={(e) => setFarewell(e.target.value)}
          errors={errors.farewellMessage}
          maxLength={4000}
        />
      )}
      {['equipment', 'handover', 'custom'].includes(task.kind) && (
        <TextField
          label={t('offboarding.task.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          errors={errors.note}
          maxLength={2000}
        />
      )}
      <Button type="submit" size="sm" isBusy={action.isPending}>
        {t(`offboarding.submit.${task.kind}`)}
      </Button>
      {action.isError && (
        <p className="text-sm text-red-700" role="alert">
          {action.error.message}
        </p>
      )}
    </form>
  );
}

/** What the special tasks captured (the server leaves out what the viewer may not see). */
function CaseChoices({ list }: { list: TaskList }) {
  const { t } = useTranslation();
  const c = list.case;
  const rows: [string, string][] = [];
  if (c.personalEmail) rows.push([t('offboarding.choices.personalEmail'), c.personalEmail]);
  if (c.networkDecision)
    rows.push([t('offboarding.choices.network'), t(`offboarding.decision.${c.networkDecision}`)]);
  if (c.openToReturn !== null && c.networkDecision === 'joined')
    rows.push([
      t('offboarding.choices.openToReturn'),
      c.openToReturn ? t('offboarding.choices.yes') : t('offboarding.choices.no'),
    ]);
  if (c.farewellMessage) rows.push([t('offboarding.choices.farewell'), c.farewellMessage]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="offboarding-choices">
      <h3 id="offboarding-choices" className="mb-2 text-sm font-semibold text-slate-700">
        {t('offboarding.choices.title')}
      </h3>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="whitespace-pre-line text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
