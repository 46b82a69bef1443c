import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  EVENT_AUDIENCE_PRESETS,
  EVENT_FORMATS,
  EVENT_KINDS,
  EVENT_LANGUAGES,
  EVENT_MAX_REPEATS,
  type Event,
  type EventAudiencePreset,
  type EventCreateInput,
} from '#common/events';
import { isoToZoned, zonedToIso } from '#common/zoned-time';
import { AdminsOnlyPage } from '#web/components/admins-only-page';
import { MemberPicker, type PickedMember } from '#web/components/member-picker';
import { NotFoundPage } from '#web/components/not-found-page';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Checkbox } from '#web/components/ui/checkbox';
import { Select } from '#web/components/ui/select';
import { PageSpinner } from '#web/components/ui/spinner';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isHrRole, useCurrentMe } from '#web/features/auth/use-me';
import { useGroups } from '#web/features/groups/use-groups';
import { isApiError } from '#web/lib/api';
import { useEventFormat } from '#web/lib/event-format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useCreateEvent, useEvent, useSeriesList, useUpdateEvent } from './use-events';

/** `/events/new` (HR) and `/events/:id/edit` (hosts and HR). */
export function EventFormPage() {
  const { id } = useParams();
  const me = useCurrentMe();
  const query = useEvent(id);
  if (!id) return isHrRole(me.role) ? <EventForm event={null} /> : <AdminsOnlyPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError || !query.data.canManage) return <NotFoundPage />;
  return <EventForm event={query.data} />;
}

interface FormState {
  kind: string;
  format: string;
  language: string;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  topic: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  onlineUrl: string;
  capacity: string;
  guestLimit: string;
  requiresApproval: boolean;
  registrationOpensAt: string;
  registrationClosesAt: string;
  claimWindowMinutes: string;
  seriesId: string;
  seriesNumber: string;
  /** Creating only: more dates of the series at once. */
  repeat: '' | 'weekly' | 'biweekly' | 'monthly';
  repeatCount: string;
  preset: EventAudiencePreset;
  groupId: string;
  people: PickedMember[];
  cohosts: PickedMember[];
  speakerName: string;
  speakerAffiliation: string;
}

/** A new event from a group's page (`/events/new?group=<id>`) starts as that group's event. */
function initialState(event: Event | null, presetGroupId: string | null = null): FormState {
  const zone = event?.timeZone ?? 'Asia/Tokyo';
  return {
    kind: event?.kind ?? 'lecture',
    format: event?.format ?? 'in_person',
    language: event?.language ?? 'ja',
    titleJa: event?.titleJa ?? '',
    titleEn: event?.titleEn ?? '',
    descriptionJa: event?.descriptionJaMarkdown ?? '',
    descriptionEn: event?.descriptionEnMarkdown ?? '',
    topic: event?.topic ?? '',
    startsAt: isoToZoned(event?.startsAt ?? null, zone),
    endsAt: isoToZoned(event?.endsAt ?? null, zone),
    timeZone: zone,
    venueName: event?.venueName ?? '',
    venueAddress: event?.venueAddress ?? '',
    onlineUrl: event?.onlineUrl ?? '',
    capacity: String(event?.capacity ?? 30),
    guestLimit: String(event?.guestLimit ?? 0),
    requiresApproval: event?.requiresApproval ?? false,
    registrationOpensAt: isoToZoned(event?.registrationOpensAt ?? null, zone),
    registrationClosesAt: isoToZoned(event?.registrationClosesAt ?? null, zone),
    claimWindowMinutes: String(event?.claimWindowMinutes ?? 24 * 60),
    seriesId: event?.series?.id ?? '',
    seriesNumber: event?.series?.number ? String(event.series.number) : '',
    repeat: '',
    repeatCount: '4',
    preset: event?.audience?.preset ?? (presetGroupId ? 'group' : 'everyone'),
    groupId: event?.audience?.groupId ?? event?.group?.id ?? presetGroupId ?? '',
    people: event?.audience?.members ?? [],
    cohosts: (event?.hosts ?? []).filter((h) => h.role === 'cohost'),
    speakerName: '',
    speakerAffiliation: '',
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v);

function toInput(s: FormState, status: 'draft' | 'published', creating: boolean): EventCreateInput {
  const zoned = (v: string) => orNull(zonedToIso(v, s.timeZone));
  return {
    kind: s.kind as EventCreateInput['kind'],
    format: s.format as EventCreateInput['format'],
    language: s.language as EventCreateInput['language'],
    titleJa: orNull(s.titleJa),
    titleEn: orNull(s.titleEn),
    descriptionJa: orNull(s.descriptionJa),
    descriptionEn: orNull(s.descriptionEn),
    topic: orNull(s.topic),
    startsAt: zonedToIso(s.startsAt, s.timeZone),
    endsAt: zonedToIso(s.endsAt, s.timeZone),
    timeZone: s.timeZone,
    venueName: orNull(s.venueName),
    venueAddress: orNull(s.venueAddress),
    onlineUrl: orNull(s.onlineUrl),
    capacity: Number(s.capacity),
    guestLimit: Number(s.guestLimit),
    requiresApproval: s.requiresApproval,
    registrationOpensAt: zoned(s.registrationOpensAt),
    registrationClosesAt: zoned(s.registrationClosesAt),
    claimWindowMinutes: Number(s.claimWindowMinutes),
    seriesId: orNull(s.seriesId),
    seriesNumber: s.seriesNumber ? Number(s.seriesNumber) : null,
    audience: {
      preset: s.preset,
      groupId: s.preset === 'group' ? orNull(s.groupId) : null,
      memberIds: s.preset === 'people' ? s.people.map((p) => p.id) : [],
    },
    groupId: s.preset === 'group' ? orNull(s.groupId) : null,
    cohostIds: s.cohosts.map((c) => c.id),
    ...(creating
      ? {
          status,
          repeat:
            s.repeat && s.seriesId
              ? {
                  frequency: s.repeat === 'monthly' ? ('monthly' as const) : ('weekly' as const),
                  interval: s.repeat === 'biweekly' ? 2 : 1,
                  count: Number(s.repeatCount),
                }
              : null,
          speakers: s.speakerName.trim()
            ? [{ name: s.speakerName.trim(), affiliation: orNull(s.speakerAffiliation) }]
            : [],
        }
      : {}),
  };
}

function EventForm({ event }: { event: Event | null }) {
  const { t } = useTranslation();
  const f = useEventFormat();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const [params] = useSearchParams();
  const [s, setS] = useState(() => initialState(event, event ? null : params.get('group')));
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const series = useSeriesList(isHrRole(me.role));
  const groups = useGroups({ mine: !isHrRole(me.role) });
  const busy = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const fields = isApiError(error) ? error.fields : {};
  useDocumentTitle(event ? t('events.form.editTitle') : t('events.form.newTitle'));
  const set =
    <K extends keyof FormState>(key: K) =>
    (value: FormState[K]) =>
      setS((prev) => ({ ...prev, [key]: value }));
  const text = (key: keyof FormState & string, label: string, props: Record<string, unknown> = {}) => (
    <TextField
      label={label}
      value={s[key] as string}
      errors={fields[key]}
      onChange={(e) => set(key)(e.target.value as never)}
      {...props}
    />
  );

  const submit = (status: 'draft' | 'published') => {
    const input = toInput(s, status, !event);
    // Several dates at once: the series page lists them all.
    const done = (saved: Event) =>
      navigate(input.repeat && saved.series ? `/events/series/${saved.series.id}` : `/events/${saved.id}`);
    if (event) {
      const { status: _ignored, speakers: _none, ...changes } = input;
      update.mutate({ id: event.id, input: changes }, { onSuccess: done });
    } else {
      create.mutate(input, { onSuccess: done });
    }
  };

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-8">
      <h1 className="text-2xl font-bold text-slate-900">
        {event ? t('events.form.editTitle') : t('events.form.newTitle')}
      </h1>
      {error && <ErrorBanner message={error.message} />}
      <form
        className="space-y-6"
        onSubmit={(e) => {
          e.preventDefault();
          submit(event ? 'published' : 'draft');
        }}
      >
        <Card>
          <div className="grid gap-4 sm:grid-cols-3">
            <Select
              label={t('events.form.kind')}
              value={s.kind}
              options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
              onChange={(e) => set('kind')(e.target.value)}
            />
            <Select
              label={t('events.form.format')}
              value={s.format}
              options={EVENT_FORMATS.map((k) => ({ value: k, label: t(`events.formats.${k}`) }))}
              onChange={(e) => set('format')(e.target.value)}
            />
            <Select
              label={t('events.form.language')}
              value={s.language}
              options={EVENT_LANGUAGES.map((k) => ({ value: k, label: t(`events.languages.${k}`) }))}
              onChange={(e) => set('language')(e.target.value)}
            />
          </div>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {text('titleJa', t('events.form.titleJa'))}
            {text('titleEn', t('events.form.titleEn'))}
            <TextArea
              label={t('events.form.descriptionJa')}
              value={s.descriptionJa}
              errors={fields.descriptionJa}
              rows={5}
              onChange={(e) => set('descriptionJa')(e.target.value)}
            />
            <TextArea
              label={t('events.form.descriptionEn')}
              value={s.descriptionEn}
              errors={fields.descriptionEn}
              rows={5}
              onChange={(e) => set('descriptionEn')(e.target.value)}
            />
            {text('topic', t('events.form.topic'))}
          </div>
          {!event && (
            <div className="mt-4 grid gap-4 sm:grid-cols-2">
              {text('speakerName', t('events.form.speakerName'))}
              {text('speakerAffiliation', t('events.form.speakerAffiliation'))}
            </div>
          )}
        </Card>

        <Card>
          <div className="grid gap-4 sm:grid-cols-2">
            {text('startsAt', t('events.form.startsAt'), { type: 'datetime-local', required: true })}
            {text('endsAt', t('events.form.endsAt'), { type: 'datetime-local', required: true })}
            {text('timeZone', t('events.form.timeZone'), { required: true })}
            {text('venueName', t('events.form.venueName'))}
            {text('venueAddress', t('events.form.venueAddress'))}
            {text('onlineUrl', t('events.form.onlineUrl'), { type: 'url' })}
            {text('capacity', t('events.form.capacity'), { type: 'number', min: 1, required: true })}
            {text('guestLimit', t('events.form.guestLimit'), { type: 'number', min: 0, max: 10 })}
            {text('registrationOpensAt', t('events.form.registrationOpensAt'), { type: 'datetime-local' })}
            {text('registrationClosesAt', t('events.form.registrationClosesAt'), { type: 'datetime-local' })}
            {text('claimWindowMinutes', t('events.form.claimWindowMinutes'), { type: 'number', min: 15 })}
          </div>
          <Checkbox
            containerClassName="mt-4"
            label={t('events.form.requiresApproval')}
            checked={s.requiresApproval}
            onChange={(e) => set('requiresApproval')(e.target.checked)}
          />
        </Card>

        <Card>
          <div className="grid gap-4 sm:grid-cols-2">
            {isHrRole(me.role) && (
              <Select
                label={t('events.form.series')}
                value={s.seriesId}
                emptyOption={t('events.form.seriesNone')}
                errors={fields.seriesId}
                options={(series.data?.items ?? []).map((x) => ({
                  value: x.id,
                  label: f.text(x.titleJa, x.titleEn),
                }))}
                onChange={(e) => set('seriesId')(e.target.value)}
              />
            )}
            {s.seriesId && text('seriesNumber', t('events.form.seriesNumber'), { type: 'number', min: 1 })}
            {!event && s.seriesId && (
              <Select
                label={t('events.form.repeat')}
                value={s.repeat}
                errors={fields.repeat}
                options={(['', 'weekly', 'biweekly', 'monthly'] as const).map((r) => ({
                  value: r,
                  label: t(`events.form.repeats.${r || 'none'}`),
                }))}
                onChange={(e) => set('repeat')(e.target.value as FormState['repeat'])}
              />
            )}
            {!event &&
              s.seriesId &&
              s.repeat &&
              text('repeatCount', t('events.form.repeatCount'), {
                type: 'number',
                min: 2,
                max: EVENT_MAX_REPEATS,
                hint: t('events.form.repeatHint', { count: Number(s.repeatCount) || 0 }),
                errors: fields['repeat.count'],
              })}
            <Select
              label={t('events.form.audience')}
              value={s.preset}
              options={EVENT_AUDIENCE_PRESETS.map((p) => ({
                value: p,
                label: t(`events.form.presets.${p}`),
              }))}
              onChange={(e) => set('preset')(e.target.value as EventAudiencePreset)}
            />
            {s.preset === 'group' && (
              <Select
                label={t('events.form.groupId')}
                value={s.groupId}
                emptyOption={t('events.form.groupNone')}
                errors={[...(fields['audience.groupId'] ?? []), ...(fields.groupId ?? [])]}
                options={(groups.data?.items ?? []).map((g) => ({
                  value: g.id,
                  label: f.text(g.nameJa, g.nameEn),
                }))}
                onChange={(e) => set('groupId')(e.target.value)}
              />
            )}
          </div>
          {s.preset === 'people' && (
            <div className="mt-4">
              <MemberPicker
                label={t('events.form.people')}
                value={s.people}
                onChange={set('people')}
                errors={fields['audience.memberIds']}
                scope={isHrRole(me.role) ? 'all' : undefined}
              />
            </div>
          )}
          <div className="mt-4">
            <MemberPicker
              label={t('events.form.cohosts')}
              value={s.cohosts}
              onChange={set('cohosts')}
              errors={fields.cohostIds}
              max={20}
            />
          </div>
        </Card>

        <div className="flex flex-wrap gap-3">
          {event ? (
            <Button type="submit" isBusy={busy}>
              {t('events.form.save')}
            </Button>
          ) : (
            <>
              <Button type="button" isBusy={busy} onClick={() => submit('published')}>
                {t('events.form.publishNow')}
              </Button>
              <Button type="submit" variant="secondary" isBusy={busy}>
                {t('events.form.saveDraft')}
              </Button>
            </>
          )}
        </div>
      </form>
    </div>
  );
}
