import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Job, JobCreateSchema, JobUpdateSchema } from '#common/jobs';
import { useListErrors, withDraft } from '#web/components/ui/chip-input';
import { isApiError } from '#web/lib/api';
import { type FieldErrorMap, validateWithSchema } from '#web/lib/zod-form';
import { EMPTY, type FormState, fromJob, type JobFieldErrors, toPayload } from './job-form-state';
import { useCloseJob, useCreateJob, usePublishJob, useUpdateJob } from './use-jobs';

/**
 * The job form's state, checks and actions: the fields as typed, the messages per control (the
 * server's schema is checked in the browser first), and save / publish / close.
 */
export function useJobForm(job: Job | undefined) {
  const { t } = useTranslation();
  const navigate = useNavigate();
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

  const fieldErrors: JobFieldErrors = {
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

  return {
    state,
    set,
    savedAt,
    error,
    busy,
    fieldErrors,
    otherErrors,
    formRef,
    submit,
    saveNew,
    saveExisting,
    closeJob,
    create,
    update,
    publish,
    close,
  };
}
