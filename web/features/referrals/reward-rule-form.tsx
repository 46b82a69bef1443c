import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REWARD_NOTE_MAX } from '#common/referrals';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Checkbox } from '#web/components/ui/checkbox';
import { Spinner } from '#web/components/ui/spinner';
import { TextArea, TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useRewardRule, useSaveRewardRule } from './use-referrals';

/** HR's referral reward rule: on/off, amount and currency, and a note for members in each language. */
export function RewardRuleForm() {
  const { t } = useTranslation();
  const rule = useRewardRule();
  const save = useSaveRewardRule();
  const [enabled, setEnabled] = useState(false);
  const [amount, setAmount] = useState('0');
  const [currency, setCurrency] = useState('JPY');
  const [noteJa, setNoteJa] = useState('');
  const [noteEn, setNoteEn] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (!rule.data) return;
    setEnabled(rule.data.enabled);
    setAmount(String(rule.data.amount));
    setCurrency(rule.data.currency);
    setNoteJa(rule.data.noteJa ?? '');
    setNoteEn(rule.data.noteEn ?? '');
  }, [rule.data]);

  if (rule.isPending) return <Spinner />;
  if (rule.isError) return <ErrorBanner message={t('errors.generic')} onRetry={() => void rule.refetch()} />;

  const changed =
    <T,>(setter: (v: T) => void, key: string) =>
    (value: T) => {
      setter(value);
      setErrors(({ [key]: _fixed, ...rest }) => rest);
      setMessage(null);
    };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    const n = Number(amount);
    save.mutate(
      {
        enabled,
        // Not a number: sent as is, so the server's message appears under the field.
        amount: amount.trim() === '' || !Number.isFinite(n) ? Number.NaN : n,
        currency: currency.trim(),
        noteJa: noteJa.trim() || null,
        noteEn: noteEn.trim() || null,
      },
      {
        onSuccess: () => setMessage({ kind: 'saved', text: t('referrals.admin.rule.saved') }),
        onError: (error) => {
          setErrors(isApiError(error) ? error.fields : {});
          setMessage({ kind: 'error', text: isApiError(error) ? error.message : t('errors.generic') });
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-slate-600">{t('referrals.admin.rule.help')}</p>
      {message?.kind === 'saved' && <SuccessBanner>{message.text}</SuccessBanner>}
      {message?.kind === 'error' && <ErrorBanner message={message.text} />}
      <Checkbox
        label={t('referrals.admin.rule.enabled')}
        checked={enabled}
        onChange={(e) => changed(setEnabled, 'enabled')(e.target.checked)}
        errors={errors.enabled}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t('referrals.admin.rule.amount')}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={amount}
          onChange={(e) => changed(setAmount, 'amount')(e.target.value)}
          errors={errors.amount}
        />
        <TextField
          label={t('referrals.admin.rule.currency')}
          hint={t('referrals.admin.rule.currencyHint')}
          value={currency}
          maxLength={3}
          autoCapitalize="characters"
          className="uppercase"
          onChange={(e) => changed(setCurrency, 'currency')(e.target.value)}
          errors={errors.currency}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextArea
          label={t('referrals.admin.rule.noteJa')}
          lang="ja"
          value={noteJa}
          maxLength={REWARD_NOTE_MAX}
          onChange={(e) => changed(setNoteJa, 'noteJa')(e.target.value)}
          errors={errors.noteJa}
        />
        <TextArea
          label={t('referrals.admin.rule.noteEn')}
          lang="en"
          value={noteEn}
          maxLength={REWARD_NOTE_MAX}
          onChange={(e) => changed(setNoteEn, 'noteEn')(e.target.value)}
          errors={errors.noteEn}
        />
      </div>
      <Button type="submit" isBusy={save.isPending}>
        {t('referrals.admin.rule.save')}
      </Button>
    </form>
  );
}
