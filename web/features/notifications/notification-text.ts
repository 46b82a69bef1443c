import { useTranslation } from 'react-i18next';
import { type NotificationGroup, notificationParams } from '#common/notifications';
import { useLanguage } from '#web/lib/format';

/** A group's sentence in the UI language, from its type and data (rendered as text, never HTML). */
export function useNotificationText() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (group: NotificationGroup) => {
    const names = group.actors.map((a) => a.name);
    const actor = names[0] ?? t('notifications.someone');
    const params = notificationParams(group.data, lang === 'en' ? 'en' : 'ja', actor);
    const text = t(`notifications.types.${group.type}.${group.count > 1 ? 'many' : 'one'}`, {
      ...params,
      count: group.count,
      interpolation: { escapeValue: false },
    });
    const extra = group.actorCount - names.length;
    const joined = names.join(lang === 'ja' ? '、' : ', ');
    const actors =
      group.count > 1 && names.length > 0
        ? t('notifications.latest', {
            names: extra > 0 ? t('notifications.andOthers', { names: joined, count: extra }) : joined,
            interpolation: { escapeValue: false },
          })
        : null;
    return { text, actors };
  };
}
