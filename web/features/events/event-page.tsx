import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Event } from '#common/events';
import { NotFoundPage } from '#web/components/not-found-page';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Select } from '#web/components/ui/select';
import { PageSpinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { AttendanceLinks } from '#web/features/event-attendance/attendance-links';
import { PostBody } from '#web/features/posts/post-body';
import { isApiError } from '#web/lib/api';
import { sameOffset, useEventFormat, viewerTimeZone } from '#web/lib/event-format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { EventRegistrations } from './event-registrations';
import {
  useCancelEvent,
  useClaimSeat,
  useEvent,
  usePublishEvent,
  useRegister,
  useUnregister,
} from './use-events';

/** `/events/:id`: one event — times in its zone and the viewer's, speakers, place, seats, registration. */
export function EventPage() {
  const { id } = useParams();
  const query = useEvent(id);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return <NotFoundPage />;
    }
    return (
      <div className="mx-auto max-w-4xl px-4 py-8">
        <ErrorBanner message={query.error.message} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  return <EventView event={query.data} />;
}

function EventView({ event }: { event: Event }) {
  const { t } = useTranslation();
  const f = useEventFormat();
  const title = f.title(event);
  useDocumentTitle(title);
  const description =
    f.lang === 'ja'
      ? (event.descriptionJaHtml ?? event.descriptionEnHtml)
      : (event.descriptionEnHtml ?? event.descriptionJaHtml);
  const publish = usePublishEvent();
  const cancel = useCancelEvent();
  const manageError = publish.error ?? cancel.error;

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <p>
        <Link to="/events" className="text-sm text-ai-700 underline-offset-2 hover:underline">
          ← {t('events.detail.back')}
        </Link>
      </p>

      {event.canManage && (
        <div className="flex flex-wrap items-center gap-2 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm">
          <Badge tone="amber">{t(`events.statuses.${event.status}`)}</Badge>
          {event.status !== 'cancelled' && (
            <Link to={`/events/${event.id}/edit`} className={buttonClasses('secondary', 'sm')}>
              {t('events.detail.edit')}
            </Link>
          )}
          {event.status === 'draft' && (
            <Button size="sm" isBusy={publish.isPending} onClick={() => publish.mutate(event.id)}>
              {t('events.detail.publish')}
            </Button>
          )}
          {event.status !== 'cancelled' && (
            <Button
              size="sm"
              variant="danger"
              isBusy={cancel.isPending}
              onClick={() => {
                if (window.confirm(t('events.detail.cancelConfirm'))) cancel.mutate(event.id);
              }}
            >
              {t('events.detail.cancelEvent')}
            </Button>
          )}
          {manageError && (
            <p role="alert" className="w-full text-red-800">
              {manageError.message}
            </p>
          )}
        </div>
      )}

      <header>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={event.kind === 'lecture' ? 'ai' : 'shu'}>{t(`events.kinds.${event.kind}`)}</Badge>
          <Badge>{t(`events.formats.${event.format}`)}</Badge>
          <Badge>{t(`events.languages.${event.language}`)}</Badge>
        </div>
        <h1 className="mt-2 text-2xl font-bold text-slate-900 sm:text-3xl">{title}</h1>
        {event.series && (
          <p className="mt-1 text-sm">
            <Link to={`/events/series/${event.series.id}`} className="text-ai-700 hover:underline">
              {event.series.number !== null
                ? t('events.seriesNumber', {
                    series: f.text(event.series.titleJa, event.series.titleEn),
                    number: event.series.number,
                  })
                : f.text(event.series.titleJa, event.series.titleEn)}
            </Link>
          </p>
        )}
      </header>

      <Card>
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t('events.detail.when')}</dt>
            <dd className="font-medium text-slate-900" data-testid="event-time">
              {t('events.detail.eventTime', { time: f.range(event), zone: event.timeZone })}
            </dd>
            {!sameOffset(event.timeZone, event.startsAt) && (
              <dd className="text-slate-600" data-testid="event-local-time">
                {t('events.detail.yourTime', { time: f.range(event, viewerTimeZone()) })}
              </dd>
            )}
          </div>
          {(event.venueName || event.venueAddress || event.onlineUrl || event.onlineUrlHidden) && (
            <div>
              <dt className="text-slate-500">{t('events.detail.whereLabel')}</dt>
              {event.venueName && <dd className="font-medium text-slate-900">{event.venueName}</dd>}
              {event.venueAddress && <dd className="text-slate-600">{event.venueAddress}</dd>}
              {event.onlineUrl ? (
                <dd>
                  <a
                    href={event.onlineUrl}
                    className="text-ai-700 underline"
                    rel="noopener noreferrer"
                    target="_blank"
                  >
                    {t('events.detail.onlineLink')}
                  </a>
                </dd>
              ) : (
                event.onlineUrlHidden && <dd className="text-slate-600">{t('events.detail.onlineHidden')}</dd>
              )}
            </div>
          )}
          <div>
            <dt className="text-slate-500">{t('events.detail.capacity')}</dt>
            <dd className="font-medium text-slate-900" data-testid="event-seats">
              {t('events.detail.capacityValue', { left: event.seatsLeft, capacity: event.capacity })}
            </dd>
            {event.waitlistCount > 0 && (
              <dd className="text-slate-600">
                {t('events.detail.waitlistCount', { count: event.waitlistCount })}
              </dd>
            )}
          </div>
          {event.hosts.some((h) => h.role !== 'speaker') && (
            <div>
              <dt className="text-slate-500">{t('events.detail.hosts')}</dt>
              <dd className="text-slate-900">
                {event.hosts
                  .filter((h) => h.role !== 'speaker')
                  .map((h) => h.displayName)
                  .join(f.lang === 'ja' ? '、' : ', ')}
              </dd>
            </div>
          )}
        </dl>
      </Card>

      <RegistrationPanel event={event} />

      <AttendanceLinks event={event} />

      {event.speakers.length > 0 && (
        <Card title={t('events.detail.speakers')}>
          <ul className="space-y-2 text-sm">
            {event.speakers.map((s, i) => (
              <li key={s.member?.id ?? `${s.name}-${i}`}>
                {s.member ? (
                  <Link to={`/members/${s.member.id}`} className="font-medium text-ai-700 hover:underline">
                    {s.member.displayName}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{s.name}</span>
                )}
                {s.affiliation && <span className="text-slate-600"> · {s.affiliation}</span>}
                {s.topic && <p className="text-slate-700">{s.topic}</p>}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {description && (
        <Card title={t('events.detail.description')}>
          <PostBody html={description} className="text-sm" />
        </Card>
      )}

      {event.materials.length > 0 && (
        <Card title={t('events.materials')} id="materials">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {event.materials.map((m) => (
              <li key={m.id}>
                <a href={m.url} className="text-ai-700 underline" rel="noopener noreferrer" target="_blank">
                  {m.label}
                </a>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {event.canManage && <EventRegistrations event={event} />}
    </div>
  );
}

/** Register (guests, answers), cancel or release, claim an offered seat; the viewer's place. */
function RegistrationPanel({ event }: { event: Event }) {
  const { t } = useTranslation();
  const f = useEventFormat();
  const register = useRegister();
  const unregister = useUnregister();
  const claim = useClaimSeat();
  const [guests, setGuests] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const mine = event.myRegistration;
  const fields = isApiError(register.error) ? register.error.fields : {};
  const error = register.error ?? unregister.error ?? claim.error;

  if (event.registrationState !== 'open' && !mine) {
    const date = event.registrationOpensAt ? f.dateTime(event.registrationOpensAt) : '';
    return (
      <Card>
        <p className="text-sm text-slate-700">
          {t(`events.detail.state.${event.registrationState}`, { date })}
        </p>
      </Card>
    );
  }

  if (mine) {
    const canLeave = event.registrationState !== 'past' && event.registrationState !== 'cancelled';
    return (
      <Card>
        <div className="space-y-3 text-sm" data-testid="my-registration">
          {mine.status === 'confirmed' && (
            <p>{t('events.detail.confirmed', { code: mine.checkInCode ?? '' })}</p>
          )}
          {mine.status === 'pending' && <p>{t('events.detail.pending')}</p>}
          {mine.status === 'waitlisted' && (
            <p>{t('events.detail.waitlistPosition', { position: mine.waitlistPosition ?? 0 })}</p>
          )}
          {mine.status === 'offered' && mine.offerExpiresAt && (
            <>
              <p className="font-medium text-emerald-800">
                {t('events.detail.offered', { deadline: f.dateTime(mine.offerExpiresAt) })}
              </p>
              <Button isBusy={claim.isPending} onClick={() => claim.mutate(event.id)}>
                {t('events.detail.claim')}
              </Button>
            </>
          )}
          {canLeave && (
            <div>
              {mine.status === 'confirmed' && (
                <p className="mb-2 text-slate-600">{t('events.detail.releaseHint')}</p>
              )}
              <Button
                variant="secondary"
                isBusy={unregister.isPending}
                onClick={() => unregister.mutate(event.id)}
              >
                {mine.status === 'confirmed' ? t('events.detail.release') : t('events.detail.cancel')}
              </Button>
            </div>
          )}
          {error && (
            <p role="alert" className="text-red-800">
              {error.message}
            </p>
          )}
        </div>
      </Card>
    );
  }

  const full = event.seatsLeft <= 0;
  const label = event.requiresApproval
    ? t('events.detail.requestToJoin')
    : full
      ? t('events.detail.joinWaitlist')
      : t('events.detail.register');
  return (
    <Card>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          register.mutate({ id: event.id, input: { guests, answers } });
        }}
      >
        {event.guestLimit > 0 && (
          <Select
            label={t('events.detail.guests')}
            hint={t('events.detail.guestsHint', { count: event.guestLimit })}
            value={String(guests)}
            errors={fields.guests}
            options={Array.from({ length: event.guestLimit + 1 }, (_, n) => ({
              value: String(n),
              label: String(n),
            }))}
            onChange={(e) => setGuests(Number(e.target.value))}
          />
        )}
        {event.questions.map((q) =>
          q.kind === 'choice' ? (
            <Select
              key={q.id}
              label={f.text(q.labelJa, q.labelEn)}
              required={q.required}
              value={answers[q.id] ?? ''}
              emptyOption="—"
              errors={fields[`answers.${q.id}`]}
              options={q.options.map((o) => ({ value: o.id, label: f.text(o.labelJa, o.labelEn) }))}
              onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })}
            />
          ) : (
            <TextField
              key={q.id}
              label={f.text(q.labelJa, q.labelEn)}
              required={q.required}
              value={answers[q.id] ?? ''}
              errors={fields[`answers.${q.id}`]}
              onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })}
            />
          ),
        )}
        {error && (
          <p role="alert" className="text-sm text-red-800">
            {error.message}
          </p>
        )}
        <Button type="submit" isBusy={register.isPending}>
          {label}
        </Button>
      </form>
    </Card>
  );
}
