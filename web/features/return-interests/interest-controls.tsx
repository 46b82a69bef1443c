import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnInterest } from '#common/return-interests';
import { Badge } from '#web/components/ui/badge';
import { Spinner } from '#web/components/ui/spinner';
import { useLanguage } from '#web/lib/format';

/** An on/off switch (role="switch") with a visible label and an explanation read with it. */
export function Switch({
  checked,
  onChange,
  label,
  description,
  disabled = false,
  isBusy = false,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
  isBusy?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={description ? `${id}-description` : undefined}
        aria-busy={isBusy || undefined}
        disabled={disabled || isBusy}
        onClick={() => onChange(!checked)}
        className={
          'relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors ' +
          'focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-ai-500 ' +
          'disabled:cursor-not-allowed disabled:opacity-60 ' +
          (checked ? 'bg-ai-700' : 'bg-slate-300')
        }
      >
        <span
          aria-hidden="true"
          className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${checked ? 'translate-x-5' : 'translate-x-0.5'}`}
        />
      </button>
      <div className="min-w-0 flex-1 text-sm">
        <p id={`${id}-label`} className="flex items-center gap-2 font-medium text-slate-900">
          {label}
          {isBusy && <Spinner size="sm" />}
        </p>
        {description && (
          <p id={`${id}-description`} className="mt-0.5 text-slate-600">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}

/** Status of one interest as the member should read it: visible to HR, hidden, or withdrawn. */
export function InterestStatusBadge({ interest }: { interest: ReturnInterest }) {
  const { t } = useTranslation();
  if (interest.status === 'withdrawn') return <Badge>{t('returnInterest.status.withdrawn')}</Badge>;
  return interest.visibleToHr ? (
    <Badge tone="green">{t('returnInterest.status.visible')}</Badge>
  ) : (
    <Badge tone="amber">{t('returnInterest.status.hidden')}</Badge>
  );
}

/** A day in the member's own zone and language (2026年11月24日 / November 24, 2026). */
export function useDay() {
  const lang = useLanguage();
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'long' });
  return (iso: string) => format.format(new Date(iso));
}
