import { randomUUID } from 'node:crypto';
import type { NotificationType } from '#common/notifications';
import type { Db } from '#server/db/client';
import { type NotifyInput, notify } from '#server/lib/notify';

/**
 * Notifies through the one service (as a feature would), defaults filled in: a comment on a post
 * of the recipient's, from `actorId`. Returns the rows written.
 */
export function notifyTest(
  db: Db,
  now: Date,
  input: Partial<NotifyInput> & { userIds: string[]; type?: NotificationType },
) {
  const threadKey = input.threadKey ?? `post:${randomUUID()}`;
  return notify(db, now, {
    type: 'post_comment',
    link: `/posts/${threadKey.split(':')[1] ?? 'x'}`,
    data: { title: 'A post' },
    ...input,
    threadKey,
  });
}
