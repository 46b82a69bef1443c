import { useTranslation } from 'react-i18next';
import { JOB_AUDIENCE_PRESETS } from '#common/jobs';
import { MemberPicker } from '#web/components/member-picker';
import { Card } from '#web/components/ui/card';
import { Checkbox } from '#web/components/ui/checkbox';
import { TextArea, TextField } from '#web/components/ui/text-field';
import type { JobFormSectionProps } from './job-form-state';

/** Who may see the job: a preset (a group picks its members), then who is left out. */
export function JobAudienceSection({ state, set, fieldErrors }: JobFormSectionProps) {
  const { t } = useTranslation();
  return (
    <Card title={t('jobs.form.audience')} as="h2">
      <fieldset>
        <legend className="sr-only">{t('jobs.form.audience')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {JOB_AUDIENCE_PRESETS.map((preset) => (
            <label
              key={preset}
              className={
                'flex cursor-pointer gap-3 rounded-xl border p-3 text-sm ' +
                (state.preset === preset ? 'border-ai-500 bg-ai-50' : 'border-slate-200 hover:bg-slate-50')
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
        {fieldErrors.preset && <p className="mt-2 text-sm text-red-700">{fieldErrors.preset.join(' ')}</p>}
      </fieldset>
      {state.preset === 'group' && (
        <div className="mt-4">
          <MemberPicker
            label={t('jobs.form.groupMembers')}
            scope="all"
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
  );
}
