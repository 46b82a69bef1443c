import PgBoss from 'pg-boss';
import type { RawSql } from '#server/db/client';
import type { Logger } from './logger';

/**
 * The job queue: pg-boss 10 on the app's own database (PGlite or PostgreSQL) through a small
 * adapter, so jobs survive restarts and a killed worker's job is retried. See decision 006.
 *
 * Job data holds ids and codes only, never personal values: pg-boss keeps finished jobs for a
 * while, and an erased member must leave no trace there.
 */
export interface JobDefinition<T = unknown> {
  name: string;
  handler: (data: T, job: { id: string; retryCount: number }) => Promise<void>;
  /** Attempts after the first; default 5, with exponential backoff from `retryDelaySeconds`. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A job running longer is considered dead (process killed) and retried. Default 15 min. */
  expireInSeconds?: number;
  /** Rate limit: at most `batchSize` jobs every `pollingIntervalSeconds` (per process). */
  batchSize?: number;
  pollingIntervalSeconds?: number;
  /** Cron expression (UTC unless `tz`): the job is sent on this schedule with empty data. */
  cron?: string;
  tz?: string;
}

export interface SendOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  /** Drop the job if one with the same key is already waiting (pg-boss singletonKey). */
  singletonKey?: string;
}

export interface Queue {
  /** Registers job handlers; call before `start`. */
  register(definitions: JobDefinition<never>[]): void;
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Many jobs of one kind in one statement (pg-boss `insert`), e.g. a digest chunk's mails. */
  sendMany<T extends object>(name: string, data: readonly T[]): Promise<void>;
  /** Creates pg-boss's tables and the queues; with `workers`, polls and runs jobs in the background. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Runs every job that is due now, in this call, until none is left (or `maxRounds`). For tests
   * and scripts; returns the number of jobs run. Failed jobs are marked for retry as usual.
   */
  drain(options?: { names?: string[]; maxRounds?: number }): Promise<number>;
}

export function createQueue(options: { raw: RawSql; logger: Logger; workers: boolean }): Queue {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => options.raw.query(text, values) },
    // Maintenance (expiry of a killed worker's job → retry) and cron only where workers run
    // (the server process); tests drive jobs with `drain`.
    supervise: options.workers,
    schedule: options.workers,
  });
  boss.on('error', (error) => options.logger.error('queue error', { error: String(error) }));
  const definitions = new Map<string, JobDefinition<never>>();
  let started = false;

  const runOne = async (definition: JobDefinition<never>, job: PgBoss.Job<unknown>) => {
    try {
      await definition.handler(job.data as never, {
        id: job.id,
        retryCount: (job as { retryCount?: number }).retryCount ?? 0,
      });
    } catch (error) {
      options.logger.warn('job failed', { name: definition.name, id: job.id, error: String(error) });
      await boss.fail(definition.name, job.id, { message: String(error) });
      return;
    }
    await boss.complete(definition.name, job.id);
  };

  /** A registered job's retry and expiry settings (throws for an unknown job or a stopped queue). */
  const jobOptions = (name: string) => {
    const definition = definitions.get(name);
    if (!definition) throw new Error(`Unknown job: ${name}`);
    if (!started) throw new Error('Queue not started');
    return {
      retryLimit: definition.retryLimit ?? 5,
      retryDelay: definition.retryDelaySeconds ?? 30,
      retryBackoff: true,
      expireInSeconds: definition.expireInSeconds ?? 15 * 60,
    };
  };

  return {
    register(list) {
      for (const definition of list) definitions.set(definition.name, definition);
    },

    async send(name, data, sendOptions = {}) {
      return boss.send(name, data, {
        ...jobOptions(name),
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
      });
    },

    async sendMany(name, list) {
      const options = jobOptions(name);
      if (list.length === 0) return;
      await boss.insert(list.map((data) => ({ name, data, ...options })));
    },

    async start() {
      await boss.start();
      for (const definition of definitions.values()) await boss.createQueue(definition.name);
      started = true;
      if (!options.workers) return;
      for (const definition of definitions.values()) {
        await boss.work(
          definition.name,
          {
            batchSize: definition.batchSize ?? 1,
            pollingIntervalSeconds: definition.pollingIntervalSeconds ?? 2,
          },
          async (jobs) => {
            // One at a time: a failing job is failed alone, the rest of the batch goes on.
            for (const job of jobs) await runOne(definition, job);
          },
        );
        if (definition.cron) {
          await boss.schedule(
            definition.name,
            definition.cron,
            {},
            definition.tz ? { tz: definition.tz } : {},
          );
        }
      }
    },

    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, close: false });
    },

    async drain({ names, maxRounds = 100 } = {}) {
      if (!started) throw new Error('Queue not started');
      let count = 0;
      for (let round = 0; round < maxRounds; round++) {
        let ranThisRound = 0;
        for (const definition of definitions.values()) {
          if (names && !names.includes(definition.name)) continue;
          const jobs = await boss.fetch<unknown>(definition.name, { batchSize: 50 });
          for (const job of jobs) await runOne(definition, job);
          ranThisRound += jobs.length;
        }
        count += ranThisRound;
        if (ranThisRound === 0) break;
      }
      return count;
    },
  };
}
