/**
 * A stand-in for the server process in bulk-kill.test.ts (run with `node --import tsx`):
 *   KZ_MODE=setup   migrate, create HR records and an invitation batch (prints the batch id)
 *   KZ_MODE=bulk    run the `invitations.bulk` job and print progress — the test SIGKILLs it
 *   KZ_MODE=resume  what a restarted server does: resume batches, deliver every mail, exit
 * Database: KZ_DB_URL (PostgreSQL) or KZ_DATA_DIR (file-backed PGlite). Mail "sent" is appended
 * to KZ_SENT_FILE synchronously, so a kill cannot lose the record of a send.
 */
import { appendFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { createApp } from '#server/app';
import { openDatabase } from '#server/db/client';
import { applyMigrations } from '#server/db/migrate';
import { invitationBatches, invitations, mailMessages } from '#server/db/schema/index';
import {
  createInvitationBatch,
  INVITATIONS_BULK,
  resumeInvitationBatches,
} from '#server/features/invitations/invitation-batches';
import { findViewer } from '#server/features/members/members.service';
import { systemClock } from '#server/lib/clock';
import { testEnv } from '#server/lib/env';
import { createLogger } from '#server/lib/logger';
import type { Mailer } from '#server/lib/mail';
import { MAIL_SWEEP } from '#server/lib/outbox';
import { createQueue } from '#server/lib/queue';
import { createHrRecord } from '#tests/factories/hr-records';
import { createTestMember } from '#tests/factories/index';

const mode = process.env.KZ_MODE;
const out = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const database = await openDatabase(
    process.env.KZ_DB_URL
      ? { url: process.env.KZ_DB_URL, poolSize: 2 }
      : { dataDir: process.env.KZ_DATA_DIR },
  );
  const logger = createLogger('silent');
  const mailer: Mailer = {
    async send(message) {
      appendFileSync(process.env.KZ_SENT_FILE as string, `${message.to}\n`);
      return { messageId: `file-${Date.now()}` };
    },
  };
  // The restarted process runs "later": its sweeper may pick up mail a kill left undispatched.
  const offset = mode === 'resume' ? 10 * 60_000 : 0;
  const clock = { now: () => new Date(systemClock.now().getTime() + offset) };
  const queue = createQueue({ raw: database.raw, logger, workers: false });
  createApp({ db: database.db, env: testEnv({ MAIL_RATE_PER_SECOND: 1000 }), clock, mailer, queue, logger });
  const deps = { db: database.db, env: testEnv(), clock, queue };

  if (mode === 'setup') {
    await applyMigrations(database);
    await queue.start();
    const hr = await createTestMember({ db: database.db }, { role: 'alumni_manager', canSignIn: false });
    const viewer = await findViewer({ db: database.db, userId: hr.id });
    const count = Number(process.env.KZ_RECORDS ?? 1000);
    for (let i = 0; i < count; i++) await createHrRecord({ db: database.db }, { departments: ['Kill'] });
    const { batchId, queued } = await createInvitationBatch({
      ...deps,
      viewer: viewer as NonNullable<typeof viewer>,
      input: { filter: { department: 'Kill' } },
    });
    out(`batch ${batchId} ${queued}`);
  } else if (mode === 'bulk') {
    await queue.start();
    // Report progress while the job runs (same connection, between its chunk transactions).
    const timer = setInterval(() => {
      database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(invitations)
        .then(([row]) => out(`invited ${row?.n ?? 0}`))
        .catch(() => undefined);
    }, 50);
    await queue.drain({ names: [INVITATIONS_BULK] });
    clearInterval(timer);
    out('finished');
  } else if (mode === 'resume') {
    await queue.start();
    await resumeInvitationBatches(deps);
    for (let round = 0; round < 20; round++) {
      await queue.drain();
      await queue.send(MAIL_SWEEP, {});
      await queue.drain();
      const [open] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(mailMessages)
        .where(eq(mailMessages.status, 'queued'));
      const [batch] = await database.db.select({ status: invitationBatches.status }).from(invitationBatches);
      if (open?.n === 0 && batch?.status === 'done') break;
    }
    out('resumed');
  }
  await queue.stop();
  await database.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
