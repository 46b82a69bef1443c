import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnerRole, TaskKind, Template } from '#common/offboarding';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Checkbox } from '#web/components/ui/checkbox';
import { Select } from '#web/components/ui/select';
import { Spinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useDeleteTemplate, useSaveTemplate, useTemplates } from './use-offboarding';

// Kept here (not imported from common/offboarding.ts) because the web imports no zod values.
const KINDS: TaskKind[] = [
  'equipment',
  'handover',
  'confidentiality',
  'personal_email',
  'consents',
  'farewell',
  'custom',
];
const OWNERS: OwnerRole[] = ['leaver', 'manager', 'hr'];

/** HR: the checklist templates copied into each new leaver case. */
export function OffboardingTemplatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('offboarding.templates.title'));
  const templates = useTemplates();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('offboarding.templates.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('offboarding.templates.lead')}</p>
      </div>
      {message && <SuccessBanner>{message}</SuccessBanner>}
      <Card>
        {templates.isPending && <Spinner />}
        {templates.isError && (
          <ErrorBanner message={t('errors.generic')} onRetry={() => void templates.refetch()} />
        )}
        {templates.data && templates.data.items.length === 0 && (
          <p className="text-sm text-slate-600">{t('offboarding.templates.empty')}</p>
        )}
        {templates.data && templates.data.items.length > 0 && (
          <ul className="divide-y divide-slate-200">
            {templates.data.items.map((template) =>
              editing === template.id ? (
                <li key={template.id} className="py-4">
                  <TemplateForm
                    template={template}
                    onDone={(text) => {
                      setEditing(null);
                      if (text) setMessage(text);
                    }}
                  />
                </li>
              ) : (
                <TemplateRow
                  key={template.id}
                  template={template}
                  onEdit={() => {
                    setMessage(null);
                    setEditing(template.id);
                  }}
                  onDeleted={() => setMessage(t('offboarding.templates.deleted'))}
                />
              ),
            )}
          </ul>
        )}
      </Card>
      <Card title={t('offboarding.templates.add')} id="add-template">
        <TemplateForm onDone={(text) => text && setMessage(text)} />
      </Card>
    </div>
  );
}

function TemplateRow({
  template,
  onEdit,
  onDeleted,
}: {
  template: Template;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteTemplate();
  const title = i18n.resolvedLanguage === 'en' ? template.titleEn : template.titleJa;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="min-w-0">
        <p className={`font-medium ${template.active ? 'text-slate-900' : 'text-slate-500'}`}>{title}</p>
        <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>{t(`offboarding.kinds.${template.kind}`)}</span>
          <span aria-hidden="true">·</span>
          <span>{t(`offboarding.owner.${template.ownerRole}`)}</span>
          <span aria-hidden="true">·</span>
          <span>
            {template.dueOffsetDays === 0
              ? t('offboarding.templates.offsetZero')
              : template.dueOffsetDays < 0
                ? t('offboarding.templates.offsetBefore', { count: -template.dueOffsetDays })
                : t('offboarding.templates.offsetAfter', { count: template.dueOffsetDays })}
          </span>
          {!template.active && <Badge>{t('offboarding.templates.inactive')}</Badge>}
        </p>
      </div>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          size="sm"
          onClick={onEdit}
          aria-label={`${t('offboarding.templates.edit')}: ${title}`}
        >
          {t('offboarding.templates.edit')}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          isBusy={remove.isPending}
          aria-label={`${t('offboarding.templates.delete')}: ${title}`}
          onClick={() => {
            if (window.confirm(t('offboarding.templates.confirmDelete', { title }))) {
              remove.mutate(template.id, { onSuccess: onDeleted });
            }
          }}
        >
          {t('offboarding.templates.delete')}
        </Button>
      </div>
    </li>
  );
}

/** Adds a template, or edits one when `template` is given. */
function TemplateForm({ template, onDone }: { template?: Template; onDone: (message?: string) => void }) {
  const { t } = useTranslation();
  const save = useSaveTemplate();
  const [kind, setKind] = useState<TaskKind>(template?.kind ?? 'custom');
  const [titleJa, setTitleJa] = useState(template?.titleJa ?? '');
  const [titleEn, setTitleEn] = useState(template?.titleEn ?? '');
  const [ownerRole, setOwnerRole] = useState<OwnerRole>(template?.ownerRole ?? 'manager');
  const [offset, setOffset] = useState(String(template?.dueOffsetDays ?? -1));
  const [active, setActive] = useState(template?.active ?? true);
  const errors = save.error && isApiError(save.error) ? save.error.fields : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // An empty or non-numeric offset is sent as is, so the server names the field.
    const dueOffsetDays = offset.trim() === '' || Number.isNaN(Number(offset)) ? offset : Number(offset);
    const input = { kind, titleJa, titleEn, ownerRole, dueOffsetDays: dueOffsetDays as number, active };
    save.mutate(
      { id: template?.id, input },
      {
        onSuccess: () => {
          if (!template) {
            setTitleJa('');
            setTitleEn('');
          }
          onDone(t('offboarding.templates.saved'));
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('offboarding.templates.titleJa')}
          value={titleJa}
          onChange={(e) => setTitleJa(e.target.value)}
          errors={errors.titleJa}
          lang="ja"
          required
        />
        <TextField
          label={t('offboarding.templates.titleEn')}
          value={titleEn}
          onChange={(e) => setTitleEn(e.target.value)}
          errors={errors.titleEn}
          lang="en"
          required
        />
        <Select
          label={t('offboarding.templates.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as TaskKind)}
          options={KINDS.map((k) => ({ value: k, label: t(`offboarding.kinds.${k}`) }))}
          errors={errors.kind}
        />
        <Select
          label={t('offboarding.templates.ownerRole')}
          value={ownerRole}
          onChange={(e) => setOwnerRole(e.target.value as OwnerRole)}
          options={OWNERS.map((o) => ({ value: o, label: t(`offboarding.owner.${o}`) }))}
          errors={errors.ownerRole}
        />
        <TextField
          label={t('offboarding.templates.dueOffsetDays')}
          type="number"
          inputMode="numeric"
          value={offset}
          onChange={(e) => setOffset(e.target.value)}
          errors={errors.dueOffsetDays}
          required
        />
        <Checkbox
          label={t('offboarding.templates.active')}
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          containerClassName="self-end pb-2"
        />
      </div>
      {save.isError && (
        <ErrorBanner message={isApiError(save.error) ? save.error.message : t('errors.generic')} />
      )}
      <div className="flex gap-2">
        <Button type="submit" isBusy={save.isPending}>
          {template ? t('offboarding.templates.save') : t('offboarding.templates.add')}
        </Button>
        {template && (
          <Button variant="ghost" onClick={() => onDone()}>
            {t('offboarding.templates.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
