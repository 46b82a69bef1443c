import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '#web/components/ui/card';

/**
 * On the home page: a way to people to meet. A link rather than the list itself, because every
 * read of the list counts as an impression and makes suggestions fade (decision 038).
 */
export function PeopleToMeetLink() {
  const { t } = useTranslation();
  return (
    <Card title={t('people.title')} id="people-to-meet">
      <p className="text-sm text-slate-600">{t('people.lead')}</p>
      <Link
        to="/people?list=diagonal"
        className="mt-2 inline-block text-sm font-medium text-ai-700 underline"
      >
        {t('people.homeLink')}
      </Link>
    </Card>
  );
}
