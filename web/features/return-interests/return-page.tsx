import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  MAX_INTEREST_MESSAGE,
  MAX_PREFERENCE_LENGTH,
  MAX_PREFERENCES,
  RETURN_TIMINGS,
  type ReturnTiming,
} from '#common/rehiring-reference';
import type { MyReturnInterests, ReturnInterest } from '#common/return-interests';
import { CareersNav } from '#web/components/careers-nav';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { ChipInput, useListErrors, withDraft } from '#web/components/ui/chip-input';
import { Select } from '#web/components/ui/select';
import { PageSpinner } from '#web/components/ui/spinner';
import { TextArea } from '#web/components/ui/text-field';
import { isHrRole, useCurrentMe } from '#web/features/auth/use-me';
import { isApiError } from '#web/lib/api';
import { useLanguage } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { ConsentNotice } from './consent-notice';
import { InterestStatusBadge, useDay } from './interest-controls';
import { useMyReturnInterests, useSaveGeneralInterest, useWithdrawInterest } from './use-return-interests';

/** `/careers/return`: an alumnus tells HR they are open to coming back (出戻り意向). */
export function ReturnInterestPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('returnInterest.title'));
  const me = useCurrentMe();
  const isAlumni = me.role === 'alumni';
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <CareersNav />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('returnInterest.title')}</h1>
        {isAlumni && <p className="mt-1 max-w-3xl text-slate-600">{t('returnInterest.lead')}</p>}
      </div>
      {isAlumni ? <AlumniView /> : <NotForYou isHr={isHrRole(me.role)} />}
    </div>
  );
}

function NotForYou({ isHr }: { isHr: boolean }) {
  const { t } = useTranslation();
  return (
    <Card>
      <p className="text-slate-700" data-testid="return-not-alumni">
        {isHr ? t('returnInterest.notAlumni.hr') : t('returnInterest.notAlumni.member')}
      </p>
      <div className="mt-4">
        {isHr ? (
          <Link to="/admin/pipeline" className={buttonClasses('secondary', 'sm')}>
            {t('returnInterest.notAlumni.hrLink')}
          </Link>
        ) : (
          <Link to="/jobs" className={buttonClasses('secondary', 'sm')}>
            {t('returnInterest.notAlumni.jobsLink')}
          </Link>
        )}
      </div>
    </Card>
  );
}

function AlumniView() {
  const { t } = useTranslation();
  const query = useMyReturnInterests();
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    return <ErrorBanner message={t('returnInterest.loadError')} onRetry={() => void query.refetch()} />;
  }
  const data = query.data;
  return (
    <>
      <HowItWorks />
      <ConsentNotice rehiringConsent={data.rehiringConsent} />
      <GeneralForm general={data.general} />
      <MyInterests data={data} />
    </>
  );
}

function HowItWorks() {
  const { t } = useTranslation();
  return (
    <Card title={t('returnInterest.how.title')} id="return-how">
      <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-700">
        <li>{t('returnInterest.how.who')}</li>
        <li>{t('returnInterest.how.what')}</li>
        <li>{t('returnInterest.how.when')}</li>
      </ul>
    </Card>
  );
}

function GeneralForm({ general }: { general: ReturnInterest | null }) {
  const { t } = useTranslation();
  const save = useSaveGeneralInterest();
  const [roles, setRoles] = useState<string[]>(general?.preferredRoles ?? []);
  const [locations, setLocations] = useState<string[]>(general?.preferredLocations ?? []);
  // Typed but not yet a chip: sent with the rest, so saving never drops it.
  const [drafts, setDrafts] = useState({ roles: '', locations: '' });
  const [timing, setTiming] = useState<ReturnTiming | ''>(general?.timing ?? '');
  const [message, setMessage] = useState(general?.message ?? '');
  const [sent, setSent] = useState<{ roles: string[]; locations: string[] }>({ roles: [], locations: [] });
  const [notice, setNotice] = useState<string | null>(null);
  const fields = isApiError(save.error) ? save.error.fields : {};
  const listErrors = useListErrors(fields);
  const failure = save.error && Object.keys(fields).length === 0 ? save.error : null;
  const active = general?.status === 'active';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const preferredRoles = withDraft(roles, drafts.roles);
    const preferredLocations = withDraft(locations, drafts.locations);
    setRoles(preferredRoles);
    setLocations(preferredLocations);
    setDrafts({ roles: '', locations: '' });
    setSent({ roles: preferredRoles, locations: preferredLocations });
    save.mutate(
      {
        preferredRoles,
        preferredLocations,
        timing: timing || null,
        message: message.trim() || null,
      },
      {
        onSuccess: (result) => {
          setRoles(result.interest.preferredRoles);
          setLocations(result.interest.preferredLocations);
          setNotice(
            result.interest.visibleToHr
              ? t('returnInterest.general.saved')
              : t('returnInterest.general.savedHidden'),
          );
        },
      },
    );
  };

  return (
    <Card
      title={t('returnInterest.general.title')}
      id="return-general"
      actions={general ? <InterestStatusBadge interest={general} /> : undefined}
    >
      <p className="mb-4 text-sm text-slate-600">{t('returnInterest.general.intro')}</p>
      <form onSubmit={submit} noValidate className="space-y-4">
        <ChipInput
          label={t('returnInterest.general.roles')}
          hint={t('returnInterest.general.chipsHint')}
          values={roles}
          onChange={setRoles}
          draft={drafts.roles}
          onDraftChange={(roles) => setDrafts((d) => ({ ...d, roles }))}
          max={MAX_PREFERENCES}
          maxLength={MAX_PREFERENCE_LENGTH}
          errors={listErrors('preferredRoles', sent.roles)}
        />
        <ChipInput
          label={t('returnInterest.general.locations')}
          hint={t('returnInterest.general.chipsHint')}
          values={locations}
          onChange={setLocations}
          draft={drafts.locations}
          onDraftChange={(locations) => setDrafts((d) => ({ ...d, locations }))}
          max={MAX_PREFERENCES}
          maxLength={MAX_PREFERENCE_LENGTH}
          errors={listErrors('preferredLocations', sent.locations)}
        />
        <Select
          label={t('returnInterest.general.timing')}
          value={timing}
          onChange={(e) => setTiming(e.target.value as ReturnTiming | '')}
          emptyOption={t('returnInterest.general.timingNone')}
          options={RETURN_TIMINGS.map((value) => ({ value, label: t(`returnInterest.timings.${value}`) }))}
          errors={fields.timing}
          containerClassName="max-w-xs"
        />
        <TextArea
          label={t('returnInterest.general.message')}
          hint={t('returnInterest.general.messageHint')}
          value={message}
          maxLength={MAX_INTEREST_MESSAGE}
          onChange={(e) => setMessage(e.target.value)}
          errors={fields.message}
        />
        {failure && <ErrorBanner message={failure.message} />}
        {notice && <SuccessBanner>{notice}</SuccessBanner>}
        <Button type="submit" isBusy={save.isPending}>
          {!general
            ? t('returnInterest.general.submitNew')
            : active
              ? t('returnInterest.general.submitUpdate')
              : t('returnInterest.general.submitReactivate')}
        </Button>
      </form>
    </Card>
  );
}

function MyInterests({ data }: { data: MyReturnInterests }) {
  const { t } = useTranslation();
  const items = [...(data.general ? [data.general] : []), ...data.jobs];
  return (
    <Card title={t('returnInterest.mine.title')} id="return-mine">
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t('returnInterest.mine.empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((interest) => (
            <InterestItem key={interest.id} interest={interest} />
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The title of an interest: "general", or the job's title in the UI language (a link while open). */
export function useInterestTitle() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (interest: ReturnInterest) => {
    if (!interest.job) return t('returnInterest.mine.general');
    const { titleJa, titleEn } = interest.job;
    return (
      (lang === 'en' ? (titleEn ?? titleJa) : (titleJa ?? titleEn)) ?? t('returnInterest.mine.jobClosed')
    );
  };
}

function InterestItem({ interest }: { interest: ReturnInterest }) {
  const { t } = useTranslation();
  const day = useDay();
  const titleOf = useInterestTitle();
  const withdraw = useWithdrawInterest();
  const title = titleOf(interest);
  const active = interest.status === 'active';
  return (
    <li className="py-4 first:pt-0 last:pb-0" data-testid="return-interest-item">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h3 className="font-medium text-slate-900">
            {interest.job?.listed ? (
              <Link
                to={`/jobs/${interest.job.id}`}
                className="text-ai-700 underline-offset-2 hover:underline"
              >
                {title}
              </Link>
            ) : (
              title
            )}
          </h3>
          <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <InterestStatusBadge interest={interest} />
            <span>
              {active || !interest.withdrawnAt
                ? t('returnInterest.mine.raisedOn', { date: day(interest.updatedAt) })
                : t('returnInterest.mine.withdrawnOn', { date: day(interest.withdrawnAt) })}
            </span>
          </p>
          {interest.kind === 'general' && (interest.preferredRoles.length > 0 || interest.timing) && (
            <p className="mt-1 text-sm text-slate-700">
              {[
                interest.preferredRoles.join(' / '),
                interest.preferredLocations.join(' / '),
                interest.timing ? t(`returnInterest.timings.${interest.timing}`) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          )}
          {interest.message && (
            <p className="mt-1 line-clamp-3 whitespace-pre-wrap text-sm text-slate-700">{interest.message}</p>
          )}
        </div>
        {active && (
          <Button
            variant="secondary"
            size="sm"
            isBusy={withdraw.isPending}
            aria-label={t('returnInterest.mine.withdrawLabel', { what: title })}
            onClick={() => {
              if (window.confirm(t('returnInterest.mine.confirmWithdraw', { what: title }))) {
                withdraw.mutate(interest);
              }
            }}
          >
            {t('returnInterest.mine.withdraw')}
          </Button>
        )}
      </div>
      {withdraw.isError && <ErrorBanner message={withdraw.error.message} />}
    </li>
  );
}
