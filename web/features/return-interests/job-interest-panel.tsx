import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MAX_INTEREST_MESSAGE } from '#common/rehiring-reference';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { FieldErrors } from '#web/components/ui/field-errors';
import { Spinner } from '#web/components/ui/spinner';
import { TextArea } from '#web/components/ui/text-field';
import { useMe } from '#web/features/auth/use-me';
import { isApiError } from '#web/lib/api';
import { InterestStatusBadge, Switch, useDay } from './interest-controls';
import { useMyReturnInterests, useRaiseJobInterest, useWithdrawInterest } from './use-return-interests';

/**
 * "I'm interested" in one job, on the job page — for alumni only (nothing at all for anyone
 * else). The message and the consent switch are sent together; what was typed stays when the
 * request fails or the form is closed.
 */
export function JobInterestPanel({ jobId }: { jobId: string }) {
  const { data: me } = useMe();
  if (me?.role !== 'alumni') return null;
  return <AlumniJobInterest jobId={jobId} />;
}

function AlumniJobInterest({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const day = useDay();
  const query = useMyReturnInterests();
  const raise = useRaiseJobInterest(jobId);
  const withdraw = useWithdrawInterest();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  const [allow, setAllow] = useState(false);

  const interest = query.data?.jobs.find((j) => j.job?.id === jobId) ?? null;
  const active = interest?.status === 'active';
  const consented = query.data?.rehiringConsent ?? false;
  const fields = isApiError(raise.error) ? raise.error.fields : {};
  const failure =
    raise.error && Object.keys(fields).length === 0
      ? isApiError(raise.error) && raise.error.status === 404
        ? t('returnInterest.panel.jobGone')
        : raise.error.message
      : null;

  const open = () => {
    if (!message && interest?.message) setMessage(interest.message);
    raise.reset();
    setEditing(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    raise.mutate(
      { message: message.trim(), ...(allow && !consented ? { allowRehiringContact: true as const } : {}) },
      {
        onSuccess: () => {
          setEditing(false);
          setAllow(false);
        },
      },
    );
  };

  let body: ReactNode;
  if (query.isPending) {
    body = <Spinner />;
  } else if (query.isError) {
    body = <ErrorBanner message={t('returnInterest.loadError')} onRetry={() => void query.refetch()} />;
  } else if (editing) {
    body = (
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextArea
          label={t('returnInterest.panel.message')}
          hint={t('returnInterest.panel.messageHint')}
          value={message}
          maxLength={MAX_INTEREST_MESSAGE}
          required
          onChange={(e) => setMessage(e.target.value)}
          errors={fields.message}
        />
        {!consented && (
          <div className="rounded-lg border border-amber-300 bg-amber-50 p-3">
            <p className="mb-2 text-sm font-medium text-amber-950">
              {t('returnInterest.consent.hiddenTitle')}
            </p>
            <Switch
              checked={allow}
              onChange={setAllow}
              label={t('consents.purposes.rehiring.title')}
              description={t('consents.purposes.rehiring.body')}
            />
            <FieldErrors id={`job-interest-allow-${jobId}`} errors={fields.allowRehiringContact} />
          </div>
        )}
        {failure && <ErrorBanner message={failure} />}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" isBusy={raise.isPending}>
            {active ? t('returnInterest.panel.update') : t('returnInterest.panel.submit')}
          </Button>
          <Button variant="ghost" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    );
  } else if (interest && active) {
    body = (
      <div className="space-y-3" data-testid="job-interest-told">
        <p className="flex flex-wrap items-center gap-2 text-slate-900">
          <span className="font-medium">
            {t('returnInterest.panel.told', { date: day(interest.updatedAt) })}
          </span>
          <InterestStatusBadge interest={interest} />
        </p>
        {interest.message && (
          <blockquote className="whitespace-pre-wrap border-l-4 border-slate-200 pl-3 text-sm text-slate-700">
            {interest.message}
          </blockquote>
        )}
        {!interest.visibleToHr && (
          <p className="text-sm text-amber-900">
            {t('returnInterest.consent.hiddenTitle')}{' '}
            <Link to="/careers/return" className="font-medium underline underline-offset-2">
              {t('returnInterest.panel.allowThere')}
            </Link>
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" size="sm" onClick={open}>
            {t('returnInterest.panel.edit')}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            isBusy={withdraw.isPending}
            onClick={() => {
              if (window.confirm(t('returnInterest.panel.confirmWithdraw'))) withdraw.mutate(interest);
            }}
          >
            {t('returnInterest.mine.withdraw')}
          </Button>
        </div>
        {withdraw.isError && <ErrorBanner message={withdraw.error.message} />}
      </div>
    );
  } else {
    body = (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{t('returnInterest.panel.intro')}</p>
        {interest?.withdrawnAt && (
          <p className="text-sm text-slate-600">
            {t('returnInterest.panel.withdrawn', { date: day(interest.withdrawnAt) })}
          </p>
        )}
        <Button onClick={open}>
          {interest ? t('returnInterest.panel.again') : t('returnInterest.panel.button')}
        </Button>
      </div>
    );
  }

  return (
    <Card title={t('returnInterest.panel.title')} id="job-interest" as="h2">
      {body}
    </Card>
  );
}
