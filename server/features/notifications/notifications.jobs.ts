import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Locale } from '#common/locale';
import { NOTIFICATION_MAIL_KIND } from '#common/mail';
import { type NotificationType, notificationParams } from '#common/notifications';
import { type Db, queryRows } from '#server/db/client';
import { notifications } from '#server/db/schema';
import type { AppDeps } from '#server/lib/deps';
import { dispatchMail, type OutgoingMail, queueMail } from '#server/lib/outbox';
import type { JobDefinition, Queue } from '#server/lib/queue';
import { t } from './notifications.messages';

export const NOTIFICATIONS_MAIL_JOB = 'notifications.mail';
/** Members per batch: one short transaction each (decision 023). */
const MEMBER_BATCH = 100;
/** Lines in one mail; the rest are counted ("…and 4 more"). */
const LINES_PER_MAIL = 10;
/** An address whose mail bounced this recently is not written to (the bounce is not retried). */
const BOUNCE_MEMORY_MS = 30 * 86_400_000;

export const SETTINGS_PATH = '/settings/notifications';

type MailDeps = Pick<AppDeps, 'db' | 'clock'> & { env: Pick<AppDeps['env'], 'BASE_URL'> };

export interface PendingNotification {
  type: NotificationType;
  link: string;
  data: Record<string, string | number | null>;
  actorName: string | null;
}

/** One member's mail of this run, in their language (pure: tested without a database). */
export function notificationMail(options: {
  to: string;
  locale: Locale;
  name: string;
  userId: string;
  baseUrl: string;
  items: PendingNotification[];
}): OutgoingMail {
  const { locale, baseUrl, items } = options;
  const line = (n: PendingNotification) =>
    t(
      locale,
      `notify.${n.type}`,
      notificationParams(n.data, locale, n.actorName || t(locale, 'notify.someone')),
    );
  const shown = items.slice(0, LINES_PER_MAIL);
  const first = items[0];
  const subject =
    items.length === 1 && first
      ? t(locale, 'mail.notification.subject.one', { text: line(first) })
      : t(locale, 'mail.notification.subject.other', { count: items.length });
  return {
    kind: NOTIFICATION_MAIL_KIND,
    to: options.to,
    locale,
    subject,
    text: [
      t(locale, 'mail.notification.intro', { name: options.name }),
      ...shown.map((n) => `${line(n)}\n${baseUrl}${n.link}`),
      ...(items.length > shown.length
        ? [t(locale, 'mail.notification.more', { count: items.length - shown.length })]
        : []),
      t(locale, 'mail.notification.manage', { settingsUrl: `${baseUrl}${SETTINGS_PATH}` }),
      t(locale, 'mail.notification.closing'),
    ].join('\n\n'),
    userId: options.userId,
    subjectId: null,
  };
}

/**
 * The e-mail channel: every notification written with channel `email` and not yet mailed goes out
 * in one mail per member and run, in the member's language. Members go in batches, each one short
 * transaction that locks its rows (`skip locked`: two runs never mail a row twice) and hands the
 * connection back between batches (decision 023). A deactivated member, or an address that
 * bounced lately, gets no mail but the rows are marked: the bell still shows them.
 * Rows with channel `digest` are the weekly digest's.
 */
export async function runNotificationMail(
  deps: MailDeps,
  options: { dispatch?: (ids: string[]) => Promise<void> } = {},
): Promise<{ members: number; mailed: number }> {
  let members = 0;
  let mailed = 0;
  for (;;) {
    await yieldToEventLoop();
    const result = await deps.db.transaction((tx) => mailBatch(tx as unknown as Db, deps));
    if (result.members === 0) break;
    members += result.members;
    mailed += result.mailIds.length;
    if (result.mailIds.length > 0) await options.dispatch?.(result.mailIds);
  }
  return { members, mailed };
}

async function mailBatch(tx: Db, deps: MailDeps): Promise<{ members: number; mailIds: string[] }> {
  const now = deps.clock.now();
  // The next members with mail waiting, from the partial index of unmailed rows.
  const waiting = await queryRows<{ userId: string }>(
    tx,
    sql`select distinct n.user_id as "userId" from ${notifications} n
        where n.channel = 'email' and n.mailed_at is null and n.created_at <= ${now.toISOString()}::timestamptz
        order by 1 limit ${MEMBER_BATCH}`,
  );
  if (waiting.length === 0) return { members: 0, mailIds: [] };
  const ids = waiting.map((w) => w.userId);
  const rows = await queryRows<{
    id: string;
    userId: string;
    type: NotificationType;
    link: string;
    data: Record<string, string | number | null>;
    actorName: string | null;
    email: string;
    locale: Locale;
    name: string;
    deliverable: boolean;
  }>(
    tx,
    sql`select n.id, n.user_id as "userId", n.type, n.link, n.data, a.name as "actorName",
          u.email, u.locale, u.name,
          (u.status = 'active' and not exists (
            select 1 from mail_messages m where m.to_address = u.email and m.status = 'bounced'
              and m.created_at > ${new Date(now.getTime() - BOUNCE_MEMORY_MS).toISOString()}::timestamptz
          )) as deliverable
        from ${notifications} n
        join users u on u.id = n.user_id
        left join users a on a.id = n.actor_id
        where n.user_id = any(${sql.param(ids)}::text[]) and n.channel = 'email' and n.mailed_at is null
          and n.created_at <= ${now.toISOString()}::timestamptz
        order by n.user_id, n.created_at desc, n.id
        for update of n skip locked`,
  );
  if (rows.length === 0) return { members: 0, mailIds: [] };
  const perMember = new Map<string, typeof rows>();
  for (const row of rows) perMember.set(row.userId, [...(perMember.get(row.userId) ?? []), row]);
  const mails: OutgoingMail[] = [];
  for (const list of perMember.values()) {
    const first = list[0];
    if (!first?.deliverable) continue;
    mails.push(
      notificationMail({
        to: first.email,
        locale: first.locale,
        name: first.name,
        userId: first.userId,
        baseUrl: deps.env.BASE_URL,
        items: list,
      }),
    );
  }
  const mailIds = await queueMail(tx, mails, { now });
  await tx.execute(
    sql`update ${notifications} set mailed_at = ${now.toISOString()}::timestamptz
        where id = any(${sql.param(rows.map((r) => r.id))}::text[])`,
  );
  return { members: perMember.size, mailIds };
}

/** Asks for a run soon (after a write that notified by e-mail); the minute schedule is the safety net. */
export async function scheduleNotificationMail(queue: Pick<Queue, 'send'>): Promise<void> {
  await queue.send(NOTIFICATIONS_MAIL_JOB, {}, { singletonKey: NOTIFICATIONS_MAIL_JOB });
}

/**
 * Background jobs of this feature, registered by server/jobs.ts:
 * - `notifications.mail`: every minute, and when `scheduleNotificationMail` asks; mails the
 *   e-mail channel's rows (one mail per member and run).
 */
export function notificationJobs(deps: AppDeps): JobDefinition<never>[] {
  const mail: JobDefinition<Record<string, never>> = {
    name: NOTIFICATIONS_MAIL_JOB,
    cron: '* * * * *',
    retryLimit: 3,
    async handler() {
      await runNotificationMail(deps, { dispatch: (ids) => dispatchMail(deps, ids) });
    },
  };
  return [mail] as JobDefinition<never>[];
}
