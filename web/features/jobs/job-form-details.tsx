import { useTranslation } from 'react-i18next';
import { JOB_MAX_SKILLS, JOB_SKILL_MAX_LENGTH } from '#common/jobs';
import {
  EMPLOYMENT_TYPES,
  type EmploymentType,
  REMOTE_MODES,
  type RemoteMode,
  SALARY_PERIODS,
  type SalaryPeriod,
} from '#common/rehiring-reference';
import { Card } from '#web/components/ui/card';
import { ChipInput } from '#web/components/ui/chip-input';
import { Select } from '#web/components/ui/select';
import { TextField } from '#web/components/ui/text-field';
import { CURRENCIES, type JobFormSectionProps } from './job-form-state';

/** Department, place, way of working, skills and closing day; then the salary. */
export function JobDetailsSection({ state, set, fieldErrors }: JobFormSectionProps) {
  const { t } = useTranslation();
  return (
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
      <SalaryFields state={state} set={set} fieldErrors={fieldErrors} />
    </Card>
  );
}

/** The salary range, its currency and period (all optional). */
function SalaryFields({ state, set, fieldErrors }: JobFormSectionProps) {
  const { t } = useTranslation();
  return (
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
  );
}
