import type { Db } from '#server/db/client';
import type { Auth } from './auth';
import type { Clock } from './clock';
import type { Env } from './env';
import type { DomainHooks } from './hooks';
import type { Logger } from './logger';
import type { Mailer } from './mail';
import type { MailCatcher } from './mail-catcher';
import type { Queue } from './queue';

/** What every route, service and job is given: built once by createApp (server/app.ts). */
export interface AppDeps {
  db: Db;
  env: Env;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
  auth: Auth;
  queue: Queue;
  /** What features announce to each other in a transaction (wired in server/hooks.ts). */
  hooks: DomainHooks;
  /** The local SMTP catcher (development, tests): the outbox shows what it received. */
  mailCatcher?: MailCatcher;
}
