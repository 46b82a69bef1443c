import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, SuccessBanner } from '../../components/ui/banners';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { Spinner } from '../../components/ui/spinner';
import { TextField } from '../../components/ui/text-field';
import { isApiError } from '../../lib/api';
import { useEligibilityRules, useSaveEligibilityRules } from './use-join-requests';

/** HR's rules for approving join requests automatically (and warnings in the queue). */
export function EligibilityRulesForm() {
  const { t } = useTranslation();
  const rules = useEligibilityRules();
  const save = useSaveEligibilityRules();
  const [minTenure, setMinTenure] = useState('0');
  const [reasons, setReasons] = useState('');
  const [allowCurrent, setAllowCurrent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (!rules.data) return;
    setMinTenure(String(rules.data.minTenureMonths));
    setReasons(rules.data.excludedLeaveReasons.join(', '));
    setAllowCurrent(rules.data.allowCurrentEmployees);
  }, [rules.data]);

  if (rules.isPending) return <Spinner />;
  if (rules.isError) {
    return <ErrorBanner message={t('errors.generic')} onRetry={() => void rules.refetch()} />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    const n = Number(minTenure);
    save.mutate(
      {
        minTenureMonths: minTenure.trim() === '' || !Number.isFinite(n) ? -1 : n,
        excludedLeaveReasons: reasons
          .split(/[,、\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
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
        <TextField
          label={t('joinRequests.rules.excludedReasons')}
          hint={t('joinRequests.rules.excludedReasonsHint')}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
          errors={Object.entries(errors)
            .filter(([k]) => k.startsWith('excludedLeaveReasons'))
            .flatMap(([, v]) => v)}
        />
      </div>
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
