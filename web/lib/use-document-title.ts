import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Directory | 絆 Kizuna" */
export function useDocumentTitle(title: string | null | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    const app = t('app.name');
    document.title = title ? `${title} | ${app}` : app;
  }, [title, t]);
}
