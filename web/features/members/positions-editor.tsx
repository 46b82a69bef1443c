import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position, Profile } from '#common/profiles';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDeletePosition, useSavePosition } from './use-member';

const EMPTY = { employer: '', title: '', startedOn: '', endedOn: '' };

/** The timeline after leaving: a small table the member edits (decision 041). */
export function PositionsEditor({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSavePosition(profile.id);
  const remove = useDeletePosition(profile.id);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [values, setValues] = useState(EMPTY);
  const positions = profile.positions ?? [];
  const fields = isApiError(save.error) ? save.error.fields : {};

  const open = (p?: Position) => {
    save.reset();
    setEditing(p?.id ?? 'new');
    setValues(
      p
        ? { employer: p.employer, title: p.title ?? '', startedOn: p.startedOn, endedOn: p.endedOn ?? '' }
        : EMPTY,
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        positionId: editing === 'new' || editing === null ? undefined : editing,
        input: {
          employer: values.employer,
          title: values.title || null,
          startedOn: values.startedOn,
          endedOn: values.endedOn || null,
        },
      },
      { onSuccess: () => setEditing(null) },
    );
  };
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <Card
      title={t('positions.title')}
      id="positions"
      actions={
        editing === null && (
          <Button variant="secondary" size="sm" onClick={() => open()}>
            {t('positions.add')}
          </Button>
        )
      }
    >
      <p className="mb-3 text-sm text-slate-600">{t('positions.help')}</p>
      {remove.error && <ErrorBanner message={remove.error.message} />}
      {positions.length === 0 && editing === null && (
        <p className="text-sm text-slate-500">{t('positions.none')}</p>
      )}
      <ul className="divide-y divide-slate-100">
        {positions.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {[p.title, p.employer].filter(Boolean).join(' · ')}
              </p>
              <p className="text-sm text-slate-600">
                {format.month(p.startedOn)} –{' '}
                {p.endedOn ? format.month(p.endedOn) : t('profile.timeline.now')}
              </p>
            </div>
            <div className="flex gap-2">
              <Button
                variant="ghost"
                size="sm"
                onClick={() => open(p)}
                aria-label={t('positions.edit', { employer: p.employer })}
              >
                {t('positions.editShort')}
              </Button>
              <Button
                variant="ghost"
                size="sm"
                isBusy={remove.isPending && remove.variables === p.id}
                onClick={() => remove.mutate(p.id)}
                aria-label={t('positions.remove', { employer: p.employer })}
              >
                ✕
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {editing !== null && (
        <form onSubmit={submit} className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
          <TextField
            label={t('positions.employer')}
            value={values.employer}
            onChange={set('employer')}
            required
            maxLength={160}
            errors={fields.employer}
          />
          <TextField
            label={t('positions.jobTitle')}
            value={values.title}
            onChange={set('title')}
            maxLength={120}
            errors={fields.title}
          />
          <TextField
            label={t('positions.from')}
            type="date"
            value={values.startedOn}
            onChange={set('startedOn')}
            required
            errors={fields.startedOn}
          />
          <TextField
            label={t('positions.to')}
            type="date"
            value={values.endedOn}
            onChange={set('endedOn')}
            errors={fields.endedOn}
          />
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" isBusy={save.isPending}>
              {t('positions.save')}
            </Button>
            <Button variant="secondary" onClick={() => setEditing(null)}>
              {t('positions.cancel')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
