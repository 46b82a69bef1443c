import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_CATEGORIES } from '#common/exits-reference';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Checkbox } from '#web/components/ui/checkbox';
import { describedBy, FieldErrors } from '#web/components/ui/field-errors';
import { Spinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useEligibilityRules, useKnownLeaveReasons, useSaveEligibilityRules } from './use-join-requests';

const isReasonCategory = (code: string): code is (typeof REASON_CATEGORIES)[number] =>
  (REASON_CATEGORIES as readonly string[]).includes(code);

/** HR's rules for approving join requests automatically (and warnings in the queue). */
export function EligibilityRulesForm() {
  const { t } = useTranslation();
  const rules = useEligibilityRules();
  const known = useKnownLeaveReasons();
  const save = useSaveEligibilityRules();
  const [minTenure, setMinTenure] = useState('0');
  const [reasons, setReasons] = useState<string[]>([]);
  const [allowCurrent, setAllowCurrent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (!rules.data) return;
    setMinTenure(String(rules.data.minTenureMonths));
    setReasons(rules.data.excludedLeaveReasons);
    setAllowCurrent(rules.data.allowCurrentEmployees);
  }, [rules.data]);

  if (rules.isPending || known.isPending) return <Spinner />;
  if (rules.isError || known.isError) {
    return (
      <ErrorBanner
        message={t('errors.generic')}
        onRetry={() => {
          void rules.refetch();
          void known.refetch();
        }}
      />
    );
  }
  // The codes in the HR records, plus any already excluded that no record carries any more (so
  // saving never drops one silently).
  const options = [...new Set([...known.data.items, ...rules.data.excludedLeaveReasons])].sort();
  const reasonLabel = (code: string) => (isReasonCategory(code) ? t(`exits.reasons.${code}`) : code);
  const toggleReason = (code: string, on: boolean) =>
    setReasons((current) => (on ? [...current, code] : current.filter((c) => c !== code)));
  const reasonErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith('excludedLeaveReasons'))
    .flatMap(([, v]) => v);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    const n = Number(minTenure);
    save.mutate(
      {
        minTenureMonths: minTenure.trim() === '' || !Number.isFinite(n) ? -1 : n,
        excludedLeaveReasons: options.filter((code) => reasons.includes(code)),
        allowCurrentEmployees: allowCurrent,
      },
      {
        onSuccess: () => setMessage({ kind: 'saved', text: t('joinRequests.rules.saved') }),
        onError: (error) => {
          setErrors(isApiError(error) ? error.fields : {});
          setMessage({ kind: 'error', text: isApiError(error) ? error.message : t('errors.generic') });
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-slate-600">{t('joinRequests.rules.help')}</p>
      {message?.kind === 'saved' && <SuccessBanner>{message.text}</SuccessBanner>}
      {message?.kind === 'error' && <ErrorBanner message={message.text} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('joinRequests.rules.minTenure')}
          type="number"
          inputMode="numeric"
          min={0}
          max={600}
          value={minTenure}
          onChange={(e) => setMinTenure(e.target.value)}
          errors={errors.minTenureMonths}
        />
      </div>
      <fieldset
        aria-describedby={describedBy(
          'excluded-reasons-hint',
          reasonErrors.length > 0 && 'excluded-reasons-errors',
        )}
      >
        <legend className="text-sm font-medium text-slate-900">
          {t('joinRequests.rules.excludedReasons')}
        </legend>
        <p id="excluded-reasons-hint" className="mt-0.5 text-xs text-slate-500">
          {t('joinRequests.rules.excludedReasonsHint')}
        </p>
        {options.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t('joinRequests.rules.noKnownReasons')}</p>
        ) : (
          <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="excluded-reasons">
            {options.map((code) => (
              <Checkbox
                key={code}
                label={reasonLabel(code)}
                checked={reasons.includes(code)}
                onChange={(e) => toggleReason(code, e.target.checked)}
              />
            ))}
          </div>
        )}
        <FieldErrors id="excluded-reasons-errors" errors={reasonErrors} />
      </fieldset>
      <Checkbox
        label={t('joinRequests.rules.allowCurrent')}
        checked={allowCurrent}
        onChange={(e) => setAllowCurrent(e.target.checked)}
        errors={errors.allowCurrentEmployees}
      />
      <div className="flex justify-end">
        <Button type="submit" isBusy={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
