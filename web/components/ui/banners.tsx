import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { AlertIcon, CheckIcon } from './icons';

/** An error for the whole page or form; announced by screen readers as it appears. */
export function ErrorBanner({
  message,
  onRetry,
  children,
}: {
  message: ReactNode;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div
      role="alert"
      className="flex flex-wrap items-start gap-3 rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
    >
      <AlertIcon className="size-5 text-red-600" />
      <div className="min-w-0 flex-1">
        <p>{message}</p>
        {children}
      </div>
      {onRetry && (
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}

/** A confirmation (saved, sent); polite live region. */
export function SuccessBanner({ children }: { children: ReactNode }) {
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
    >
      <CheckIcon className="size-5 text-emerald-600" />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
