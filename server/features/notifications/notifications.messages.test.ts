import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from '#common/notifications';
import { messages } from './notifications.messages';

/** The mail of every notification type has its sentence in both languages. */
describe.each(['ja', 'en'] as const)('notification mail texts in %s', (locale) => {
  const texts = messages[locale] as Record<string, string | undefined>;

  it.each(NOTIFICATION_TYPES)('has the sentence of %s', (type) => {
    expect(texts[`notify.${type}`]?.trim()).toBeTruthy();
  });

  it('has no sentences for types that do not exist', () => {
    const typed = Object.keys(texts)
      .filter((k) => k.startsWith('notify.') && k !== 'notify.someone')
      .map((k) => k.slice('notify.'.length))
      .sort();
    expect(typed).toEqual([...NOTIFICATION_TYPES].sort());
  });
});
