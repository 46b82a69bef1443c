import { describe, expect, it } from 'vitest';
import type { Viewer } from '#server/lib/access/policy';
import type { Env } from './env';
import { AppError } from './errors';
import { authorize } from './http';

/** A bare context: authorize reads only the viewer and the environment. */
const context = (viewer: Pick<Viewer, 'id' | 'role'> | null, env: Partial<Env> = { NODE_ENV: 'test' }) =>
  ({ var: { viewer, deps: { env } } }) as never;

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'none';
};

describe('authorize(c, can)', () => {
  it('answers 401 to an anonymous caller, without asking can', () => {
    let asked = false;
    const can = () => {
      asked = true;
      return true;
    };
    expect(codeOf(() => authorize(context(null), can))).toBe('unauthenticated');
    expect(asked).toBe(false);
  });

  it('answers 404 (hidden, never 403) when can refuses', () => {
    expect(codeOf(() => authorize(context({ id: 'u1', role: 'alumni' }), () => false))).toBe('not_found');
  });

  it('returns the viewer when can allows, and hands can the environment', () => {
    const viewer = { id: 'u1', role: 'admin' as const };
    const seen: string[] = [];
    const can = (v: Viewer, env: Env) => {
      seen.push(`${v.id} ${env.NODE_ENV}`);
      return v.role === 'admin';
    };
    expect(authorize(context(viewer, { NODE_ENV: 'development' }), can)).toBe(viewer);
    expect(seen).toEqual(['u1 development']);
  });
});
