import { useTranslation } from 'react-i18next';
import { Card } from '#web/components/ui/card';
import { TextArea, TextField } from '#web/components/ui/text-field';
import type { JobFormSectionProps } from './job-form-state';

/** The job's title and description, one card per language. */
export function JobTextsSection({ state, set, fieldErrors }: JobFormSectionProps) {
  const { t } = useTranslation();
  return (
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
  );
}
