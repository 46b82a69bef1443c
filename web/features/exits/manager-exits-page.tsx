import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { useMyTasks } from '#web/features/offboarding/use-offboarding';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { CaseList } from './case-list';
import { useExitCases } from './use-exits';

/** A manager: the exit cases of their reports, with the tasks assigned to them. */
export function ManagerExitsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('exits.manager.title'));
  const cases = useExitCases('open');
  const items = cases.data?.items.filter((c) => c.access === 'manager') ?? [];
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('exits.manager.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('exits.manager.lead')}</p>
      </div>
      <Card>
        {cases.isPending && <Spinner />}
        {cases.isError && <ErrorBanner message={t('errors.generic')} onRetry={() => void cases.refetch()} />}
        {cases.data && items.length === 0 && (
          <p className="text-sm text-slate-600">{t('exits.manager.empty')}</p>
        )}
        {items.length > 0 && <CaseList items={items} showMine showManager={false} />}
      </Card>
      <MyTasks />
    </div>
  );
}

/** Open checklist tasks assigned to the manager, across their reports' cases. */
function MyTasks() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const tasks = useMyTasks();
  const open = tasks.data?.items.filter((task) => !task.doneAt) ?? [];
  return (
    <Card title={t('exits.manager.myTasks')} id="my-tasks">
      {tasks.isPending && <Spinner />}
      {tasks.isError && <ErrorBanner message={t('errors.generic')} onRetry={() => void tasks.refetch()} />}
      {tasks.data && open.length === 0 && (
        <p className="text-sm text-slate-600">{t('exits.manager.noTasks')}</p>
      )}
      {open.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {open.map((task) => (
            <li key={task.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <div>
                <p className="font-medium text-slate-900">
                  {i18n.resolvedLanguage === 'en' ? task.titleEn : task.titleJa}
                </p>
                <p className="text-slate-600">
                  <Link
                    to={`/exits/${task.caseId}`}
                    className="font-medium text-ai-700 underline underline-offset-2 hover:text-ai-900"
                  >
                    {task.leaver.displayName}
                  </Link>
                  <span aria-hidden="true"> · </span>
                  {t('exits.manager.due', { date: f.date(task.dueOn) })}
                </p>
              </div>
              {task.isOverdue && <Badge tone="red">{t('exits.manager.overdue')}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
