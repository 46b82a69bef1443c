import { useTranslation } from 'react-i18next';
import { CASE_STAGES } from '#common/exits-reference';
import { ErrorBanner } from '#web/components/ui/banners';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { CaseList } from './case-list';
import { OpenCaseForm } from './open-case-form';
import { useExitCases } from './use-exits';

/** HR: open cases by stage, the list (overdue tasks highlighted) and the form to open a case. */
export function AdminExitsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('exits.admin.title'));
  const cases = useExitCases('open');
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('exits.admin.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('exits.admin.lead')}</p>
      </div>
      {cases.data && (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label={t('exits.admin.byStage')}>
          {CASE_STAGES.filter((s) => s !== 'completed').map((stage) => (
            <li key={stage} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
              <p className="text-sm text-slate-600">{t(`exits.stages.${stage}`)}</p>
              <p className="mt-1 text-2xl font-semibold text-slate-900" data-testid={`stage-count-${stage}`}>
                {cases.data.stages[stage] ?? 0}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Card title={t('exits.admin.openCases')} id="open-cases">
        {cases.isPending && <Spinner />}
        {cases.isError && <ErrorBanner message={t('errors.generic')} onRetry={() => void cases.refetch()} />}
        {cases.data && cases.data.items.length === 0 && (
          <p className="text-sm text-slate-600">{t('exits.admin.empty')}</p>
        )}
        {cases.data && cases.data.items.length > 0 && <CaseList items={cases.data.items} />}
      </Card>
      <Card title={t('exits.open.title')} id="open-case">
        <OpenCaseForm />
      </Card>
    </div>
  );
}
