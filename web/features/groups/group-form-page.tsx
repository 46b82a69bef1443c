import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { GROUP_JOIN_POLICIES, GROUP_KINDS, GROUP_VISIBILITIES, type GroupCreateInput } from '#common/groups';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Select } from '#web/components/ui/select';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isHrRole, useMe } from '#web/features/auth/use-me';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useCreateGroup } from './use-groups';

/** `/groups/new`: a member proposes an interest group; HR creates a group of any kind. */
export function NewGroupPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const hr = !!me && isHrRole(me.role);
  useDocumentTitle(hr ? t('groups.form.titleHr') : t('groups.form.title'));
  const navigate = useNavigate();
  const create = useCreateGroup();
  const [form, setForm] = useState({
    kind: 'interest' as GroupCreateInput['kind'],
    nameJa: '',
    nameEn: '',
    descriptionJa: '',
    descriptionEn: '',
    joinPolicy: 'open' as NonNullable<GroupCreateInput['joinPolicy']>,
    visibility: 'network' as NonNullable<GroupCreateInput['visibility']>,
    country: '',
    region: '',
    department: '',
    intakeYear: '',
  });
  const fields = isApiError(create.error) ? create.error.fields : {};
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: GroupCreateInput = {
      kind: hr ? form.kind : 'interest',
      nameJa: form.nameJa,
      nameEn: form.nameEn,
      descriptionJa: form.descriptionJa,
      descriptionEn: form.descriptionEn,
      joinPolicy: form.joinPolicy,
      ...(hr
        ? {
            visibility: form.visibility,
            country: form.country,
            region: form.region,
            department: form.department,
            intakeYear: form.intakeYear.trim() ? Number(form.intakeYear) : null,
          }
        : {}),
    };
    create.mutate(input, { onSuccess: (group) => navigate(`/groups/${group.id}`) });
  };

  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">
          {hr ? t('groups.form.titleHr') : t('groups.form.title')}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{hr ? t('groups.form.leadHr') : t('groups.form.lead')}</p>
      </div>
      <form
        onSubmit={submit}
        noValidate
        className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-xs"
      >
        {create.error && (
          <ErrorBanner message={isApiError(create.error) ? create.error.message : t('errors.generic')} />
        )}
        {hr && (
          <Select
            label={t('groups.form.kind')}
            name="kind"
            value={form.kind}
            options={GROUP_KINDS.map((k) => ({ value: k, label: t(`groups.kinds.${k}`) }))}
            onChange={set('kind')}
            errors={fields.kind}
          />
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('groups.form.nameJa')}
            name="nameJa"
            value={form.nameJa}
            onChange={set('nameJa')}
            maxLength={120}
            hint={t('groups.form.nameHint')}
            errors={fields.nameJa}
          />
          <TextField
            label={t('groups.form.nameEn')}
            name="nameEn"
            value={form.nameEn}
            onChange={set('nameEn')}
            maxLength={120}
            errors={fields.nameEn}
          />
        </div>
        <TextArea
          label={t('groups.form.descriptionJa')}
          name="descriptionJa"
          rows={3}
          value={form.descriptionJa}
          onChange={set('descriptionJa')}
          errors={fields.descriptionJa}
        />
        <TextArea
          label={t('groups.form.descriptionEn')}
          name="descriptionEn"
          rows={3}
          value={form.descriptionEn}
          onChange={set('descriptionEn')}
          errors={fields.descriptionEn}
        />
        <Select
          label={t('groups.form.joinPolicy')}
          name="joinPolicy"
          value={form.joinPolicy}
          options={GROUP_JOIN_POLICIES.map((p) => ({ value: p, label: t(`groups.policies.${p}`) }))}
          onChange={set('joinPolicy')}
          errors={fields.joinPolicy}
        />
        {hr && (
          <>
            <Select
              label={t('groups.form.visibility')}
              name="visibility"
              value={form.visibility}
              options={GROUP_VISIBILITIES.map((v) => ({
                value: v,
                label: t(`groups.form.visibilities.${v}`),
              }))}
              onChange={set('visibility')}
              errors={fields.visibility}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label={t('groups.form.country')}
                name="country"
                value={form.country}
                onChange={set('country')}
                maxLength={2}
                errors={fields.country}
              />
              <TextField
                label={t('groups.form.region')}
                name="region"
                value={form.region}
                onChange={set('region')}
                errors={fields.region}
              />
              <TextField
                label={t('groups.form.department')}
                name="department"
                value={form.department}
                onChange={set('department')}
                errors={fields.department}
              />
              <TextField
                label={t('groups.form.intakeYear')}
                name="intakeYear"
                inputMode="numeric"
                value={form.intakeYear}
                onChange={set('intakeYear')}
                errors={fields.intakeYear}
              />
            </div>
          </>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" isBusy={create.isPending}>
            {hr ? t('groups.form.submitHr') : t('groups.form.submit')}
          </Button>
          <Link to="/groups" className={buttonClasses('ghost')}>
            {t('groups.form.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
