import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';

/** Every leaf as "a.b.c" → value. */
function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

describe('UI catalogue', () => {
  const jaKeys = flatten(ja);
  const enKeys = flatten(en);

  it('has exactly the same keys in Japanese and English', () => {
    expect([...jaKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it.each([
    ['ja', jaKeys],
    ['en', enKeys],
  ] as const)('has no empty or non-string values in %s', (_lang, keys) => {
    const bad = [...keys].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const mismatched = [...enKeys.keys()].filter(
      (k) => JSON.stringify(vars(enKeys.get(k))) !== JSON.stringify(vars(jaKeys.get(k))),
    );
    expect(mismatched).toEqual([]);
  });
});
