import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { MaterialList } from '#common/event-attendance';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { AttendanceShell, QueryState } from './attendance-shell';
import { useMaterials, useSaveMaterials } from './use-attendance';

type Row = { key: number; label: string; url: string };

/** The hosts' editor: label + address rows, saved as a whole list. */
function MaterialsEditor({
  eventId,
  list,
  onDone,
}: {
  eventId: string;
  list: MaterialList;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveMaterials(eventId);
  const [rows, setRows] = useState<Row[]>(() =>
    list.items.map((m, key) => ({ key, label: m.label, url: m.url })),
  );
  const [nextKey, setNextKey] = useState(list.items.length);
  const fields = isApiError(save.error) ? save.error.fields : {};
  const update = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ items: rows.map(({ label, url }) => ({ label, url })) }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {rows.map((row, i) => (
        <fieldset key={row.key} className="space-y-2 rounded-xl border border-slate-200 p-3">
          <legend className="sr-only">
            {row.label || t('eventAttendance.materials.untitled', { n: i + 1 })}
          </legend>
          <TextField
            label={t('eventAttendance.materials.label')}
            value={row.label}
            onChange={(e) => update(row.key, { label: e.target.value })}
            errors={fields[`items.${i}.label`]}
          />
          <TextField
            label={t('eventAttendance.materials.url')}
            type="url"
            inputMode="url"
            value={row.url}
            onChange={(e) => update(row.key, { url: e.target.value })}
            errors={fields[`items.${i}.url`]}
          />
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
          >
            {t('eventAttendance.materials.remove', {
              label: row.label || t('eventAttendance.materials.untitled', { n: i + 1 }),
            })}
          </Button>
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            setRows((all) => [...all, { key: nextKey, label: '', url: '' }]);
            setNextKey((k) => k + 1);
          }}
        >
          {t('eventAttendance.materials.add')}
        </Button>
        <Button type="submit" isBusy={save.isPending}>
          {t('eventAttendance.materials.save')}
        </Button>
      </div>
      {save.error && Object.keys(fields).length === 0 && (
        <ErrorBanner message={isApiError(save.error) ? save.error.message : t('errors.generic')} />
      )}
    </form>
  );
}

/** /events/:id/materials — slides and recordings for attendees; hosts edit them here. */
export function MaterialsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const materials = useMaterials(id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const data = materials.data;
  return (
    <AttendanceShell
      eventId={id}
      title={
        data ? `${t('eventAttendance.materials.title')}: ${data.title}` : t('eventAttendance.materials.title')
      }
    >
      {!data ? (
        <QueryState error={materials.error} onRetry={() => void materials.refetch()} />
      ) : (
        <Card
          title={t('eventAttendance.materials.title')}
          actions={
            data.canEdit &&
            !editing && (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('eventAttendance.materials.edit')}
              </Button>
            )
          }
        >
          {saved && <SuccessBanner>{t('eventAttendance.materials.saved')}</SuccessBanner>}
          {editing ? (
            <MaterialsEditor
              eventId={id}
              list={data}
              onDone={() => {
                setEditing(false);
                setSaved(true);
              }}
            />
          ) : data.items.length === 0 ? (
            <p className="text-sm text-slate-600">{t('eventAttendance.materials.empty')}</p>
          ) : (
            <ul className="space-y-2">
              {data.items.map((m) => (
                <li key={m.id}>
                  <a
                    href={m.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="font-medium text-ai-700 underline"
                  >
                    {m.label}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </AttendanceShell>
  );
}
