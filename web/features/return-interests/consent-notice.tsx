import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorBanner } from '#web/components/ui/banners';
import { AlertIcon, CheckIcon } from '#web/components/ui/icons';
import { type ConsentChoices, useMyConsents, useSaveConsents } from '#web/features/consents/use-consents';
import { Switch } from './interest-controls';
import { RETURN_INTERESTS_KEY } from './use-return-interests';

/**
 * Whether HR can see the member's interests. Without the 'rehiring' consent: a clear notice and a
 * switch that grants it at once, through the same consent API and texts as the privacy page (the
 * other answers are sent back unchanged). With it: where to change that.
 */
export function ConsentNotice({ rehiringConsent }: { rehiringConsent: boolean }) {
  const { t } = useTranslation();
  if (rehiringConsent) {
    return (
      <div
        className="flex items-start gap-3 rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        data-testid="rehiring-consent-granted"
      >
        <CheckIcon className="size-5 text-emerald-600" />
        <p className="min-w-0 flex-1">
          {t('returnInterest.consent.granted')}{' '}
          <Link to="/settings/privacy" className="font-medium underline underline-offset-2">
            {t('returnInterest.consent.manage')}
          </Link>
        </p>
      </div>
    );
  }
  return <GrantConsent />;
}

function GrantConsent() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const consents = useMyConsents();
  const save = useSaveConsents();
  const grant = () => {
    if (!consents.data) return;
    const choices = Object.fromEntries(
      consents.data.purposes.map((p) => [p.purpose, p.granted]),
    ) as ConsentChoices;
    save.mutate(
      { ...choices, rehiring: true },
      { onSuccess: () => void client.invalidateQueries({ queryKey: RETURN_INTERESTS_KEY }) },
    );
  };
  return (
    <section
      aria-labelledby="rehiring-consent-title"
      className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-4"
      data-testid="rehiring-consent-notice"
    >
      <div className="flex items-start gap-3">
        <AlertIcon className="size-5 text-amber-700" />
        <div className="min-w-0 flex-1">
          <h2 id="rehiring-consent-title" className="font-semibold text-amber-950">
            {t('returnInterest.consent.hiddenTitle')}
          </h2>
          <p className="mt-1 text-sm text-amber-900">{t('returnInterest.consent.hiddenBody')}</p>
        </div>
      </div>
      <div className="rounded-lg bg-white p-3 ring-1 ring-amber-200">
        <Switch
          checked={false}
          onChange={(on) => on && grant()}
          disabled={!consents.data}
          isBusy={save.isPending}
          label={t('consents.purposes.rehiring.title')}
          description={t('consents.purposes.rehiring.body')}
        />
      </div>
      {(save.isError || consents.isError) && (
        <ErrorBanner message={(save.error ?? consents.error)?.message ?? t('errors.generic')} />
      )}
    </section>
  );
}
