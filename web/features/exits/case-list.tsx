import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExitCase } from '#common/exits';
import { Badge, type BadgeTone } from '#web/components/ui/badge';
import { useFormat } from '#web/lib/format';

const STAGE_TONE: Record<ExitCase['stage'], BadgeTone> = {
  announced: 'neutral',
  conversation: 'ai',
  survey: 'ai',
  checklist: 'amber',
  ready: 'green',
  completed: 'green',
};

export function StageBadge({ stage }: { stage: ExitCase['stage'] }) {
  const { t } = useTranslation();
  return <Badge tone={STAGE_TONE[stage]}>{t(`exits.stages.${stage}`)}</Badge>;
}

/**
 * Cases as rows: person, last day, stage, tasks (overdue highlighted), manager. The manager's own
 * list leaves out the manager column (it would name them on every row).
 */
export function CaseList({
  items,
  showMine = false,
  showManager = true,
}: {
  items: ExitCase[];
  showMine?: boolean;
  showManager?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th className="py-2 pr-4 font-medium">{t('exits.list.person')}</th>
            <th className="py-2 pr-4 font-medium">{t('exits.list.lastDay')}</th>
            <th className="py-2 pr-4 font-medium">{t('exits.list.stage')}</th>
            <th className="py-2 pr-4 font-medium">{t('exits.list.tasks')}</th>
            {showManager && <th className="py-2 pr-4 font-medium">{t('exits.list.manager')}</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((c) => (
            <tr
              key={c.id}
              className={c.tasksOverdue > 0 ? 'bg-red-50/60' : undefined}
              data-testid="exit-case-row"
            >
              <td className="py-2 pr-4">
                <Link
                  to={`/exits/${c.id}`}
                  className="font-medium text-ai-700 underline-offset-2 hover:underline"
                >
                  {c.person.displayName}
                </Link>
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">{c.lastDay ? f.date(c.lastDay) : '—'}</td>
              <td className="py-2 pr-4">
                <StageBadge stage={c.stage} />
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">
                {t('exits.list.tasksDone', { done: c.tasksTotal - c.tasksOpen, total: c.tasksTotal })}
                {c.tasksOverdue > 0 && (
                  <span className="ml-2">
                    <Badge tone="red">{t('exits.list.overdue', { count: c.tasksOverdue })}</Badge>
                  </span>
                )}
                {showMine && c.tasksMine > 0 && (
                  <span className="ml-2">
                    <Badge tone="amber">{t('exits.list.mine', { count: c.tasksMine })}</Badge>
                  </span>
                )}
              </td>
              {showManager && <td className="py-2 pr-4">{c.manager?.displayName ?? '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
