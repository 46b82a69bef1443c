import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  JOB_AUDIENCE_PRESETS,
  JOB_MAX_SKILLS,
  JOB_SKILL_MAX_LENGTH,
  type Job,
  type JobAudiencePreset,
  type JobCreateInput,
  JobCreateSchema,
  JobUpdateSchema,
  jobTitle,
} from '#common/jobs';
import {
  EMPLOYMENT_TYPES,
  type EmploymentType,
  REMOTE_MODES,
  type RemoteMode,
  SALARY_PERIODS,
  type SalaryPeriod,
} from '#common/rehiring-reference';
import { NotFoundPage } from '#web/components/not-found-page';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Checkbox } from '#web/components/ui/checkbox';
import { ChipInput, useListErrors, withDraft } from '#web/components/ui/chip-input';
import { RequiredLegend } from '#web/components/ui/field';
import { Select } from '#web/components/ui/select';
import { PageSpinner } from '#web/components/ui/spinner';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useLanguage } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useFlash } from '#web/lib/use-flash';
import { type FieldErrorMap, validateWithSchema } from '#web/lib/zod-form';
import { GroupPicker, type PickedMember } from './form-controls';
import { JobStatusBadge } from './job-status';
import { useCloseJob, useCreateJob, useJob, usePublishJob, useUpdateJob } from './use-jobs';

const CURRENCIES = ['JPY', 'USD', 'EUR', 'GBP', 'SGD', 'CNY', 'KRW'];

interface FormState {
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  department: string;
  location: string;
  remote: RemoteMode;
  employmentType: EmploymentType;
  skills: string[];
  pendingSkill: string;
  salaryMin: string;
  salaryMax: string;
  salaryCurrency: string;
  salaryPeriod: SalaryPeriod;
  closesOn: string;
  preset: JobAudiencePreset;
  members: PickedMember[];
  excludeRecent: boolean;
  excludeMonths: string;
  excludeEmployers: string;
}

const EMPTY: FormState = {
  titleJa: '',
  titleEn: '',
  descriptionJa: '',
  descriptionEn: '',
  department: '',
  location: '',
  remote: 'hybrid',
  employmentType: 'full_time',
  skills: [],
  pendingSkill: '',
  salaryMin: '',
  salaryMax: '',
  salaryCurrency: 'JPY',
  salaryPeriod: 'year',
  closesOn: '',
  preset: 'alumni_and_employees',
  members: [],
  excludeRecent: false,
  excludeMonths: '6',
  excludeEmployers: '',
};

function fromJob(job: Job): FormState {
  const audience = job.audience;
  return {
    titleJa: job.titleJa ?? '',
    titleEn: job.titleEn ?? '',
    descriptionJa: job.descriptionJa ?? '',
    descriptionEn: job.descriptionEn ?? '',
    department: job.department,
    location: job.location,
    remote: job.remote,
    employmentType: job.employmentType,
    skills: job.skills,
    pendingSkill: '',
    salaryMin: job.salary?.min != null ? String(job.salary.min) : '',
    salaryMax: job.salary?.max != null ? String(job.salary.max) : '',
    salaryCurrency: job.salary?.currency ?? 'JPY',
    salaryPeriod: job.salary?.period ?? 'year',
    closesOn: job.closesOn,
    preset: audience?.preset ?? 'alumni_and_employees',
    members: audience?.members ?? [],
    excludeRecent: audience?.excludeLeftWithinMonths != null,
    excludeMonths: String(audience?.excludeLeftWithinMonths ?? 6),
    excludeEmployers: (audience?.excludeEmployers ?? []).join('\n'),
  };
}

/** A number as typed (spaces and thousands separators allowed); what is not a number goes as typed. */
const amount = (text: string): number | null => {
  const clean = text.replace(/[,，\s]/g, '');
  if (clean === '') return null;
  const n = Number(clean);
  return Number.isFinite(n) ? n : (clean as unknown as number);
};

/** The body the API takes; the server validates it all (errors come back per field). */
function toPayload(s: FormState): Omit<JobCreateInput, 'status'> {
  const salaryMin = amount(s.salaryMin);
  const salaryMax = amount(s.salaryMax);
  const hasSalary = salaryMin !== null || salaryMax !== null;
  return {
    titleJa: s.titleJa.trim() || null,
    titleEn: s.titleEn.trim() || null,
    descriptionJa: s.descriptionJa.trim() ? s.descriptionJa : null,
    descriptionEn: s.descriptionEn.trim() ? s.descriptionEn : null,
    department: s.department,
    location: s.location,
    remote: s.remote,
    employmentType: s.employmentType,
    skills: withDraft(s.skills, s.pendingSkill),
    salaryMin,
    salaryMax,
    salaryCurrency: hasSalary ? s.salaryCurrency : null,
    salaryPeriod: hasSalary ? s.salaryPeriod : null,
    closesOn: s.closesOn,
    audience: {
      preset: s.preset,
      memberIds: s.preset === 'group' ? s.members.map((m) => m.id) : [],
      excludeLeftWithinMonths: s.excludeRecent ? (amount(s.excludeMonths) ?? 0) : null,
      excludeEmployers: s.excludeEmployers
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    },
  };
}

/** `/admin/jobs/new` and `/admin/jobs/:id/edit` (HR). */
export function JobFormPage() {
  const { id } = useParams();
  const job = useJob(id);
  if (!id) return <JobForm key="new" />;
  if (job.isPending) return <PageSpinner />;
  if (job.isError) {
    if (isApiError(job.error) && (job.error.status === 404 || job.error.status === 400))
      return <NotFoundPage />;
    return (
      <div className="mx-auto max-w-5xl px-4 py-8">
        <ErrorBanner message={job.error.message} onRetry={() => void job.refetch()} />
      </div>
    );
  }
  return <JobForm key={job.data.id} job={job.data} />;
}

function JobForm({ job }: { job?: Job }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const heading = job ? t('jobs.form.editTitle') : t('jobs.form.newTitle');
  useDocumentTitle(heading);
  const notice = useFlash<'saved'>('notice');
  const [state, setState] = useState<FormState>(() => (job ? fromJob(job) : EMPTY));
  const [savedAt, setSavedAt] = useState(0);
  const create = useCreateJob();
  const update = useUpdateJob();
  const publish = usePublishJob();
  const close = useCloseJob();
  const error = create.error ?? update.error ?? publish.error ?? close.error;
  // The server's schema is checked in the browser first; its messages show like the server's.
  const [clientErrors, setClientErrors] = useState<FieldErrorMap>({});
  const fields = { ...(isApiError(error) ? error.fields : {}), ...clientErrors };
  const listErrors = useListErrors(fields);
  // The skills as last sent: an entry's message (skills.2) names the entry it is about.
  const [sentSkills, setSentSkills] = useState<string[]>([]);
  const busy = create.isPending || update.isPending || publish.isPending || close.isPending;
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    setSavedAt(0);
  };

  // Messages for one field, and for the keys below it (skills.2, audience.excludeEmployers.0).
  const shown = new Set<string>();
  const errorsFor = (...keys: string[]) => {
    const out: string[] = [];
    for (const [key, messages] of Object.entries(fields)) {
      if (keys.some((k) => key === k || key.startsWith(`${k}.`))) {
        shown.add(key);
        out.push(...messages);
      }
    }
    return out.length > 0 ? [...new Set(out)] : undefined;
  };

  const reset = () => {
    setClientErrors({});
    create.reset();
    update.reset();
    publish.reset();
    close.reset();
    // What is still typed in the skills box is sent (toPayload) and shown as a chip from now on.
    setSentSkills(withDraft(state.skills, state.pendingSkill));
    setState((s) => ({ ...s, skills: withDraft(s.skills, s.pendingSkill), pendingSkill: '' }));
  };

  const saveNew = (status: 'draft' | 'open') => {
    reset();
    const body = { ...toPayload(state), status };
    const checked = validateWithSchema(JobCreateSchema, body);
    if (!checked.ok) return setClientErrors(checked.fields);
    create.mutate(body, {
      onSuccess: (created) =>
        status === 'open'
          ? navigate('/admin/jobs', { state: { notice: 'published' } })
          : navigate(`/admin/jobs/${created.id}/edit`, { state: { notice: 'saved' } }),
    });
  };

  const saveExisting = (then?: 'publish') => {
    if (!job) return;
    reset();
    const input = toPayload(state);
    const checked = validateWithSchema(JobUpdateSchema, input);
    if (!checked.ok) return setClientErrors(checked.fields);
    update.mutate(
      { id: job.id, input },
      {
        onSuccess: () => {
          if (then === 'publish') {
            publish.mutate(job.id, {
              onSuccess: () => navigate('/admin/jobs', { state: { notice: 'published' } }),
            });
          } else {
            setSavedAt(Date.now());
          }
        },
      },
    );
  };

  const closeJob = () => {
    if (!job || !window.confirm(t('jobs.form.confirmClose'))) return;
    reset();
    close.mutate(job.id, { onSuccess: () => navigate('/admin/jobs', { state: { notice: 'closed' } }) });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (job) saveExisting();
    else saveNew('draft');
  };

  // An expired job is still open: a later closing date (Save) lists it again.
  const canPublish = job && job.status !== 'open';
  const fieldErrors = {
    titleJa: errorsFor('titleJa'),
    titleEn: errorsFor('titleEn'),
    descriptionJa: errorsFor('descriptionJa'),
    descriptionEn: errorsFor('descriptionEn'),
    department: errorsFor('department'),
    location: errorsFor('location'),
    remote: errorsFor('remote'),
    employmentType: errorsFor('employmentType'),
    skills: errorsFor('skills') && listErrors('skills', sentSkills),
    salaryMin: errorsFor('salaryMin'),
    salaryMax: errorsFor('salaryMax'),
    salaryCurrency: errorsFor('salaryCurrency'),
    salaryPeriod: errorsFor('salaryPeriod'),
    closesOn: errorsFor('closesOn'),
    preset: errorsFor('audience.preset'),
    members: errorsFor('audience.memberIds'),
    months: errorsFor('audience.excludeLeftWithinMonths'),
    employers: errorsFor('audience.excludeEmployers'),
  };
  const otherErrors = Object.entries(fields).filter(([key]) => !shown.has(key));

  // After a rejected save, take the member to the first field that needs attention.
  const formRef = useRef<HTMLFormElement>(null);
  const hasClientErrors = Object.keys(clientErrors).length > 0;
  useEffect(() => {
    if (!error && !hasClientErrors) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else window.scrollTo({ top: 0, behavior: 'smooth' });
  }, [error, hasClientErrors]);

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:py-8">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p>
            <Link to="/admin/jobs" className="text-sm text-ai-700 underline-offset-2 hover:underline">
              ← {t('jobs.admin.title')}
            </Link>
          </p>
          <h1 className="mt-1 text-2xl font-bold text-slate-900">{heading}</h1>
          {job && <p className="mt-1 text-slate-700">{jobTitle(job, lang)}</p>}
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('jobs.form.lead')}</p>
        </div>
        {job?.status && (
          <div className="flex items-center gap-2 text-sm text-slate-600">
            {t('jobs.form.status')} <JobStatusBadge status={job.status} expired={job.expired ?? false} />
          </div>
        )}
      </div>

      {(notice === 'saved' || savedAt > 0) && !error && <SuccessBanner>{t('jobs.form.saved')}</SuccessBanner>}
      {error && (
        <ErrorBanner message={isApiError(error) ? error.message : t('errors.generic')}>
          {otherErrors.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {otherErrors.map(([key, messages]) => (
                <li key={key}>{messages.join(' ')}</li>
              ))}
            </ul>
          )}
        </ErrorBanner>
      )}

      <form ref={formRef} onSubmit={submit} noValidate className="space-y-6" aria-label={heading}>
        <RequiredLegend />
        <div className="grid gap-6 md:grid-cols-2">
          {(['ja', 'en'] as const).map((language) => {
            const suffix = language === 'ja' ? 'Ja' : 'En';
            const title = `title${suffix}` as const;
            const description = `description${suffix}` as const;
            return (
              <Card
                key={language}
                title={t(language === 'ja' ? 'jobs.form.japanese' : 'jobs.form.english')}
                as="h2"
              >
                <div className="space-y-4" lang={language}>
                  <TextField
                    label={t(`jobs.form.${title}`)}
                    name={title}
                    value={state[title]}
                    maxLength={200}
                    onChange={(e) => set(title, e.target.value)}
                    errors={fieldErrors[title]}
                  />
                  <TextArea
                    label={t(`jobs.form.${description}`)}
                    name={description}
                    rows={10}
                    value={state[description]}
                    onChange={(e) => set(description, e.target.value)}
                    hint={t('jobs.form.descriptionHint')}
                    errors={fieldErrors[description]}
                  />
                </div>
              </Card>
            );
          })}
        </div>

        <Card title={t('jobs.form.details')} as="h2">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={t('jobs.form.department')}
              name="department"
              required
              maxLength={80}
              value={state.department}
              onChange={(e) => set('department', e.target.value)}
              errors={fieldErrors.department}
            />
            <TextField
              label={t('jobs.form.location')}
              name="location"
              required
              maxLength={80}
              value={state.location}
              onChange={(e) => set('location', e.target.value)}
              errors={fieldErrors.location}
            />
            <Select
              label={t('jobs.form.remote')}
              name="remote"
              value={state.remote}
              options={REMOTE_MODES.map((m) => ({ value: m, label: t(`jobs.remote.${m}`) }))}
              onChange={(e) => set('remote', e.target.value as RemoteMode)}
              errors={fieldErrors.remote}
            />
            <Select
              label={t('jobs.form.employmentType')}
              name="employmentType"
              value={state.employmentType}
              options={EMPLOYMENT_TYPES.map((m) => ({ value: m, label: t(`jobs.employmentTypes.${m}`) }))}
              onChange={(e) => set('employmentType', e.target.value as EmploymentType)}
              errors={fieldErrors.employmentType}
            />
            <div className="sm:col-span-2">
              <ChipInput
                label={t('jobs.form.skills')}
                hint={t('jobs.form.skillsHint')}
                placeholder={t('jobs.form.skillsPlaceholder')}
                values={state.skills}
                onChange={(skills) => set('skills', skills)}
                draft={state.pendingSkill}
                onDraftChange={(text) => set('pendingSkill', text)}
                errors={fieldErrors.skills}
                max={JOB_MAX_SKILLS}
                maxLength={JOB_SKILL_MAX_LENGTH}
                name="skills"
              />
            </div>
            <TextField
              label={t('jobs.form.closesOn')}
              name="closesOn"
              type="date"
              required
              value={state.closesOn}
              onChange={(e) => set('closesOn', e.target.value)}
              hint={t('jobs.form.closesOnHint')}
              errors={fieldErrors.closesOn}
            />
          </div>
          <fieldset className="mt-6">
            <legend className="text-sm font-medium text-slate-800">{t('jobs.form.salary')}</legend>
            <div className="mt-2 grid grid-cols-2 gap-4 sm:grid-cols-4">
              <TextField
                label={t('jobs.form.salaryMin')}
                name="salaryMin"
                inputMode="numeric"
                value={state.salaryMin}
                onChange={(e) => set('salaryMin', e.target.value)}
                errors={fieldErrors.salaryMin}
              />
              <TextField
                label={t('jobs.form.salaryMax')}
                name="salaryMax"
                inputMode="numeric"
                value={state.salaryMax}
                onChange={(e) => set('salaryMax', e.target.value)}
                errors={fieldErrors.salaryMax}
              />
              <Select
                label={t('jobs.form.currency')}
                name="salaryCurrency"
                value={state.salaryCurrency}
                options={[...new Set([state.salaryCurrency, ...CURRENCIES])].map((c) => ({
                  value: c,
                  label: c,
                }))}
                onChange={(e) => set('salaryCurrency', e.target.value)}
                errors={fieldErrors.salaryCurrency}
              />
              <Select
                label={t('jobs.form.period')}
                name="salaryPeriod"
                value={state.salaryPeriod}
                options={SALARY_PERIODS.map((p) => ({ value: p, label: t(`jobs.periods.${p}`) }))}
                onChange={(e) => set('salaryPeriod', e.target.value as SalaryPeriod)}
                errors={fieldErrors.salaryPeriod}
              />
            </div>
          </fieldset>
        </Card>

        <Card title={t('jobs.form.audience')} as="h2">
          <fieldset>
            <legend className="sr-only">{t('jobs.form.audience')}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {JOB_AUDIENCE_PRESETS.map((preset) => (
                <label
                  key={preset}
                  className={
                    'flex cursor-pointer gap-3 rounded-xl border p-3 text-sm ' +
                    (state.preset === preset
                      ? 'border-ai-500 bg-ai-50'
                      : 'border-slate-200 hover:bg-slate-50')
                  }
                >
                  <input
                    type="radio"
                    name="preset"
                    value={preset}
                    checked={state.preset === preset}
                    onChange={() => set('preset', preset)}
                    className="mt-0.5 accent-ai-700"
                  />
                  <span>
                    <span className="block font-medium text-slate-900">{t(`jobs.audience.${preset}`)}</span>
                    <span className="block text-slate-600">{t(`jobs.audience.hint.${preset}`)}</span>
                  </span>
                </label>
              ))}
            </div>
            {fieldErrors.preset && (
              <p className="mt-2 text-sm text-red-700">{fieldErrors.preset.join(' ')}</p>
            )}
          </fieldset>
          {state.preset === 'group' && (
            <div className="mt-4">
              <GroupPicker
                value={state.members}
                onChange={(members) => set('members', members)}
                errors={fieldErrors.members}
              />
            </div>
          )}
          <fieldset className="mt-6 space-y-3">
            <legend className="text-sm font-medium text-slate-800">{t('jobs.form.exclusions')}</legend>
            <Checkbox
              label={t('jobs.form.excludeRecent')}
              checked={state.excludeRecent}
              onChange={(e) => set('excludeRecent', e.target.checked)}
            />
            {state.excludeRecent && (
              <TextField
                label={t('jobs.form.months')}
                name="excludeMonths"
                type="number"
                min={1}
                max={120}
                value={state.excludeMonths}
                onChange={(e) => set('excludeMonths', e.target.value)}
                containerClassName="ml-7 w-32"
                errors={fieldErrors.months}
              />
            )}
            <TextArea
              label={t('jobs.form.excludeEmployers')}
              name="excludeEmployers"
              rows={3}
              value={state.excludeEmployers}
              onChange={(e) => set('excludeEmployers', e.target.value)}
              hint={t('jobs.form.excludeEmployersHint')}
              errors={fieldErrors.employers}
            />
          </fieldset>
        </Card>

        <div className="flex flex-wrap gap-3">
          {!job && (
            <>
              <Button type="submit" variant="secondary" isBusy={busy && create.variables?.status === 'draft'}>
                {t('jobs.form.saveDraft')}
              </Button>
              <Button isBusy={busy && create.variables?.status === 'open'} onClick={() => saveNew('open')}>
                {t('jobs.form.publish')}
              </Button>
            </>
          )}
          {job && (
            <>
              <Button type="submit" variant={canPublish ? 'secondary' : 'primary'} isBusy={update.isPending}>
                {t('jobs.form.save')}
              </Button>
              {canPublish && (
                <Button isBusy={publish.isPending} disabled={busy} onClick={() => saveExisting('publish')}>
                  {job.status === 'closed' ? t('jobs.form.reopen') : t('jobs.form.publish')}
                </Button>
              )}
              {job.status !== 'closed' && (
                <Button variant="danger" isBusy={close.isPending} disabled={busy} onClick={closeJob}>
                  {t('jobs.form.close')}
                </Button>
              )}
              <Link to={`/jobs/${job.id}`} className={buttonClasses('ghost', 'md')}>
                {t('jobs.admin.view')}
              </Link>
            </>
          )}
        </div>
      </form>
    </div>
  );
}
