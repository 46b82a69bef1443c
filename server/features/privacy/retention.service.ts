import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { RETENTION_WARNING_MAIL_KIND } from '#common/mail';
import { DEFAULT_RETENTION, type RetentionSettings, RetentionSettingsSchema } from '#common/privacy';
import type { Db } from '#server/db/client';
import { users } from '#server/db/schema/index';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { dispatchMail, queueMail } from '#server/lib/outbox';
import type { JobDefinition } from '#server/lib/queue';
import { defineSetting, readSetting, writeSetting } from '#server/lib/settings';
import { eraseMember } from './erasure.service';
import { t } from './privacy.messages';

export const RETENTION_KEY = 'retention';
export const RETENTION_SWEEP = 'retention.sweep';
const DAY_MS = 86_400_000;
/** Members read per statement (each then has its own short transaction; tests make it smaller). */
export const retentionOptions = { batchSize: 200 };

export const RETENTION_SETTINGS = defineSetting(
  RETENTION_KEY,
  RetentionSettingsSchema,
  () => DEFAULT_RETENTION,
);

export async function getRetentionSettings({ db }: { db: Db }): Promise<RetentionSettings> {
  return readSetting(db, RETENTION_SETTINGS);
}

export async function setRetentionSettings({
  db,
  settings,
  actorId,
}: {
  db: Db;
  settings: RetentionSettings;
  actorId: string;
}) {
  const value = { ...settings, roles: [...new Set(settings.roles)] };
  await db.transaction(async (tx) => {
    await writeSetting(tx, RETENTION_SETTINGS, value);
    await audit(tx, {
      actorId,
      action: 'settings.retention_changed',
      subjectType: 'settings',
      subjectId: RETENTION_KEY,
      data: value,
    });
  });
  return value;
}

/** Last sign of life: the last day they used the app, or when the account was created. */
const lastSeen = sql`coalesce(${users.lastActiveAt}, ${users.createdAt})`;

const yearsBefore = (now: Date, years: number) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
};

/**
 * The daily retention run (decision 011). Members of the chosen roles who have not been seen for
 * `inactiveYears` get one warning email ("sign in before …"); those still unseen `warningDays`
 * after it are erased with the same function as a self-service deletion. Signing in clears the
 * warning (activity.ts), so they start over. Returns what it did, for tests and logs.
 */
export async function runRetentionSweep(
  deps: Pick<AppDeps, 'db' | 'env' | 'clock' | 'queue' | 'logger' | 'hooks'>,
) {
  const { db, clock } = deps;
  const settings = await getRetentionSettings({ db });
  if (!settings.enabled || settings.roles.length === 0) return { warned: 0, erased: 0 };
  const now = clock.now();
  const cutoff = yearsBefore(now, settings.inactiveYears);
  const inScope = and(inArray(users.role, settings.roles), eq(users.status, 'active'), lt(lastSeen, cutoff));

  let erased = 0;
  const warnedBefore = new Date(now.getTime() - settings.warningDays * DAY_MS);
  // Each page reads on after the last one's id (decision 023), not from the first member again.
  let after = '';
  for (;;) {
    const due = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          gt(users.id, after),
          inScope,
          isNotNull(users.retentionWarnedAt),
          lt(users.retentionWarnedAt, warnedBefore),
        ),
      )
      .orderBy(asc(users.id))
      .limit(retentionOptions.batchSize);
    after = due.at(-1)?.id ?? after;
    for (const { id } of due) {
      // Embedded PGlite answers without real I/O, so an await chain never yields on its own: let
      // waiting requests use the one connection between members.
      await yieldToEventLoop();
      try {
        await eraseMember({
          db,
          env: deps.env,
          clock,
          hooks: deps.hooks,
          userId: id,
          actor: { kind: 'retention' },
        });
        erased += 1;
      } catch (error) {
        // e.g. the last admin: skip this member, keep going, and say so (no personal values).
        deps.logger.warn('retention: erasure skipped', { userId: id, error: String(error) });
        await db.update(users).set({ retentionWarnedAt: null }).where(eq(users.id, id));
      }
    }
    if (due.length < retentionOptions.batchSize) break;
  }

  let warned = 0;
  after = '';
  const deadline = new Date(now.getTime() + settings.warningDays * DAY_MS);
  for (;;) {
    const batch = await db
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(and(gt(users.id, after), inScope, isNull(users.retentionWarnedAt)))
      .orderBy(asc(users.id))
      .limit(retentionOptions.batchSize);
    after = batch.at(-1)?.id ?? after;
    const mailIds: string[] = [];
    for (const member of batch) {
      await yieldToEventLoop();
      const ids = await db.transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        const [marked] = await tx
          .update(users)
          .set({ retentionWarnedAt: now })
          .where(and(eq(users.id, member.id), isNull(users.retentionWarnedAt)))
          .returning({ id: users.id });
        if (!marked) return [];
        const params = {
          name: member.name,
          date: deadline.toISOString().slice(0, 10),
          years: settings.inactiveYears,
          url: `${deps.env.BASE_URL}/login`,
        };
        return queueMail(tx, {
          kind: RETENTION_WARNING_MAIL_KIND,
          to: member.email,
          locale: member.locale,
          subject: t(member.locale, 'mail.retention.subject'),
          text: t(member.locale, 'mail.retention.body', params),
          userId: member.id,
        });
      });
      mailIds.push(...ids);
      warned += ids.length ? 1 : 0;
    }
    await dispatchMail(deps, mailIds);
    if (batch.length < retentionOptions.batchSize) break;
  }
  if (warned || erased) {
    await audit(db, {
      actorId: null,
      action: 'retention.swept',
      subjectType: 'settings',
      subjectId: RETENTION_KEY,
      data: { warned, erased },
      at: now,
    });
  }
  return { warned, erased };
}

/** Registered in server/jobs.ts: once a day, Tokyo time (UTC+9) early morning. */
export function retentionJobs(deps: AppDeps): JobDefinition<never>[] {
  const sweep: JobDefinition<Record<string, never>> = {
    name: RETENTION_SWEEP,
    cron: '0 4 * * *',
    tz: 'Asia/Tokyo',
    retryLimit: 2,
    expireInSeconds: 60 * 60,
    async handler() {
      await runRetentionSweep(deps);
    },
  };
  return [sweep] as JobDefinition<never>[];
}
