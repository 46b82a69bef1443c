import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '#server/db/client';

/**
 * Live delivery of new messages (issue 12 §3, decision 039). `appendMessage` sends
 * `pg_notify('kizuna_messages', …)` inside the writer's transaction: PostgreSQL delivers it at
 * commit (never for a rollback) to every process listening, PGlite to its own listener — one path
 * for one process and for many. The payload holds ids only (a NOTIFY payload is at most 8,000
 * bytes): each process that has a subscriber for a recipient reads the message once.
 */
export const MESSAGE_CHANNEL = 'kizuna_messages';

export interface MessageSignal {
  conversationId: string;
  messageId: string;
  /** Current participants when it was written: the only ones who receive it. */
  recipients: string[];
}

type Executor = Pick<Db, 'execute'>;

/** Inside the writer's transaction: announced at commit. */
export async function signalMessage(tx: Executor, signal: MessageSignal): Promise<void> {
  await tx.execute(sql`select pg_notify(${MESSAGE_CHANNEL}, ${JSON.stringify(signal)})`);
}

export type MessageListener = (signal: MessageSignal) => void;

export interface MessageBus {
  /** Calls `listener` for each committed message; returns the way to stop. */
  subscribe(listener: MessageListener): () => void;
  /** Resolves once the process listens (a stream opened before it would miss messages). */
  ready: Promise<void>;
  close(): Promise<void>;
}

const buses = new WeakMap<object, MessageBus>();

/** The one bus of a database in this process, started on first use. */
export function messageBus(db: Db): MessageBus {
  const client = (db as unknown as { $client: object }).$client;
  let bus = buses.get(client);
  if (!bus) {
    bus = startBus(client);
    buses.set(client, bus);
  }
  return bus;
}

function parse(payload: string | undefined | null): MessageSignal | null {
  if (!payload) return null;
  try {
    const value = JSON.parse(payload) as MessageSignal;
    return typeof value.conversationId === 'string' && Array.isArray(value.recipients) ? value : null;
  } catch {
    return null;
  }
}

function startBus(client: object): MessageBus {
  const listeners = new Set<MessageListener>();
  const emit = (payload: string | undefined | null) => {
    const signal = parse(payload);
    if (!signal) return;
    for (const listener of listeners) listener(signal);
  };
  let stop: () => Promise<void> = async () => undefined;
  let ready: Promise<void>;
  if (client instanceof pg.Pool) {
    // LISTEN holds a connection: one of its own, not the pool's, opened again when it drops.
    const options = (client as unknown as { options: pg.ClientConfig }).options;
    let current: pg.Client | undefined;
    let closed = false;
    const connect = async (): Promise<void> => {
      const next = new pg.Client(options);
      next.on('notification', (m) => m.channel === MESSAGE_CHANNEL && emit(m.payload));
      next.on('error', () => undefined);
      next.on('end', () => {
        if (closed || current !== next) return;
        current = undefined;
        setTimeout(() => void connect().catch(() => undefined), 1_000).unref();
      });
      await next.connect();
      await next.query(`LISTEN ${MESSAGE_CHANNEL}`);
      current = next;
    };
    ready = connect();
    stop = async () => {
      closed = true;
      await ready.catch(() => undefined);
      await current?.end().catch(() => undefined);
    };
    // The listening connection is not the pool's: closing the database must close it too, or it
    // keeps the process alive and the database busy (a test's DROP DATABASE waits on it).
    const pool = client;
    const endPool = pool.end.bind(pool);
    pool.end = (async () => {
      await stop();
      return endPool();
    }) as typeof pool.end;
  } else {
    const lite = client as PGlite;
    ready = lite
      .listen(MESSAGE_CHANNEL, (payload) => emit(payload))
      .then((unlisten) => {
        stop = unlisten;
      });
  }
  ready.catch(() => undefined);
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    close: () => stop(),
  };
}
