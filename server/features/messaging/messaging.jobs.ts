import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Locale } from '#common/locale';
import { type Db, queryRows } from '#server/db/client';
import { conversationParticipants, messages, notificationPreferences, users } from '#server/db/schema';
import type { AppDeps } from '#server/lib/deps';
import { dispatchMail, type OutgoingMail, queueMail } from '#server/lib/outbox';
import type { JobDefinition } from '#server/lib/queue';
import { t } from './messaging.messages';

export const MESSAGES_MAIL_JOB = 'messaging.mail';
export const MESSAGE_MAIL_KIND = 'message';
/** Unread this long before a mail: a conversation going on live needs none. */
export const MESSAGE_MAIL_DELAY_MS = 5 * 60_000;
const BATCH = 100;

type MailDeps = Pick<AppDeps, 'db' | 'clock'> & { env: Pick<AppDeps['env'], 'BASE_URL'> };

interface Pending {
  conversationId: string;
  userId: string;
  email: string;
  locale: Locale;
  name: string;
  unread: number;
  names: string;
}

/**
 * The batched e-mail (decision 039): a participant with messages unread for more than a few minutes,
 * who has not been mailed about this conversation since they last read it, gets one mail for the
 * conversation — however many messages. Not for a muted conversation, nor when the member set the
 * `message` type to anything but e-mail (default e-mail). The mail names the writers, never the text.
 */
export async function runMessageMail(
  deps: MailDeps,
  options: { dispatch?: (ids: string[]) => Promise<void> } = {},
): Promise<{ mailed: number }> {
  let mailed = 0;
  for (;;) {
    await yieldToEventLoop();
    const { picked, ids } = await deps.db.transaction((tx) => mailBatch(tx as unknown as Db, deps));
    mailed += ids.length;
    if (ids.length > 0) await options.dispatch?.(ids);
    if (picked < BATCH) break;
  }
  return { mailed };
}

async function mailBatch(tx: Db, deps: MailDeps): Promise<{ picked: number; ids: string[] }> {
  const now = deps.clock.now();
  const due = new Date(now.getTime() - MESSAGE_MAIL_DELAY_MS).toISOString();
  const rows = await queryRows<Pending>(
    tx,
    sql`select cp.conversation_id as "conversationId", cp.user_id as "userId", u.email, u.locale, u.name,
          count(m.id)::int as unread,
          string_agg(distinct coalesce(a.name, '?'), ', ') as names
        from ${conversationParticipants} cp
        join ${users} u on u.id = cp.user_id and u.status = 'active'
        join ${messages} m on m.conversation_id = cp.conversation_id and m.deleted_at is null
          and m.author_id is distinct from cp.user_id and m.created_at >= cp.joined_at
          and (cp.last_read_at is null or m.created_at > cp.last_read_at)
        left join ${users} a on a.id = m.author_id
        left join ${notificationPreferences} p on p.user_id = cp.user_id and p.type = 'message'
        where cp.left_at is null and cp.muted_at is null
          and coalesce(p.channel, 'email') = 'email'
          and (cp.emailed_at is null or (cp.last_read_at is not null and cp.emailed_at < cp.last_read_at))
        group by cp.conversation_id, cp.user_id, u.email, u.locale, u.name
        having min(m.created_at) <= ${due}::timestamptz
        limit ${BATCH}`,
  );
  const mails: OutgoingMail[] = [];
  for (const row of rows) {
    // Claimed by the update: a run in another process that picked the same row mails nothing.
    const claimed = await queryRows<{ userId: string }>(
      tx,
      sql`update ${conversationParticipants} set emailed_at = ${now.toISOString()}::timestamptz
          where conversation_id = ${row.conversationId} and user_id = ${row.userId}
            and (emailed_at is null or (last_read_at is not null and emailed_at < last_read_at))
          returning user_id as "userId"`,
    );
    if (claimed.length === 0) continue;
    mails.push(messageMail({ ...row, baseUrl: deps.env.BASE_URL }));
  }
  const ids = await queueMail(tx, mails, { now });
  return { picked: rows.length, ids };
}

/** One participant's mail about one conversation (pure). */
export function messageMail(row: Pending & { baseUrl: string }): OutgoingMail {
  const { locale } = row;
  const params = { names: row.names, count: row.unread };
  return {
    kind: MESSAGE_MAIL_KIND,
    to: row.email,
    locale,
    subject: t(
      locale,
      row.unread === 1 ? 'mail.messages.subject.one' : 'mail.messages.subject.other',
      params,
    ),
    text: [
      t(locale, 'mail.messages.intro', { name: row.name }),
      `${t(locale, 'mail.messages.body', params)}\n${row.baseUrl}/messages/${row.conversationId}`,
      t(locale, 'mail.messages.manage', { settingsUrl: `${row.baseUrl}/settings/notifications` }),
      t(locale, 'mail.messages.closing'),
    ].join('\n\n'),
    userId: row.userId,
    subjectId: row.conversationId,
  };
}

/** `messaging.mail`: every minute, the batched e-mail about unread messages. */
export function messagingJobs(deps: AppDeps): JobDefinition<never>[] {
  const mail: JobDefinition<Record<string, never>> = {
    name: MESSAGES_MAIL_JOB,
    cron: '* * * * *',
    retryLimit: 3,
    async handler() {
      await runMessageMail(deps, { dispatch: (ids) => dispatchMail(deps, ids) });
    },
  };
  return [mail] as JobDefinition<never>[];
}
