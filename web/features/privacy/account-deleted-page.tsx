import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { CheckIcon } from '#web/components/ui/icons';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useForgetDeletedSession } from './use-my-data';

/** Shown after the account is deleted; reachable signed out (the session is gone). */
export function AccountDeletedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.deleted.title'));
  const state = useLocation().state as { deleted?: boolean } | null;
  useForgetDeletedSession(state?.deleted === true);
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <Card>
        <div className="flex items-start gap-3">
          <CheckIcon className="mt-1 size-6 text-emerald-600" />
          <div className="space-y-3">
            <h1 className="text-xl font-bold text-slate-900">{t('privacy.deleted.title')}</h1>
            <p className="text-sm text-slate-700">{t('privacy.deleted.body')}</p>
            <p className="text-sm text-slate-700">{t('privacy.deleted.thanks')}</p>
            <Link to="/login" className={buttonClasses('secondary', 'sm')}>
              {t('privacy.deleted.toLogin')}
            </Link>
          </div>
        </div>
      </Card>
    </div>
  );
}
