import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from '#common/notifications';
import { en } from '#web/i18n/en';
import { ja } from '#web/i18n/ja';

/** The bell, the notifications page and the settings page need a text for every type. */
describe.each([
  ['ja', ja],
  ['en', en],
] as const)('notification texts in %s', (_lang, catalogue) => {
  const { types, settings } = catalogue.notifications;

  it.each(NOTIFICATION_TYPES)('has the one/many sentence and the settings label of %s', (type) => {
    const texts = (types as Record<string, { one?: string; many?: string } | undefined>)[type];
    expect(texts?.one?.trim()).toBeTruthy();
    expect(texts?.many?.trim()).toBeTruthy();
    expect((settings.labels as Record<string, string | undefined>)[type]?.trim()).toBeTruthy();
  });

  it('has no texts for types that do not exist', () => {
    expect(Object.keys(types).sort()).toEqual([...NOTIFICATION_TYPES].sort());
    expect(Object.keys(settings.labels).sort()).toEqual([...NOTIFICATION_TYPES].sort());
  });
});
