import { useTranslation } from 'react-i18next';
import type { Event } from '#common/events';
import { Badge } from '#web/components/ui/badge';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { useDecideRegistration, useRegistrations } from './use-events';

/** The host's view: every registration, approve or decline those pending. */
export function EventRegistrations({ event }: { event: Event }) {
  const { t } = useTranslation();
  const list = useRegistrations(event.id, event.canManage);
  const decide = useDecideRegistration();
  return (
    <Card title={t('events.detail.registrations')} id="registrations">
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <p role="alert" className="text-sm text-red-800">
          {list.error.message}
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600">
            {t('events.detail.seatsTaken', { taken: list.data.seatsTaken, capacity: event.capacity })}
          </p>
          {list.data.items.length === 0 ? (
            <p className="text-sm text-slate-600">{t('events.detail.noRegistrations')}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {list.data.items.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-2 py-2">
                  <span className="font-medium text-slate-900">{r.member.displayName}</span>
                  {r.guests > 0 && (
                    <span className="text-slate-600">
                      {t('events.detail.guestsCount', { count: r.guests })}
                    </span>
                  )}
                  <Badge
                    tone={r.status === 'confirmed' ? 'green' : r.status === 'cancelled' ? 'neutral' : 'amber'}
                  >
                    {t(`events.myStatus.${r.status}`)}
                  </Badge>
                  {r.status === 'pending' && (
                    <span className="ml-auto flex gap-2">
                      <Button
                        size="sm"
                        aria-label={`${t('events.detail.approve')}: ${r.member.displayName}`}
                        onClick={() =>
                          decide.mutate({ id: event.id, registrationId: r.id, decision: 'approve' })
                        }
                      >
                        {t('events.detail.approve')}
                      </Button>
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={`${t('events.detail.decline')}: ${r.member.displayName}`}
                        onClick={() =>
                          decide.mutate({ id: event.id, registrationId: r.id, decision: 'decline' })
                        }
                      >
                        {t('events.detail.decline')}
                      </Button>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}
