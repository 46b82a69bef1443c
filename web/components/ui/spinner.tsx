import { useTranslation } from 'react-i18next';

interface SpinnerProps {
  size?: 'sm' | 'md' | 'lg';
  /** When the surrounding element already says what is happening. */
  decorative?: boolean;
  label?: string;
}

const sizes = { sm: 'size-4 border-2', md: 'size-6 border-2', lg: 'size-10 border-[3px]' };

export function Spinner({ size = 'md', decorative = false, label }: SpinnerProps) {
  const { t } = useTranslation();
  const circle = (
    <span
      aria-hidden="true"
      className={`inline-block animate-spin rounded-full border-current border-r-transparent ${sizes[size]}`}
    />
  );
  if (decorative) return circle;
  return (
    <span role="status" className="inline-flex items-center gap-2 text-ai-700">
      {circle}
      <span className="sr-only">{label ?? t('common.loading')}</span>
    </span>
  );
}

/** A whole-page loading state. */
export function PageSpinner() {
  return (
    <div className="flex min-h-[40vh] items-center justify-center">
      <Spinner size="lg" />
    </div>
  );
}
