import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Group } from '#common/groups';
import { CompactEventList } from '#web/components/event-list';
import { buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { useGroupEvents } from './use-groups';

/** The group's coming events on its page (issue 13 §6), and for HR a way to add one for the group. */
export function GroupEventsCard({ group }: { group: Group }) {
  const { t } = useTranslation();
  const events = useGroupEvents(group.id);
  const data = events.data;
  return (
    <Card
      id="group-events"
      title={t('groups.events.title')}
      actions={
        <div className="flex flex-wrap items-center gap-3">
          {data?.canCreate && (
            <Link
              to={`/events/new?group=${encodeURIComponent(group.id)}`}
              className={buttonClasses('secondary', 'sm')}
            >
              {t('groups.events.create')}
            </Link>
          )}
          <Link
            to={`/events?groupId=${encodeURIComponent(group.id)}`}
            className="text-sm font-medium text-ai-700 hover:underline"
          >
            {t('groups.events.all')}
          </Link>
        </div>
      }
    >
      {events.isError ? (
        <p className="text-sm text-red-700">{t('groups.events.error')}</p>
      ) : !data ? (
        <Spinner />
      ) : data.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t('groups.events.none')}</p>
      ) : (
        <CompactEventList events={data.items} testId="group-upcoming-events" />
      )}
    </Card>
  );
}
