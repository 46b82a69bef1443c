import type { Mute, NotificationGroup, NotificationPreference } from '#common/notifications';
import type { GroupRow } from './notifications.service';

/** One group of the bell's list: every field listed (nothing else of the rows leaves). */
export function presentGroup(row: GroupRow): NotificationGroup {
  return {
    key: `${row.type}|${row.threadKey}`,
    type: row.type,
    threadKey: row.threadKey,
    link: row.link,
    data: row.data,
    latestId: row.latestId,
    latestAt: row.latestAt.toISOString(),
    count: row.count,
    unreadCount: row.unreadCount,
    actors: row.actors.map((a) => ({ id: a.id, name: a.name })),
    actorCount: row.actorCount,
  };
}

export function presentPreference(row: NotificationPreference): NotificationPreference {
  return {
    type: row.type,
    channel: row.channel,
    defaultChannel: row.defaultChannel,
    required: row.required,
  };
}

export function presentMute(row: {
  kind: 'thread' | 'person';
  key: string;
  label: string;
  until: Date | null;
  createdAt: Date;
}): Mute {
  return {
    kind: row.kind,
    key: row.key,
    label: row.label,
    until: row.until ? row.until.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
