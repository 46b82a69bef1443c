import { useTranslation } from 'react-i18next';
import { CONNECTIONS_VISIBILITIES, type ConnectionsVisibility } from '#common/connections';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Card } from '#web/components/ui/card';
import { Select } from '#web/components/ui/select';
import { isApiError } from '#web/lib/api';
import { useConnectionsSettings, useSaveConnectionsSettings } from './use-connections';

/** Who may see my list of connections (`profiles.connections_visibility`). */
export function ConnectionsVisibilitySetting() {
  const { t } = useTranslation();
  const settings = useConnectionsSettings();
  const save = useSaveConnectionsSettings();
  return (
    <Card title={t('connections.settings.title')} id="connections-visibility">
      <div className="space-y-3">
        <Select
          label={t('connections.settings.label')}
          name="connectionsVisibility"
          hint={t('connections.settings.hint')}
          value={settings.data?.visibility ?? 'members'}
          disabled={!settings.data || save.isPending}
          options={CONNECTIONS_VISIBILITIES.map((v) => ({
            value: v,
            label: t(`connections.settings.options.${v}`),
          }))}
          onChange={(e) => save.mutate({ visibility: e.target.value as ConnectionsVisibility })}
        />
        {save.isSuccess && <SuccessBanner>{t('connections.settings.saved')}</SuccessBanner>}
        {save.error && (
          <ErrorBanner message={isApiError(save.error) ? save.error.message : t('errors.generic')} />
        )}
      </div>
    </Card>
  );
}
