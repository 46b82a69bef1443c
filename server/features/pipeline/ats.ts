import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { ATS_PAYLOAD_SCHEMA, type AtsWebhookMode } from '#common/pipeline';
import { atsExports } from '#server/db/schema/index';
import type { AppDeps } from '#server/lib/deps';
import type { Env } from '#server/lib/env';
import type { CardRow } from './pipeline.board';
import { findVisibleCard, loadCardExtras } from './pipeline.cards';
import { hireHasStarted } from './pipeline.hires';
import { cardHistory, yearsAtCompany } from './pipeline.presenter';

/**
 * The hand-off to an applicant tracking system (decision 017): a JSON body, versioned
 * (`schema`), signed with HMAC-SHA256 over `<timestamp>.<raw body>` (the timestamp is also sent
 * in X-Kizuna-Timestamp, so a captured request cannot be replayed later with a fresh timestamp),
 * POSTed by a queue job that retries with backoff. The body is rebuilt from the card each time
 * it is sent — nothing personal is stored in the export row or the job.
 */

export const ATS_WEBHOOK_JOB = 'pipeline.ats-webhook';
/** First attempt + retries (pg-boss's retryLimit is this minus one). */
export const ATS_MAX_ATTEMPTS = 6;
export const ATS_SIGNATURE_HEADER = 'x-kizuna-signature';
export const ATS_TIMESTAMP_HEADER = 'x-kizuna-timestamp';
export const ATS_IDEMPOTENCY_HEADER = 'idempotency-key';
export const DEV_ATS_INBOX_PATH = '/api/dev/ats-inbox';
const REQUEST_TIMEOUT_MS = 10_000;
/** A receiver rejects a request whose timestamp is further than this from its own clock. */
export const ATS_TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;
/** Queued webhook exports never attempted after this long are sent again by the sweep. */
export const ATS_SWEEP_AFTER_MS = 5 * 60_000;

/**
 * Where webhooks go and the key they are signed with. Outside production, with no URL, the app's
 * own development receiver and a key derived from AUTH_SECRET; in production both must be set.
 */
export function atsWebhookTarget(env: Env): { url: string; secret: string; mode: AtsWebhookMode } | null {
  const derived = () => createHmac('sha256', env.AUTH_SECRET).update('ats-webhook').digest('hex');
  if (env.ATS_WEBHOOK_URL) {
    const secret = env.ATS_WEBHOOK_SECRET ?? (env.NODE_ENV === 'production' ? null : derived());
    return secret ? { url: env.ATS_WEBHOOK_URL, secret, mode: 'configured' } : null;
  }
  if (env.NODE_ENV === 'production') return null;
  return {
    url: new URL(DEV_ATS_INBOX_PATH, env.BASE_URL).toString(),
    secret: env.ATS_WEBHOOK_SECRET ?? derived(),
    mode: 'dev_inbox',
  };
}

export const atsWebhookMode = (env: Env): AtsWebhookMode => atsWebhookTarget(env)?.mode ?? 'not_configured';

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<rawBody>")>`; `timestamp` in Unix seconds. */
export const signAtsBody = (secret: string, timestamp: string, rawBody: string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;

/**
 * Checks a delivery the way a receiver should: the timestamp is a whole number of Unix seconds
 * within ATS_TIMESTAMP_TOLERANCE_SECONDS of `now` (either way, for clock skew), and the signature
 * over `<timestamp>.<raw body>` matches in constant time.
 */
export function verifyAtsSignature(
  secret: string,
  rawBody: string,
  {
    signature,
    timestamp,
    now,
  }: { signature: string | undefined | null; timestamp: string | undefined | null; now: Date },
): boolean {
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp.trim())) return false;
  const ts = timestamp.trim();
  if (Math.abs(now.getTime() / 1000 - Number(ts)) > ATS_TIMESTAMP_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signAtsBody(secret, ts, rawBody));
  const given = Buffer.from(signature.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The webhook body, version 1. Additive changes keep the version; renaming or removing a field
 * bumps `schema`. Dates are ISO strings; codes are the app's codes (stages, sources, eligibility).
 */
export function buildAtsPayload(
  row: CardRow,
  extras: Awaited<ReturnType<typeof loadCardExtras>>,
  { exportId, now }: { exportId: string; now: Date },
) {
  const { card } = row;
  const history = cardHistory(row);
  const hire = extras.hire;
  return {
    schema: ATS_PAYLOAD_SCHEMA,
    exportId,
    sentAt: now.toISOString(),
    card: {
      id: card.id,
      source: card.source,
      stage: card.stage,
      stageChangedAt: card.stageChangedAt.toISOString(),
      createdAt: card.createdAt.toISOString(),
    },
    candidate: {
      memberId: card.userId,
      name: row.personName ?? row.referral?.candidateName ?? null,
      email: row.personEmail ?? row.referral?.candidateEmail ?? null,
    },
    history: {
      source: history.source,
      departments: history.departments,
      joinedOn: history.joinedOn,
      leftOn: history.leftOn,
      lastTitle: history.lastTitle,
      yearsAtCompany: yearsAtCompany(history),
    },
    rehireEligibility: {
      value: row.exitCase?.eligibility ?? null,
      reason: row.exitCase?.reason ?? null,
      exitLastDay: row.exitCase?.lastDay ?? null,
    },
    careerSinceLeaving: row.profile
      ? {
          currentEmployer: row.profile.currentEmployer,
          currentTitle: row.profile.currentTitle,
          industry: row.profile.industry,
          location: row.profile.location,
          skills: row.profile.skills,
        }
      : null,
    job: row.job?.id
      ? {
          id: row.job.id,
          titleJa: row.job.titleJa,
          titleEn: row.job.titleEn,
          department: row.job.department,
          location: row.job.location,
        }
      : null,
    interest:
      card.source === 'interest' && row.interest
        ? {
            message: row.interest.message,
            preferredRoles: row.interest.preferredRoles,
            preferredLocations: row.interest.preferredLocations,
            timing: row.interest.timing,
          }
        : null,
    referral: card.source === 'referral' && row.referral ? { reason: row.referral.reason } : null,
    hire: hire
      ? {
          startOn: hire.startOn,
          timeZone: hire.timeZone,
          roleTitle: hire.roleTitle,
          department: hire.department,
          started: hireHasStarted(hire, now),
        }
      : null,
  };
}

/** Short, non-personal text for `last_error`: an HTTP status or a network error code. */
function errorCode(error: unknown): string {
  const e = error as { name?: string; code?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  return String(e?.cause?.code ?? e?.code ?? 'network').slice(0, 40);
}

/**
 * The `pipeline.ats-webhook` handler. Claims an attempt, rebuilds the body from the card (a card
 * that left the board — consent withdrawn — is never sent: `failed`, `not_visible`), signs and
 * POSTs it. Non-2xx or a network error: the attempt and its status code are recorded and the job
 * throws so the queue retries with backoff; after the last attempt the export is `failed`.
 */
export async function deliverAtsExport(deps: AppDeps, { exportId }: { exportId: string }): Promise<void> {
  const { db, clock, env } = deps;
  // Claim the next attempt by compare-and-set on `attempts`: when two jobs carry the same export
  // (the sweep re-sent one whose first job was only late), only one of them sends each attempt;
  // the other finds the count moved on (or the export delivered) and does nothing.
  const [current] = await db
    .select({ attempts: atsExports.attempts })
    .from(atsExports)
    .where(and(eq(atsExports.id, exportId), eq(atsExports.status, 'queued')));
  if (!current) return; // delivered, failed, or its card erased with the member
  const [claimed] = await db
    .update(atsExports)
    .set({ attempts: sql`${atsExports.attempts} + 1` })
    .where(
      and(
        eq(atsExports.id, exportId),
        eq(atsExports.status, 'queued'),
        eq(atsExports.attempts, current.attempts),
      ),
    )
    .returning();
  if (!claimed?.cardId) return;
  const finish = (status: 'delivered' | 'failed' | 'queued', lastError: string | null) =>
    db
      .update(atsExports)
      .set({ status, lastError, ...(status === 'delivered' ? { deliveredAt: clock.now() } : {}) })
      .where(eq(atsExports.id, exportId));

  const target = atsWebhookTarget(env);
  if (!target) {
    await finish('failed', 'not_configured');
    return;
  }
  const now = clock.now();
  let row: CardRow;
  try {
    row = await findVisibleCard(db, { id: claimed.cardId });
  } catch {
    await finish('failed', 'not_visible');
    return;
  }
  const body = JSON.stringify(
    buildAtsPayload(row, await loadCardExtras(db, { cardId: row.card.id }), { exportId, now }),
  );
  const timestamp = String(Math.floor(now.getTime() / 1000));
  let failure: string | null = null;
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        [ATS_SIGNATURE_HEADER]: signAtsBody(target.secret, timestamp, body),
        [ATS_TIMESTAMP_HEADER]: timestamp,
        [ATS_IDEMPOTENCY_HEADER]: exportId,
        'user-agent': 'Kizuna-ATS-Webhook/1',
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => {});
    if (res.status < 200 || res.status >= 300) failure = `http_${res.status}`;
  } catch (error) {
    failure = errorCode(error);
  }
  if (failure === null) {
    await finish('delivered', null);
    return;
  }
  const last = claimed.attempts >= ATS_MAX_ATTEMPTS;
  await finish(last ? 'failed' : 'queued', failure);
  if (!last) throw new Error(`ATS webhook attempt ${claimed.attempts} failed: ${failure}`);
}

/**
 * The `pipeline.ats-sweep` handler: a webhook export is written and committed before its job is
 * queued, so a failed `queue.send` (or a crash in between) leaves it `queued` with no job. Exports
 * still queued and never attempted after ATS_SWEEP_AFTER_MS get a job again. Idempotent: the job
 * carries the export id, and `deliverAtsExport` claims each attempt once, so a late original job
 * and the re-sent one never both deliver. Exports with attempts are pg-boss's retries, left alone.
 */
export async function resendStaleAtsExports(deps: Pick<AppDeps, 'db' | 'clock' | 'queue'>) {
  const cutoff = new Date(deps.clock.now().getTime() - ATS_SWEEP_AFTER_MS);
  const stale = await deps.db
    .select({ id: atsExports.id })
    .from(atsExports)
    .where(
      and(
        eq(atsExports.kind, 'webhook'),
        eq(atsExports.status, 'queued'),
        eq(atsExports.attempts, 0),
        lt(atsExports.createdAt, cutoff),
      ),
    )
    .orderBy(asc(atsExports.createdAt))
    .limit(500);
  for (const { id } of stale) await deps.queue.send(ATS_WEBHOOK_JOB, { exportId: id }, { singletonKey: id });
  return { resent: stale.length };
}

// ---- the development receiver --------------------------------------------------------------------

export interface InboxEntry {
  exportId: string | null;
  schema: string | null;
  receivedAt: string;
}
const INBOX_SIZE = 20;
const inboxes = new WeakMap<object, InboxEntry[]>();

/** The last payloads the development receiver accepted (per app, in memory). */
export function devInbox(deps: object): InboxEntry[] {
  let list = inboxes.get(deps);
  if (!list) {
    list = [];
    inboxes.set(deps, list);
  }
  return list;
}

/** Keeps the id and time of an accepted payload (never its content). */
export function rememberDelivery(
  deps: object,
  { rawBody, idempotencyKey, now }: { rawBody: string; idempotencyKey: string | undefined; now: Date },
) {
  let parsed: { exportId?: unknown; schema?: unknown } = {};
  try {
    parsed = JSON.parse(rawBody) as typeof parsed;
  } catch {
    // A signed body that is not JSON is still recorded by its key.
  }
  const list = devInbox(deps);
  list.unshift({
    exportId: idempotencyKey ?? (typeof parsed.exportId === 'string' ? parsed.exportId : null),
    schema: typeof parsed.schema === 'string' ? parsed.schema : null,
    receivedAt: now.toISOString(),
  });
  list.splice(INBOX_SIZE);
}
