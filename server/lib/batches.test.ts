import { describe, expect, it } from 'vitest';
import { batches, type Outcome } from './batches';

/** A serve function that records its batches and answers each request with its double. */
function recorder(options: { failWhen?: (batch: readonly number[]) => boolean } = {}) {
  const served: number[][] = [];
  const serve = async (_key: string, batch: readonly number[]): Promise<Outcome<number>[]> => {
    served.push([...batch]);
    await new Promise((r) => setTimeout(r, 5));
    if (options.failWhen?.(batch)) throw new Error('batch failed');
    return batch.map((n) =>
      n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: n * 2 },
    );
  };
  return { served, serve };
}

describe('batches', () => {
  it('serves the first request alone at once and those that waited together, in order, up to max', async () => {
    const { served, serve } = recorder();
    const desk = batches(serve, { max: 3 });
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => desk.submit('a', n)));
    expect(answers).toEqual([2, 4, 6, 8, 10, 12]);
    expect(served).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('serves keys independently', async () => {
    const { served, serve } = recorder();
    const desk = batches(serve, { max: 10 });
    await Promise.all([desk.submit('a', 1), desk.submit('b', 2), desk.submit('a', 3), desk.submit('b', 4)]);
    expect(served).toEqual([[1], [2], [3], [4]]);
  });

  it('answers each request with its own error; a thrown batch is served again one by one', async () => {
    const { served, serve } = recorder({ failWhen: (b) => b.length > 1 });
    const desk = batches(serve, { max: 10 });
    const results = await Promise.allSettled([1, 2, -3, 4].map((n) => desk.submit('a', n)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      2,
      4,
      'bad -3',
      8,
    ]);
    expect(served).toEqual([[1], [2, -3, 4], [2], [-3], [4]]);
  });

  it('a key is served again after its line emptied', async () => {
    const { served, serve } = recorder();
    const desk = batches(serve, { max: 10 });
    expect(await desk.submit('a', 1)).toBe(2);
    expect(await desk.submit('a', 2)).toBe(4);
    expect(served).toEqual([[1], [2]]);
  });
});
