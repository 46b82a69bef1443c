import { useTranslation } from 'react-i18next';
import { Button } from './button';

interface PaginationProps {
  page: number;
  pageCount: number;
  onChange: (page: number) => void;
}

export function Pagination({ page, pageCount, onChange }: PaginationProps) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t('pagination.label')} className="flex items-center justify-between gap-3 pt-2">
      <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onChange(page - 1)}>
        <span aria-hidden="true">←</span> {t('pagination.previous')}
      </Button>
      <p className="text-sm text-slate-600" aria-live="polite">
        {t('pagination.status', { page: page.toLocaleString(), pageCount: pageCount.toLocaleString() })}
      </p>
      <Button variant="secondary" size="sm" disabled={page >= pageCount} onClick={() => onChange(page + 1)}>
        {t('pagination.next')} <span aria-hidden="true">→</span>
      </Button>
    </nav>
  );
}
