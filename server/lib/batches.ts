/**
 * Requests for the same key served together (decision 043, "the registration desk"): a request
 * joins its key's line; while one batch of a key is being served the next ones wait, and are then
 * served together, up to `max` at a time. At low load a batch is one request and nothing waits;
 * under a burst the work that must be serialised (a lock held per key) is done once per batch
 * instead of once per request. Keys are served independently of each other.
 *
 * `serve` answers each request of a batch in order: a value or an error of its own. If `serve`
 * throws, every request of the batch is served again alone, so one request's failure is never
 * another's.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface Batches<K, R, T> {
  submit(key: K, request: R): Promise<T>;
}

interface Waiting<R, T> {
  request: R;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export function batches<K, R, T>(
  serve: (key: K, batch: readonly R[]) => Promise<Outcome<T>[]>,
  { max }: { max: number },
): Batches<K, R, T> {
  const lines = new Map<K, Waiting<R, T>[]>();

  const settle = (waiting: readonly Waiting<R, T>[], outcomes: readonly Outcome<T>[]) => {
    waiting.forEach((w, i) => {
      const outcome = outcomes[i];
      if (!outcome) w.reject(new Error('batches: no outcome for a request'));
      else if (outcome.ok) w.resolve(outcome.value);
      else w.reject(outcome.error);
    });
  };

  const serveAlone = async (key: K, w: Waiting<R, T>) => {
    try {
      settle([w], await serve(key, [w.request]));
    } catch (error) {
      w.reject(error);
    }
  };

  async function drain(key: K, line: Waiting<R, T>[]) {
    while (line.length > 0) {
      const batch = line.splice(0, max);
      try {
        settle(
          batch,
          await serve(
            key,
            batch.map((w) => w.request),
          ),
        );
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error);
        else for (const w of batch) await serveAlone(key, w);
      }
    }
    lines.delete(key);
  }

  return {
    submit(key, request) {
      return new Promise<T>((resolve, reject) => {
        const waiting = { request, resolve, reject };
        const line = lines.get(key);
        if (line) {
          line.push(waiting);
          return;
        }
        const fresh = [waiting];
        lines.set(key, fresh);
        void drain(key, fresh);
      });
    },
  };
}
